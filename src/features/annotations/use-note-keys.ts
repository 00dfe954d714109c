import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation } from '../../core/annotations/anchor-all';
import { blockSpans, type Article } from '../../core/article/article';
import { truncateText } from '../../core/article/summary';
import { announce } from '../../shared/announcer';
import { useReaderHandle, type ReaderHandle } from '../../shared/reader-handle';
import type { NotesUi } from './notes-ui-state';
import { useAnchoredAnnotations } from './use-anchored-annotations';

/**
 * n/p move between the article's highlights and notes (in reading order, from the current one or
 * from the paragraph the reader is on), Enter opens the current one's note, Escape lets it go. The
 * highlight is brought into view, its paragraph focused, and it is announced with its note. Keys
 * come through the reader's handle (by position, never while typing or under a dialog).
 */
export function useNoteKeys(article: Article, ui: NotesUi): void {
  const { t } = useTranslation('annotations');
  const reader = useReaderHandle();
  const { anchored } = useAnchoredAnnotations(article);
  const latest = useRef({ anchored, t });
  useEffect(() => {
    latest.current = { anchored, t };
  });

  useEffect(() => {
    // Busy writing or reading a paragraph's notes: those keys are the form's and the sheet's.
    const busy = () => document.querySelector('[data-note-editor], [data-note-sheet]') !== null;
    // Enter and Escape are the paragraph's (or the page's), never a button's or a link's.
    const onText = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      return !target || target === document.body || target.matches('article [data-block-id], article, main');
    };
    const step = (direction: 1 | -1) => (event: KeyboardEvent) => {
      if (event.shiftKey || busy()) return;
      event.preventDefault();
      const { anchored, t } = latest.current;
      if (anchored.length === 0) return announce(t('margin.none'));
      const at = anchored.findIndex((a) => a.annotation.id === ui.current.get());
      let next: number;
      if (at >= 0) next = at + direction;
      else {
        // From the paragraph the reader is on (focused, else the first on screen).
        const from = readingOffset(article, reader);
        next = direction > 0 ? anchored.findIndex((a) => a.end > from) : findLastIndex(anchored, (a) => a.start < from);
      }
      const found = anchored[next];
      if (next < 0 || !found) return announce(t('margin.noMore'));
      ui.current.set(found.annotation.id);
      reveal(article, reader, found);
      const quote = truncateText(found.annotation.target.selectors[0].exact, 80);
      const note = found.annotation.note.trim();
      const where = { index: next + 1, count: anchored.length, quote };
      announce(note ? t('margin.currentNote', { ...where, note: truncateText(note, 200) }) : t('margin.current', where));
    };
    const stops = [
      reader.onShortcut('KeyN', step(1)),
      reader.onShortcut('KeyP', step(-1)),
      reader.onShortcut('Enter', (event) => {
        const current = latest.current.anchored.find((a) => a.annotation.id === ui.current.get());
        if (!current || busy() || !onText(event)) return;
        event.preventDefault();
        openNote(current, ui);
      }),
      reader.onShortcut('Escape', (event) => {
        if (onText(event) && !busy() && ui.current.get()) ui.current.set(null);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [article, reader, ui]);
}

/** Opening a note: read it in the margin where it is shown, else write or edit it. */
export function openNote(current: AnchoredAnnotation, ui: NotesUi): void {
  ui.current.set(current.annotation.id);
  const card = document.querySelector<HTMLElement>(`[data-margin-note="${CSS.escape(current.annotation.id)}"] .margin-notes__note`);
  if (ui.mode.get() === 'notes' && current.annotation.note.trim() && card) card.focus({ preventScroll: false });
  else ui.editing.set({ kind: 'edit', annotation: current.annotation });
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i -= 1) if (test(list[i]!)) return i;
  return -1;
}

/** The article offset where the reader is: the focused paragraph's start, else the first paragraph on screen. */
function readingOffset(article: Article, reader: ReaderHandle): number {
  const spans = blockSpans(article);
  const focused = document.activeElement?.closest<HTMLElement>('article [data-block-id]')?.dataset.blockId;
  const span = focused ? spans.find((s) => s.block.id === focused) : spans[reader.visibleBlocks().first];
  return span?.start ?? 0;
}

/** Bring the highlight into view (from its text range) and focus its paragraph. */
function reveal(article: Article, reader: ReaderHandle, found: AnchoredAnnotation): void {
  const [first] = reader.rangeRects(found);
  const top = (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0) + 16;
  if (first && (first.top < top || first.bottom > window.innerHeight - 16)) {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: first.top - window.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
  }
  const span = blockSpans(article).find((s) => s.end > found.start);
  reader.blockElement(span?.block.id ?? '')?.focus({ preventScroll: true });
}
