import { useEffect, type RefObject } from 'react';
import type { ReaderHandleHost } from '../../shared/reader-handle';

/**
 * The reading page's keys, all through the reader's handle: its own (j/k move between paragraphs,
 * l goes to the library) and those features register (e: names on or off). Keys are read by
 * physical position (event.code), so they work on an Arabic keyboard layout too; none acts in a
 * text field, a dialog, or with Alt/Ctrl/Meta.
 */
export function useReaderKeyboard(reader: ReaderHandleHost, container: RefObject<HTMLElement | null>, onLibrary: () => void): void {
  useEffect(() => {
    const move = (step: 1 | -1) => (event: KeyboardEvent) => {
      const root = container.current;
      if (!root) return;
      event.preventDefault();
      moveFocus(root, step);
    };
    const stops = [
      reader.onShortcut('KeyJ', move(1)),
      reader.onShortcut('KeyK', move(-1)),
      reader.onShortcut('KeyL', (event) => {
        if (event.shiftKey) return;
        event.preventDefault();
        onLibrary();
      }),
    ];
    const onKeyDown = (event: KeyboardEvent) => void reader.handleShortcut(event);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stops.forEach((stop) => stop());
    };
  }, [reader, container, onLibrary]);
}

function moveFocus(root: HTMLElement, step: 1 | -1): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-block-id]')];
  if (blocks.length === 0) return;
  const active = document.activeElement?.closest<HTMLElement>('[data-block-id]');
  let index = active ? blocks.indexOf(active) : -1;
  if (index < 0) {
    // Start from the first block visible in the viewport.
    index = blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0) - step;
  }
  const next = blocks[Math.max(0, Math.min(blocks.length - 1, index + step))];
  if (!next) return;
  next.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  next.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
}
