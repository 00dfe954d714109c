import { blockSpans, type Article } from '../article/article';
import type { Decoration, MarkDecoration } from './runs';

export type DecorationsByBlock = ReadonlyMap<string, readonly Decoration[]>;

/**
 * Each feature (entities, highlights, shared passages) produces its own decorations per block;
 * the reader renders their union. Later sources paint on top of earlier ones. A block decorated by
 * one source only keeps that source's array, so memoised blocks of a long article do not re-render
 * when another block changes.
 */
export function mergeDecorations(...sources: ReadonlyArray<DecorationsByBlock | undefined>): DecorationsByBlock {
  const present = sources.filter((s): s is DecorationsByBlock => s !== undefined && s.size > 0);
  if (present.length === 1) return present[0]!;
  const merged = new Map<string, readonly Decoration[]>();
  for (const source of present) {
    for (const [blockId, decorations] of source) {
      const earlier = merged.get(blockId);
      merged.set(blockId, earlier ? [...earlier, ...decorations] : decorations);
    }
  }
  return merged;
}

/** One range of article offsets as decorations of one kind, cut at block boundaries (block-relative offsets). */
export function rangeDecorations(article: Pick<Article, 'blocks'>, start: number, end: number, id: string, kind: MarkDecoration['kind']): Map<string, MarkDecoration[]> {
  const result = new Map<string, MarkDecoration[]>();
  for (const span of blockSpans(article)) {
    const from = Math.max(start, span.start);
    const to = Math.min(end, span.end);
    if (to > from) result.set(span.block.id, [{ kind, start: from - span.start, end: to - span.start, id }]);
  }
  return result;
}
