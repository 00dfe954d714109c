import { startTransition, useEffect, useRef, useState } from 'react';
import type { Block } from '../../core/article/article';
import type { EntityDecoration } from '../../core/decorations/runs';

type ByBlock = ReadonlyMap<string, readonly EntityDecoration[]>;

const sameDecorations = (a: readonly EntityDecoration[], b: readonly EntityDecoration[]): boolean =>
  a.length === b.length && a.every((d, i) => {
    const e = b[i] as EntityDecoration;
    return d.start === e.start && d.end === e.end && d.id === e.id && d.type === e.type && d.mentionIndex === e.mentionIndex;
  });

/** Index of the first block whose bottom is below the top of the viewport (binary search, blocks are in order). */
function firstVisibleBlock(blocks: readonly Block[]): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const el = document.getElementById((blocks[mid] as Block).id);
    if (!el) return 0;
    if (el.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Hands the reader its entity decorations without blocking the main thread on long articles:
 * - arrays equal to the ones already shown are reused, so only blocks whose marks changed re-render
 *   (a correction touches a few blocks, not the whole article);
 * - the first delivery for an article comes in chunks of about `chunk` marks, the blocks around the
 *   viewport first, each chunk a transition.
 */
export function useProgressiveDecorations(full: ByBlock | undefined, blocks: readonly Block[], chunk = 500): ByBlock | undefined {
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
    const top = firstVisibleBlock(blocks);
    const order = blocks.map((_, i) => i).sort((a, b) => Math.abs(a - top - 8) - Math.abs(b - top - 8));
    const partial = new Map<string, readonly EntityDecoration[]>();
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
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
      if (next < order.length) timer = setTimeout(step, 24);
    };
    step();
    return () => clearTimeout(timer);
  }, [full, blocks, chunk]);

  return full ? shown : undefined;
}
