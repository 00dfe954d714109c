/**
 * Calls `listener` once in the frame after the page scrolls or the window is resized (however many
 * events came before it): for things placed against the text, such as a popover or a card, that
 * must follow it. Returns the unsubscribe.
 */
export function onViewportMove(listener: () => void): () => void {
  let frame = 0;
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(listener);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
  };
}
