import { blockSpans, type Article } from '../../core/article/article';

/** A span of one block's text, by block id and offsets in that block, with where it is on screen. */
export interface BlockSelection {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly rect: { top: number; bottom: number; left: number; right: number };
}

/**
 * A range in article offsets (articleText, as the selection toolbar gives it) → the part of it in
 * its first block, trimmed of spaces. null when nothing is left.
 */
export function blockSelectionFromArticleRange(
  article: Pick<Article, 'blocks'>,
  range: { start: number; end: number },
  rect: BlockSelection['rect'],
): BlockSelection | null {
  const span = blockSpans(article).find((s) => range.start >= s.start && range.start < s.end);
  if (!span) return null;
  const text = span.block.text;
  let start = range.start - span.start;
  let end = Math.min(range.end - span.start, text.length);
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end <= start) return null;
  return { blockId: span.block.id, start, end, text: text.slice(start, end), rect };
}

/** Where the current DOM selection is on screen (for placing the type chooser). */
export function selectionRect(): BlockSelection['rect'] {
  const selection = document.getSelection();
  const box = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect?.() : null;
  return box ? { top: box.top, bottom: box.bottom, left: box.left, right: box.right } : { top: 80, bottom: 80, left: 16, right: 16 };
}
