import { useEffect } from 'react';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A name shown as plain text: its type switched off, or all names off (CSS on the article's attributes). */
export function isHiddenMark(el: Element): boolean {
  const type = el.getAttribute('data-entity-type');
  if (!el.matches('mark.entity') || type === null) return false;
  return el.closest(`[data-hide-types~="${CSS.escape(type)}"], [data-entities-off]`) !== null;
}

/** The next (or previous) element Tab would reach after `from`, skipping switched-off marks. */
function nextTabbable(from: Element, direction: 'forward' | 'backward'): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && !isHiddenMark(el) && el.getClientRects().length > 0);
  const after = (el: HTMLElement) => (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return direction === 'forward' ? (all.find(after) ?? null) : (all.filter((el) => !after(el) && el !== from).pop() ?? null);
}

/**
 * A switched-off name leaves the Tab order: Tab landing on one of its marks moves on. Marks keep
 * tabIndex=0 so that switching a type re-renders nothing (the article's attributes and CSS do it).
 */
export function useSkipHiddenMarks(): void {
  useEffect(() => {
    let tabbing: 'forward' | 'backward' | null = null;
    const onKey = (e: KeyboardEvent) => {
      tabbing = e.key === 'Tab' ? (e.shiftKey ? 'backward' : 'forward') : null;
    };
    const onFocus = (e: FocusEvent) => {
      const mark = e.target instanceof HTMLElement ? e.target : null;
      if (!tabbing || !mark?.matches('article mark.entity[data-entity-type]') || !isHiddenMark(mark)) return;
      const next = nextTabbable(mark, tabbing);
      if (next) next.focus();
      else mark.blur();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
}
