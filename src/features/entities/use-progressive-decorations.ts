import { startTransition, useEffect, useRef, useState } from 'react';
import type { Block } from '../../core/article/article';
import type { EntityDecoration } from '../../core/decorations/runs';
import type { ReaderHandle } from '../../shared/reader-handle';

type ByBlock = ReadonlyMap<string, readonly EntityDecoration[]>;

const sameDecorations = (a: readonly EntityDecoration[], b: readonly EntityDecoration[]): boolean =>
  a.length === b.length && a.every((d, i) => {
    const e = b[i] as EntityDecoration;
    return d.start === e.start && d.end === e.end && d.id === e.id && d.type === e.type && d.mentionIndex === e.mentionIndex;
  });

/**
 * Hands the reader its entity decorations without blocking the main thread on long articles:
 * - arrays equal to the ones already shown are reused, so only blocks whose marks changed re-render
 *   (a correction touches a few blocks, not the whole article);
 * - the first delivery for an article comes in chunks of about `chunk` marks, the blocks around the
 *   viewport first, each chunk a transition, on the reader's scheduler.
 */
export function useProgressiveDecorations(reader: ReaderHandle, full: ByBlock | undefined, blocks: readonly Block[], chunk = 500): ByBlock | undefined {
  const [shown, setShown] = useState<ByBlock | undefined>(undefined);
  const shownRef = useRef<ByBlock | undefined>(undefined);
  const blocksRef = useRef(blocks);

  useEffect(() => {
    if (blocksRef.current !== blocks) {
      blocksRef.current = blocks;
      shownRef.current = undefined;
    }
    if (!full) return;
    const previous = shownRef.current;
    const stable = new Map<string, readonly EntityDecoration[]>();
    for (const [id, list] of full) {
      const old = previous?.get(id);
      stable.set(id, old && sameDecorations(old, list) ? old : list);
    }
    const publish = (map: ByBlock) => {
      shownRef.current = map;
      startTransition(() => setShown(map));
    };
    let total = 0;
    for (const list of stable.values()) total += list.length;
    if (previous || total <= chunk) {
      publish(stable);
      return;
    }
    // First delivery of a long article: nearest blocks first.
    const top = reader.visibleBlocks().first;
    const order = blocks.map((_, i) => i).sort((a, b) => Math.abs(a - top - 8) - Math.abs(b - top - 8));
    const partial = new Map<string, readonly EntityDecoration[]>();
    let next = 0;
    const step = (): boolean => {
      let count = 0;
      while (next < order.length && count < chunk) {
        const id = (blocks[order[next] as number] as Block).id;
        next += 1;
        const list = stable.get(id);
        if (list) {
          partial.set(id, list);
          count += list.length;
        }
      }
      publish(next < order.length ? new Map(partial) : stable);
      return next < order.length;
    };
    // The first chunk now; the rest a chunk at a time, leaving React time to render each.
    if (!step()) return;
    return reader.schedule({ step, interval: 24 });
  }, [reader, full, blocks, chunk]);

  return full ? shown : undefined;
}
