import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { describe } from '../../src/core/annotations/anchoring';
import { createAnnotation, type Annotation, type AnnotationColor } from '../../src/core/annotations/annotation';
import { annotationsKey } from '../../src/core/annotations/annotation-store';
import { articleText } from '../../src/core/article/article';
import { parsePlainTextArticle } from '../../src/core/article/parse-text';
import { SAMPLE_ID } from './fixtures';

const sample = parsePlainTextArticle(readFileSync(resolve(import.meta.dirname, '../../public/articles', `${SAMPLE_ID}.txt`), 'utf8'), { id: SAMPLE_ID });
export const sampleText = articleText(sample);
export const sampleTitle = sample.title;

/** The sample's block ids, in reading order. */
export const sampleBlockIds = (): string[] => sample.blocks.map((block) => block.id);

/** A highlight of `quote` (its first occurrence) in the sample, made as the reader would. */
export function sampleNote(quote: string, extra: { color?: AnnotationColor; note?: string; tags?: string[] } = {}): Annotation {
  const start = sampleText.indexOf(quote);
  if (start < 0) throw new Error(`not in the sample: ${quote}`);
  return createAnnotation({ articleId: SAMPLE_ID, selectors: describe(sample, { start, end: start + quote.length }), ...extra });
}

/** Stores the notes before the app starts (every page load of the test sees them until changed). */
export async function seedNotes(page: Page, notes: readonly Annotation[]): Promise<void> {
  const value = JSON.stringify({ v: 1, data: Object.fromEntries(notes.map((n) => [n.id, n])) });
  await page.addInitScript(
    ({ key, value }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    { key: annotationsKey(SAMPLE_ID), value },
  );
}
