/**
 * Resolves after the next frame is painted (a task queued from an animation-frame callback runs
 * after that frame's paint), or after `fallbackMs` when no frame comes (a hidden tab paints none).
 * For work that must not hold back the first paint of what is already rendered.
 */
export function afterNextPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, fallbackMs);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      clearTimeout(fallback);
      setTimeout(resolve, 0);
    });
  });
}
