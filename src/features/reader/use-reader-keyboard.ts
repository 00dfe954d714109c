import { useEffect, type RefObject } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys are read by physical position (event.code) so j/k work on an Arabic keyboard layout too. */
export function useReaderKeyboard(container: RefObject<HTMLElement | null>, onLibrary: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const root = container.current;
      if (!root) return;
      if (event.code === 'KeyJ' || event.code === 'KeyK') {
        event.preventDefault();
        moveFocus(root, event.code === 'KeyJ' ? 1 : -1);
      } else if (event.code === 'KeyL' && !event.shiftKey) {
        event.preventDefault();
        onLibrary();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [container, onLibrary]);
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
