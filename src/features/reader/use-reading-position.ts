import { useEffect, useRef, type RefObject } from 'react';
import type { ReadingProgress } from '../../core/settings/progress-store';
import { holdInView } from '../../shared/hold-in-view';
import { readingPlace } from './reading-place';

const FLASH_MS = 2400;

/**
 * Where the article opens and what it remembers:
 * - a deep-linked block is scrolled into view, focused and flashed for a moment (data-flashing);
 * - otherwise the saved reading position is restored;
 * - while reading, the block at the top of the viewport and the share read are reported (debounced).
 */
export function useReadingPosition(
  container: RefObject<HTMLElement | null>,
  articleId: string,
  targetBlockId: string | undefined,
  saved: ReadingProgress | null,
  onProgress: (progress: ReadingProgress) => void,
  /** Words per block and each block's index in the article (see reading-place). */
  words: readonly number[],
  index: ReadonlyMap<string, number>,
  /** False while the block to arrive at is not mounted yet (long articles mount progressively). */
  ready = true,
): void {
  const savedRef = useRef(saved);
  const onProgressRef = useRef(onProgress);
  useEffect(() => {
    onProgressRef.current = onProgress;
  });

  // Arrive: at the linked block, or where the reader left off.
  useEffect(() => {
    const root = container.current;
    if (!root || !ready) return;
    if (targetBlockId) {
      const target = root.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(targetBlockId)}"]`);
      if (!target) return; // the reader says so: the block is not in the article
      const place = () => target.scrollIntoView?.({ block: 'center' });
      place();
      target.focus({ preventScroll: true });
      // Fonts and far blocks settling move the text: the block stays centred until the reader moves.
      const release = holdInView(root, place);
      // An attribute React does not manage, so re-renders (marks arriving) keep the flash.
      target.setAttribute('data-flashing', '');
      const timer = window.setTimeout(() => target.removeAttribute('data-flashing'), FLASH_MS);
      return () => {
        release();
        window.clearTimeout(timer);
        target.removeAttribute('data-flashing');
      };
    }
    const progress = savedRef.current;
    if (progress) {
      const block = root.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(progress.blockId)}"]`);
      if (block) block.scrollIntoView?.({ block: 'start' });
      else window.scrollTo(0, progress.fraction * (document.documentElement.scrollHeight - window.innerHeight));
    } else {
      window.scrollTo(0, 0);
    }
  }, [container, articleId, targetBlockId, ready]);

  // Remember: the block at the top of the window and the share of the words read (the figure the
  // progress bar and the library show).
  useEffect(() => {
    let timer = 0;
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const root = container.current;
        const place = root ? readingPlace(root, words, index) : null;
        if (place) onProgressRef.current({ ...place, updated: new Date().toISOString() });
      }, 400);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
    };
  }, [container, articleId, words, index]);

}
