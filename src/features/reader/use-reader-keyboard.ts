import { useEffect, useRef, type RefObject } from 'react';
import { announce } from '../../shared/announcer';
import type { ReaderHandleHost } from '../../shared/reader-handle';
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
 * The reading page's keys (see shared/reader-keys for the whole table), through the reader's handle:
 * its own (j/k and Alt+↓/↑ between paragraphs, l to the library, ? for the keys) and those features
 * register (e: names, n/p: highlights). Letters are read by physical position (event.code), so they
 * work on an Arabic keyboard layout too; none acts in a text field or under a dialog.
 */
export function useReaderKeyboard(reader: ReaderHandleHost, container: RefObject<HTMLElement | null>, keyboard: ReaderKeyboard): void {
  const latest = useRef(keyboard);
  useEffect(() => {
    latest.current = keyboard;
  });
  useEffect(() => {
    const move = (step: 1 | -1, event: KeyboardEvent) => {
      const root = container.current;
      if (!root) return;
      event.preventDefault();
      if (!moveFocus(root, step)) announce(step > 0 ? latest.current.ends.last : latest.current.ends.first);
    };
    const stops = [
      reader.onShortcut('KeyJ', (event) => !event.shiftKey && move(1, event)),
      reader.onShortcut('KeyK', (event) => !event.shiftKey && move(-1, event)),
      reader.onShortcut('KeyL', (event) => {
        if (event.shiftKey) return;
        event.preventDefault();
        latest.current.onLibrary();
      }),
    ];
    const onKeyDown = (event: KeyboardEvent) => {
      if (reader.handleShortcut(event) || event.defaultPrevented) return;
      // Chords the handle's single-key shortcuts do not take: Alt+↓/↑, and ? (Shift+/ or ؟).
      const key = readerKey(event);
      if (!key || document.querySelector('[role="dialog"][aria-modal="true"], dialog[open]')) return;
      if (event.altKey && (key === 'next-block' || key === 'previous-block')) move(key === 'next-block' ? 1 : -1, event);
      else if (key === 'keys') {
        event.preventDefault();
        latest.current.onKeys();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stops.forEach((stop) => stop());
    };
  }, [reader, container]);
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
  const next = blocks[Math.max(0, Math.min(blocks.length - 1, index + step))];
  if (!next || next === active) return false;
  next.focus({ preventScroll: true });
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  next.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  return true;
}
