/** How long after arriving a place is kept in view while the page is still settling. */
export const HOLD_MS = 4_000;
const READER_MOVES = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Keeps what the page just arrived at in view while the layout settles around it: web fonts
 * arriving late and blocks far from the viewport getting their real height (content-visibility)
 * move the text after the first scroll. Whenever `watched` changes size, `place` runs again, until
 * the reader moves (wheel, touch, key, pointer) or `ms` have passed. Returns a stop function.
 */
export function holdInView(watched: Element, place: () => void, ms = HOLD_MS): () => void {
  if (typeof ResizeObserver !== 'function') return () => {};
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    for (const type of READER_MOVES) window.removeEventListener(type, stop, true);
  };
  let first = true;
  const observer = new ResizeObserver(() => {
    // The first call only reports the size it started with.
    if (first) first = false;
    else if (!done) place();
  });
  observer.observe(watched);
  const timer = setTimeout(stop, ms);
  for (const type of READER_MOVES) window.addEventListener(type, stop, { capture: true, passive: true });
  return stop;
}
