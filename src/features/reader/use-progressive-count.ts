import { startTransition, useEffect, useState } from 'react';
import type { Block } from '../../core/article/article';

/** Blocks mounted in the first render; the rest follow in chunks (a 100,000-word article has ~2,000). */
export const INITIAL_BLOCKS = 150;
const CHUNK = 150;
/** Blocks mounted past the one the reader is sent to, so the screen around it is full. */
const AROUND = 40;

/**
 * How many of the article's blocks to mount now. A long article's first render mounts only the
 * first blocks (or up to the block a link or the saved position points at), then adds the others
 * in background transitions, so opening it never blocks the main thread for long. Blocks are only
 * ever appended below, so nothing visible moves.
 */
export function useProgressiveCount(blocks: readonly Block[], wantedIds: ReadonlyArray<string | undefined>): number {
  const wanted = Math.max(...wantedIds.map((id) => (id ? blocks.findIndex((b) => b.id === id) : -1)));
  const floor = Math.min(blocks.length, Math.max(INITIAL_BLOCKS, wanted + AROUND));
  const [state, setState] = useState({ blocks, count: floor });
  const count = state.blocks === blocks ? Math.max(state.count, floor) : floor;

  useEffect(() => {
    if (count >= blocks.length) return;
    const timer = setTimeout(() => startTransition(() => setState({ blocks, count: Math.min(blocks.length, count + CHUNK) })), 0);
    return () => clearTimeout(timer);
  }, [blocks, count]);

  return count;
}
