import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesLeft } from '../../core/article/reading-time';
import { readingPlace } from './reading-place';

interface ReadingProgressBarProps {
  article: RefObject<HTMLElement | null>;
  lang: string;
  words: readonly number[];
  index: ReadonlyMap<string, number>;
}

const SHOWN_AFTER_SCROLL_MS = 1500;

/**
 * A thin bar under the top bar and the minutes left at the reader's pace in the article's language
 * (the library's card shows the same figure: both come from core/article/reading-time). Updated
 * once per frame while scrolling; never announced (it would interrupt the reading).
 */
export function ReadingProgressBar({ article, lang, words, index }: ReadingProgressBarProps) {
  const { t } = useTranslation('common');
  const [fraction, setFraction] = useState(0);
  // Narrow screens have no margin for the label: it shows while scrolling, then fades.
  const [scrolling, setScrolling] = useState(false);
  const total = words.reduce((sum, n) => sum + n, 0);

  useEffect(() => {
    let frame = 0;
    let idle = 0;
    const measure = () => {
      frame = 0;
      const root = article.current;
      const place = root ? readingPlace(root, words, index) : null;
      if (place) setFraction(place.fraction);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const onScroll = () => {
      schedule();
      setScrolling(true);
      window.clearTimeout(idle);
      idle = window.setTimeout(() => setScrolling(false), SHOWN_AFTER_SCROLL_MS);
    };
    schedule();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(idle);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', schedule);
    };
  }, [article, words, index]);

  const percent = Math.round(fraction * 100);
  const left = minutesLeft(total, fraction, lang);
  return (
    <div className="reading-progress" data-reading-progress={percent} data-scrolling={scrolling ? '' : undefined}>
      <div
        className="reading-progress__bar"
        role="progressbar"
        aria-label={t('readingTime.progress', { percent })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        style={{ inlineSize: `${percent}%` }}
      />
      <span className="reading-progress__left" data-minutes-left={left}>
        {left > 0 ? t('readingTime.left', { count: left }) : t('readingTime.done')}
      </span>
    </div>
  );
}
