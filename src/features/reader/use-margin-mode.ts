import { useEffect, useState, type RefObject } from 'react';
import type { MarginMode } from '../../shared/margin-mode';

export type { MarginMode };

/** From this window width on, the notes sit beside the text (when the reader column has the room). */
export const MARGIN_NOTES_MIN_WIDTH = 1100;
/** The text's measure, the gutter and the notes' column (--measure, --margin-gutter, --margin-notes in CSS). */
const NEEDED = 16 * (40 + 2.5 + 17.5);

/**
 * Whether the reader column has room for a column of notes beside the text: a window of at least
 * 1100 px, and no side panel taking the room (the column is measured, so opening the names panel
 * turns the notes into markers and closing it brings them back).
 */
export function useMarginMode(column: RefObject<HTMLElement | null>): MarginMode {
  const [mode, setMode] = useState<MarginMode>(() => (typeof window !== 'undefined' && window.innerWidth >= MARGIN_NOTES_MIN_WIDTH ? 'notes' : 'markers'));
  useEffect(() => {
    const element = column.current;
    if (!element) return;
    // The column's whole width (its padding for the notes included, so the mode never feeds back).
    const measure = () => setMode(window.innerWidth >= MARGIN_NOTES_MIN_WIDTH && element.clientWidth >= NEEDED ? 'notes' : 'markers');
    measure();
    // (No ResizeObserver in some environments, e.g. jsdom: the window's size alone then.)
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [column]);
  return mode;
}
