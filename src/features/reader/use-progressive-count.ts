import { startTransition, useEffect, useState } from 'react';
import type { Block } from '../../core/article/article';
import type { ReaderHandle } from '../../shared/reader-handle';

/** Blocks mounted in the first render (a few screens); the rest follow in chunks. */
export const INITIAL_BLOCKS = 24;
const CHUNK = 150;

/**
 * How many of the article's blocks to mount now. A long article's first render mounts only its
 * first blocks, then adds the others in background transitions (React yields while rendering them),
 * so opening a 100,000-word article never blocks the main thread for long. Each next chunk waits for
 * the previous one to be committed and takes its turn on the reader's scheduler, between the
 * features' own slices (marks delivered, highlights anchored). Blocks are only ever appended below,
 * so nothing visible moves; a linked or saved position is reached once its block is mounted (see
 * useReadingPosition).
 */
export function useProgressiveCount(reader: ReaderHandle, blocks: readonly Block[]): number {
  const floor = Math.min(blocks.length, INITIAL_BLOCKS);
  const [state, setState] = useState({ blocks, count: floor });
  const count = state.blocks === blocks ? Math.max(state.count, floor) : floor;

  useEffect(() => {
    if (count >= blocks.length) return;
    return reader.schedule({
      step: () => {
        startTransition(() => setState({ blocks, count: Math.min(blocks.length, count + CHUNK) }));
        return false;
      },
    });
  }, [reader, blocks, count]);

  return count;
}
