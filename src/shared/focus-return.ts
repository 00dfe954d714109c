/**
 * Where focus goes back to when a panel, card, toolbar or dialog closes, and whether it shows its
 * ring there. The ring comes back only if the reader was on the keyboard when the thing opened
 * (the opener showed its ring then): a panel opened with the mouse and closed with Escape leaves
 * no outline on a control the reader never tabbed to. Browsers without `focusVisible` show it.
 */
export interface FocusReturn {
  readonly element: HTMLElement;
  readonly ring: boolean;
}

/** The element focused now (what is opening something), and whether it shows its focus ring. */
export function rememberFocus(element: Element | null = document.activeElement): FocusReturn | null {
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  return { element, ring: element.matches(':focus-visible') };
}

/** Focus `to` (an element, or the remembered opener) with its ring only if `ring` says so. */
export function returnFocus(to: FocusReturn | HTMLElement | null | undefined, ring = to instanceof HTMLElement ? false : (to?.ring ?? false)): void {
  const element = to instanceof HTMLElement ? to : to?.element;
  if (!element?.isConnected) return;
  // A key press (the Escape that closed it) turns the ring on for the element that has focus: to
  // take it away from an element that kept focus, focus it afresh.
  if (!ring && element === document.activeElement) element.blur();
  element.focus({ preventScroll: true, focusVisible: ring });
}
