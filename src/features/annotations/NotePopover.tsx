import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { placeNotePopover } from '../../core/annotations/margin-layout';
import { useReaderHandle } from '../../shared/reader-handle';
import { NoteForm, type NoteFormProps } from './NoteForm';

const GAP = 8;
/** Narrower than this, the popover is a sheet at the foot of the window. */
const SHEET_BELOW = 600;

/**
 * The note form beside its passage when the margin has no room for it: under the highlight (over it
 * when there is no room below; the passage scrolled up when neither has room), its text left in view; on a phone a sheet at the foot of the window,
 * the page scrolled so the passage stays visible above it. Not modal: the article stays readable.
 */
export function NotePopover({ article, form, target }: { article: Article; form: Omit<NoteFormProps, 'compact'> & { mode: 'new' | 'edit' }; target: { start: number; end: number } }) {
  const { t } = useTranslation('annotations');
  const ref = useRef<HTMLDivElement>(null);
  const reader = useReaderHandle();
  const [tick, setTick] = useState(0);
  const opened = useRef(false);
  const sheet = typeof window !== 'undefined' && document.documentElement.clientWidth < SHEET_BELOW;

  useLayoutEffect(() => {
    const pop = ref.current;
    if (!pop) return;
    // From the passage's text range, whatever paints it.
    const rects = reader.rangeRects(target).filter((r) => r.width > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return;
    const vh = window.innerHeight;
    const vw = document.documentElement.clientWidth;
    const topLimit = (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0) + GAP;
    if (sheet) {
      // Keep the passage in view above the sheet.
      const sheetTop = vh - pop.offsetHeight;
      if (last.bottom > sheetTop - GAP || first.top < topLimit) window.scrollBy(0, last.bottom - (sheetTop - GAP * 2));
      return;
    }
    const placed = placeNotePopover({
      passage: { top: first.top, bottom: last.bottom, left: first.left, right: first.right },
      size: { width: pop.offsetWidth, height: pop.offsetHeight },
      window: { width: vw, height: vh },
      topLimit,
      gap: GAP,
      rtl: article.dir === 'rtl',
      // Scrolled into place when it opens; afterwards the reader scrolls, and the form follows.
      mayScroll: !opened.current,
    });
    opened.current = true;
    if (placed.scroll > 0) window.scrollBy(0, placed.scroll);
    pop.style.top = `${Math.round(placed.top)}px`;
    pop.style.left = `${Math.round(placed.left)}px`;
  }, [article, reader, target, sheet, tick]);

  useLayoutEffect(() => {
    if (sheet) return;
    let frame = 0;
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    window.addEventListener('scroll', again, { passive: true });
    window.addEventListener('resize', again);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', again);
      window.removeEventListener('resize', again);
    };
  }, [sheet]);

  return (
    <div
      ref={ref}
      className={`note-popover${sheet ? ' note-popover--sheet' : ''}`}
      role="dialog"
      aria-label={t(form.mode === 'new' ? 'editor.titleNew' : 'editor.titleEdit')}
      data-note-editor={form.mode}
      data-note-popover={sheet ? 'sheet' : 'popover'}
    >
      <NoteForm compact {...form} />
    </div>
  );
}
