import { useEffect, type RefObject } from 'react';

/**
 * A row of buttons as one Tab stop (the ARIA toolbar pattern): Tab reaches the last one used, the
 * arrow keys move along the row (mirrored in right-to-left), Home and End go to its ends. The tab
 * indexes are set here on the buttons the row holds now, so the row's component stays plain.
 */
export function useRovingToolbar(row: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = row.current;
    if (!root) return;
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    let active: HTMLButtonElement | null = null;
    const settle = () => {
      const all = buttons();
      if (!active || !all.includes(active)) active = all[0] ?? null;
      for (const button of root.querySelectorAll<HTMLButtonElement>('button')) button.tabIndex = button === active ? 0 : -1;
    };
    settle();
    // Buttons come and go (counts arrive, a type is switched off): keep exactly one in the Tab order.
    const observer = new MutationObserver(settle);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    const onFocus = (event: FocusEvent) => {
      if (event.target instanceof HTMLButtonElement && root.contains(event.target)) {
        active = event.target;
        settle();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const all = buttons();
      const at = active ? all.indexOf(active) : -1;
      if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const rtl = getComputedStyle(root).direction === 'rtl';
      let next: number;
      if (event.key === 'ArrowRight') next = rtl ? at - 1 : at + 1;
      else if (event.key === 'ArrowLeft') next = rtl ? at + 1 : at - 1;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = all.length - 1;
      else return;
      event.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, next))]?.focus();
    };
    root.addEventListener('focusin', onFocus);
    root.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocus);
      root.removeEventListener('keydown', onKey);
    };
  }, [row]);
}
