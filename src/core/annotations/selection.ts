import type { Article } from '../article/article';
import { articleText } from '../article/article';
import { describe, snapToWords, type TextRange } from './anchoring';

/** A selection in article offsets (articleText), snapped to whole words. */
export interface SelectionRange {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

/**
 * The reader's selection (a range of articleText) widened to whole words, with its quote and the
 * block it starts in; null when nothing but whitespace is selected.
 */
export function wordSelection(article: Pick<Article, 'blocks'>, range: TextRange): SelectionRange | null {
  const text = articleText(article);
  const snapped = snapToWords(text, range);
  if (snapped.end <= snapped.start) return null;
  const quote = text.slice(snapped.start, snapped.end);
  if (!quote.trim()) return null;
  return { blockId: describe(article, snapped).blockId, start: snapped.start, end: snapped.end, quote };
}
