import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation } from '../../core/annotations/anchor-all';
import { blockSpans, type Article } from '../../core/article/article';
import { truncateText } from '../../core/article/summary';
import { announce } from '../../shared/announcer';
import { offsetsToRange } from '../../shared/dom-selection';
import { readerKey } from '../../shared/reader-keys';
import { renderedArticle } from './highlight-geometry';
import type { NotesUi } from './notes-ui-state';
import { useAnchoredAnnotations } from './use-anchored-annotations';

/**
 * n/p move between the article's highlights and notes (in reading order, from the current one or
 * from the paragraph the reader is on), Enter opens the current one's note, Escape lets it go. The
 * highlight is brought into view, its paragraph focused, and it is announced with its note.
 */
export function useNoteKeys(article: Article, ui: NotesUi): void {
  const { t } = useTranslation('annotations');
  const { anchored } = useAnchoredAnnotations(article);
  const latest = useRef({ anchored, t });
  useEffect(() => {
    latest.current = { anchored, t };
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const key = readerKey(event);
      if (key !== 'next-highlight' && key !== 'previous-highlight' && key !== 'open-note' && key !== 'close') return;
      if (document.querySelector('dialog[open], [data-note-editor], [data-note-sheet]')) return;
      const root = renderedArticle(article.id);
      if (!root) return;
      const { anchored, t } = latest.current;
      const target = event.target instanceof Element ? event.target : null;
      // Enter and Escape are the paragraph's (or the page's), never a button's or a link's.
      const onText = !target || target === document.body || target.matches('article [data-block-id], article, main');
      if (key === 'close') {
        if (onText && ui.current.get()) ui.current.set(null);
        return;
      }
      if (key === 'open-note') {
        const current = anchored.find((a) => a.annotation.id === ui.current.get());
        if (!onText || !current) return;
        event.preventDefault();
        openNote(current, ui);
        return;
      }
      event.preventDefault();
      if (anchored.length === 0) {
        announce(t('margin.none'));
        return;
      }
      const step = key === 'next-highlight' ? 1 : -1;
      const at = anchored.findIndex((a) => a.annotation.id === ui.current.get());
      let next: number;
      if (at >= 0) next = at + step;
      else {
        // From the paragraph the reader is on (focused, else the first on screen).
        const from = readingOffset(article, root);
        next = step > 0 ? anchored.findIndex((a) => a.end > from) : findLastIndex(anchored, (a) => a.start < from);
      }
      const found = anchored[next];
      if (next < 0 || !found) {
        announce(t('margin.noMore'));
        return;
      }
      ui.current.set(found.annotation.id);
      reveal(article, root, found);
      const quote = truncateText(found.annotation.target.selectors[0].exact, 80);
      const note = found.annotation.note.trim();
      const where = { index: next + 1, count: anchored.length, quote };
      announce(note ? t('margin.currentNote', { ...where, note: truncateText(note, 200) }) : t('margin.current', where));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [article, ui]);
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
function readingOffset(article: Article, root: HTMLElement): number {
  const focused = document.activeElement?.closest<HTMLElement>('[data-block-id]');
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const block = focused && root.contains(focused) ? focused : [...root.querySelectorAll<HTMLElement>('[data-block-id]')].find((b) => b.getBoundingClientRect().bottom > top);
  const id = block?.dataset.blockId;
  return blockSpans(article).find((s) => s.block.id === id)?.start ?? 0;
}

/** Bring the highlight into view (from its text range) and focus its paragraph. */
function reveal(article: Article, root: HTMLElement, found: AnchoredAnnotation): void {
  const range = offsetsToRange(root, article, found);
  const box = range && typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  const top = (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0) + 16;
  if (box && (box.top < top || box.bottom > window.innerHeight - 16)) {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
  }
  const span = blockSpans(article).find((s) => s.end > found.start);
  root.querySelector<HTMLElement>(`[data-block-id="${CSS.escape(span?.block.id ?? '')}"]`)?.focus({ preventScroll: true });
}
