// Reading token<TAB>tag files (ANERcorp format) for the NER scripts.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagId } from '../../packages/arabic-ner/src/tags.ts';
import type { LabelledSentence } from '../../packages/arabic-ner/src/perceptron.ts';

export interface ConllLine { token: string; tag: string | null }

/** Lines grouped into sentences; a blank line ends a sentence. `lines` keeps the file's layout. */
export function readConll(path: string): { sentences: ConllLine[][]; layout: Array<number | null> } {
  const text = readFileSync(path, 'utf8').replace(/\r/g, '');
  const rows = text.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  const sentences: ConllLine[][] = [];
  const layout: Array<number | null> = []; // sentence index per non-blank line, null for blank lines
  let cur: ConllLine[] = [];
  for (const row of rows) {
    if (row.trim() === '') {
      if (cur.length) { sentences.push(cur); cur = []; }
      layout.push(null);
      continue;
    }
    const tab = row.lastIndexOf('\t');
    const hasTag = tab > 0 && /^(O|[BI]-\w+)$/.test(row.slice(tab + 1).trim());
    cur.push({ token: hasTag ? row.slice(0, tab) : row, tag: hasTag ? row.slice(tab + 1).trim() : null });
    layout.push(sentences.length);
  }
  if (cur.length) sentences.push(cur);
  return { sentences, layout };
}

export function toLabelled(sentences: ConllLine[][]): LabelledSentence[] {
  return sentences.map((s) => ({ tokens: s.map((l) => l.token), tags: s.map((l) => tagId(l.tag ?? 'O')) }));
}

// Paths from this file when it runs from disk; from the repo root under a test DOM (http: URLs).
const HERE = import.meta.url.startsWith('file:') ? dirname(fileURLToPath(import.meta.url)) : resolve('scripts/ner');
export const REPO_ROOT = resolve(HERE, '../..');
export const DATA_DIR = resolve(REPO_ROOT, '../shared/data/anercorp');
export const MODEL_PATH = resolve(REPO_ROOT, 'packages/arabic-ner/model/ner-model.bin');
