import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Paint } from '../core/decorations/paints';
import type { Passage } from '../core/library/passage';
import { paintText } from './range-paint';
import './passage-text.css';

/**
 * A passage with its match marked (a search hit, a name's mention): the <mark> stands around the
 * whole words, and the exact match is painted as a range, so no markup cuts an Arabic word.
 */
export function PassageText({ passage }: { passage: Passage }) {
  const ref = useRef<HTMLElement>(null);
  const { start, end } = passage.exact;
  const paints = useMemo((): Paint[] => [{ name: 'search', start, end, id: 'search' }], [start, end]);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const painted = paintText(ref.current, paints);
    return () => painted.clear();
  }, [paints, passage.match]);
  return (
    <>
      {passage.before}
      <mark ref={ref} className="passage-match" data-passage-match="">
        {passage.match}
      </mark>
      {passage.after}
    </>
  );
}
