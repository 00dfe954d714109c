import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cards mounted at first and added at each step. Mounting a card costs about half a millisecond, so
 * 100 keep every step well under the 200 ms a task may take; 12,000 at once held the page 10 s.
 */
export const CARDS_PER_STEP = 100;

/**
 * How many items of a long list to mount: CARDS_PER_STEP, one more step each time `more` is called,
 * and back to the first step when `from` changes (a new filter or search starts at the top).
 */
export function useShownCount(from: unknown): [number, () => void] {
  const [state, setState] = useState({ from, count: CARDS_PER_STEP });
  const count = state.from === from ? state.count : CARDS_PER_STEP;
  const more = useCallback(() => setState((s) => ({ from, count: (s.from === from ? s.count : CARDS_PER_STEP) + CARDS_PER_STEP })), [from]);
  return [count, more];
}

/**
 * The end of a list not yet all mounted: a button that mounts the next step (keyboard and
 * screen-reader users walk the list and press it), pressed by itself when it scrolls into view.
 */
export function ShowMore({ remaining, onMore }: { remaining: number; onMore: () => void }) {
  const { t } = useTranslation('annotations');
  const button = useRef<HTMLButtonElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  // When the last step removes the button that had focus, focus goes to an "all shown" line after
  // the list instead of being lost to the page.
  const [focusEnd, setFocusEnd] = useState(false);
  const more = useCallback(() => {
    if (remaining <= CARDS_PER_STEP && document.activeElement === button.current) setFocusEnd(true);
    onMore();
  }, [onMore, remaining]);
  useEffect(() => {
    const target = button.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) more();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [more]);
  useEffect(() => {
    if (remaining <= 0 && focusEnd) end.current?.focus();
  }, [remaining, focusEnd]);
  if (remaining <= 0) {
    return focusEnd ? (
      <p ref={end} className="notes-more" tabIndex={-1} data-notes-all-shown="">
        {t('panel.allShown')}
      </p>
    ) : null;
  }
  return (
    <p className="notes-more">
      <button ref={button} type="button" className="button button--small" onClick={more} data-action="show-more-notes" data-notes-remaining={remaining}>
        {t('panel.showMore', { count: remaining })}
      </button>
    </p>
  );
}
