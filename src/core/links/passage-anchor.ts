import { articleText, blockSpans, type Article, type BlockSpan } from '../article/article';
import { anchor, isOrphan, type AnchorMethod, type Selectors } from '../annotations/anchoring';
import type { MarkDecoration } from '../decorations/runs';
import { rangeDecorations } from '../decorations/merge';
import type { SharedPassage } from './share-link';

/**
 * Finding a shared passage in the recipient's copy of the article, with the same anchoring as notes
 * (position, block, exact, then fuzzy). A long passage travels as its first and last words and is
 * expanded here: from an occurrence of the first words to the next occurrence of the last words.
 */

export type PassageLocation =
  | { readonly status: 'found'; readonly start: number; readonly end: number; readonly blockId: string; readonly method: AnchorMethod }
  /** The passage is not in this version of the article; `blockId` is set when its block still is. */
  | { readonly status: 'changed'; readonly blockId?: string };

/** A long passage's last words are looked for at most this far after its first words. */
const MAX_EXPANSION = 50_000;
/** Occurrences of the first words tried when expanding. */
const MAX_HEADS = 64;

function selectorsFor(blockId: string, exact: string, prefix: string, suffix: string, hint: number): Selectors {
  return {
    blockId,
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start: hint, end: hint + exact.length },
  };
}

function spanAt(spans: readonly BlockSpan[], offset: number): BlockSpan | undefined {
  // An offset inside the separator belongs to the following block.
  return spans.find((s) => offset < s.end + 2) ?? spans[spans.length - 1];
}

function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && found.length < limit; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

export function locatePassage(article: Article, passage: SharedPassage): PassageLocation {
  const spans = blockSpans(article);
  const block = spans.find((s) => s.block.id === passage.blockId);
  const hint = block?.start ?? 0;
  const changed: PassageLocation = { status: 'changed', ...(block ? { blockId: block.block.id } : {}) };
  const found = (start: number, end: number, method: AnchorMethod): PassageLocation => ({
    status: 'found',
    start,
    end,
    method,
    blockId: spanAt(spans, start)?.block.id ?? passage.blockId,
  });

  if (passage.quoteEnd === undefined) {
    const result = anchor(article, selectorsFor(passage.blockId, passage.quote, passage.prefix, passage.suffix, hint));
    return isOrphan(result) ? changed : found(result.start, result.end, result.method);
  }

  // Long passage: expand exactly first — heads in the link's block first, then those whose prefix agrees.
  const text = articleText(article);
  const { quote, quoteEnd, prefix, suffix } = passage;
  const heads = occurrences(text, quote, MAX_HEADS).sort((a, b) => rank(a) - rank(b));
  function rank(at: number): number {
    const inBlock = block && at >= block.start && at < block.end ? 0 : 2;
    const prefixAgrees = prefix === '' || text.slice(Math.max(0, at - prefix.length), at) === prefix ? 0 : 1;
    return inBlock + prefixAgrees;
  }
  for (const start of heads) {
    // Only the reach of an expansion is searched: a scan to the end of a huge article per head would freeze.
    const reach = text.slice(start, start + MAX_EXPANSION);
    const tailAt = reach.indexOf(quoteEnd, quote.length);
    if (tailAt >= 0) return found(start, start + tailAt + quoteEnd.length, 'exact');
    // Ends may overlap when the passage was only a little over the limit.
    const overlapping = reach.indexOf(quoteEnd);
    if (overlapping >= 0 && overlapping + quoteEnd.length >= quote.length) return found(start, start + overlapping + quoteEnd.length, 'exact');
  }

  // Then each end on its own, with the context on its outer side (fuzzy if need be).
  const first = anchor(article, selectorsFor(passage.blockId, quote, prefix, '', hint));
  if (isOrphan(first)) return changed;
  const last = anchor(text, selectorsFor(passage.blockId, quoteEnd, '', suffix, first.end));
  if (isOrphan(last) || last.end <= first.start || last.end - first.start > MAX_EXPANSION) return changed;
  return found(first.start, last.end, 'fuzzy');
}

/** The passage as 'shared' marks, per block, in each block's own offsets. */
export function passageDecorations(article: Pick<Article, 'blocks'>, start: number, end: number, id: string): Map<string, MarkDecoration[]> {
  return rangeDecorations(article, start, end, id, 'shared');
}

/** The text of a passage as it travelled (for "this passage has changed"): a long one as "first … last". */
export function passageQuoteText(passage: SharedPassage): string {
  return passage.quoteEnd === undefined ? passage.quote : `${passage.quote} … ${passage.quoteEnd}`;
}
