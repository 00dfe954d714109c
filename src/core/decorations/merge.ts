import type { Decoration } from './runs';

export type DecorationsByBlock = ReadonlyMap<string, readonly Decoration[]>;

/**
 * Each feature (entities, highlights, shared passages) produces its own decorations per block;
 * the reader renders their union. Later sources paint on top of earlier ones.
 */
export function mergeDecorations(...sources: ReadonlyArray<DecorationsByBlock | undefined>): DecorationsByBlock {
  const present = sources.filter((s): s is DecorationsByBlock => s !== undefined && s.size > 0);
  if (present.length === 1) return present[0]!;
  const merged = new Map<string, Decoration[]>();
  for (const source of present) {
    for (const [blockId, decorations] of source) {
      const list = merged.get(blockId);
      if (list) list.push(...decorations);
      else merged.set(blockId, [...decorations]);
    }
  }
  return merged;
}
