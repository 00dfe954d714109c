import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Paint } from '../core/decorations/paints';
import type { PassagePiece } from '../core/library/passage';
import { paintText } from './range-paint';
import './passage-text.css';

/**
 * A passage with its matches marked (a search hit's words, a name's mention): each <mark> stands
 * around whole words, and the exact match inside them is painted as a range, so no markup cuts an
 * Arabic word.
 */
export function PassageText({ pieces }: { pieces: readonly PassagePiece[] }) {
  const ref = useRef<HTMLSpanElement>(null);
  // Offsets of the exact matches in the passage's whole text.
  const paints = useMemo((): Paint[] => {
    const found: Paint[] = [];
    let at = 0;
    for (const piece of pieces) {
      if (typeof piece === 'string') at += piece.length;
      else {
        found.push({ name: 'search', start: at + piece.exact.start, end: at + piece.exact.end, id: 'search' });
        at += piece.words.length;
      }
    }
    return found;
  }, [pieces]);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const painted = paintText(ref.current, paints);
    return () => painted.clear();
  }, [paints]);
  return (
    <span ref={ref} className="passage-text">
      {pieces.map((piece, i) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          // (A passage's pieces never move: their place is their identity.)
          <mark key={i} className="passage-match" data-passage-match="">
            {piece.words}
          </mark>
        ),
      )}
    </span>
  );
}
