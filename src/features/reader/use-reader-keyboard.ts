import { useEffect, useRef, type RefObject } from 'react';
import { announce } from '../../shared/announcer';
import { readerKey } from '../../shared/reader-keys';

export interface ReaderKeyboard {
  /** Back to the library (l). */
  onLibrary: () => void;
  /** The list of keys (?). */
  onKeys: () => void;
  /** Said when a step goes nowhere (first or last paragraph). */
  ends: { first: string; last: string };
}

/**
 * The reader's own keys: j/k and Alt+↓/↑ between paragraphs (focus moves, and with it the article's
 * one Tab stop), l to the library, ? for the keys. Keys never fire while typing or under a dialog.
 */
export function useReaderKeyboard(container: RefObject<HTMLElement | null>, keyboard: ReaderKeyboard): void {
  const latest = useRef(keyboard);
  useEffect(() => {
    latest.current = keyboard;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const key = readerKey(event);
      if (!key || key === 'close') return;
      if (document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]')) return;
      const root = container.current;
      if (!root) return;
      if (key === 'next-block' || key === 'previous-block') {
        event.preventDefault();
        const moved = moveFocus(root, key === 'next-block' ? 1 : -1);
        if (!moved) announce(key === 'next-block' ? latest.current.ends.last : latest.current.ends.first);
      } else if (key === 'library') {
        event.preventDefault();
        latest.current.onLibrary();
      } else if (key === 'keys') {
        event.preventDefault();
        latest.current.onKeys();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [container]);
}

/** Focus the next or previous block (from the focused one, else from the first on screen); false at either end. */
function moveFocus(root: HTMLElement, step: 1 | -1): boolean {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-block-id]')];
  if (blocks.length === 0) return false;
  const active = document.activeElement?.closest<HTMLElement>('[data-block-id]');
  let index = active && root.contains(active) ? blocks.indexOf(active) : -1;
  if (index < 0) {
    // Start from the first block visible in the viewport.
    index = blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0) - step;
  }
  const target = index + step;
  const next = blocks[Math.max(0, Math.min(blocks.length - 1, target))];
  if (!next || next === active) return false;
  next.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  next.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  return true;
}
