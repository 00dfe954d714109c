import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchoredAnnotation } from '../../core/annotations/anchor-all';
import type { Annotation } from '../../core/annotations/annotation';
import { layoutMargin, nearWindow, placeMarker, scrollToFit, type BlockWindow } from '../../core/annotations/margin-layout';
import { blockSpans, type Article } from '../../core/article/article';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { rememberFocus, returnFocus, type FocusReturn } from '../../shared/focus-return';
import type { MarginMode } from '../../shared/margin-mode';
import { useStore } from '../../shared/store-context';
import { useFormatNumber } from '../../shared/use-format-number';
import { useValueStore } from '../../shared/value-store';
import { useReaderHandle } from '../../shared/reader-handle';
import { textRects, type Rect } from './highlight-geometry';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { NoteForm } from './NoteForm';
import { NotePopover } from './NotePopover';
import { NoteSheet } from './NoteSheet';
import type { NotesUi } from './notes-ui-state';
import { useAnchoredAnnotations } from './use-anchored-annotations';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { useNoteForm } from './use-note-form';

interface MarginNotesProps {
  article: Article;
  mode: MarginMode;
  ui: NotesUi;
  /** Other features' buttons for a highlight (share). */
  cardActions?: (annotation: Annotation) => ReactNode;
}

interface MarginEntry {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Its block's index in article.blocks. */
  readonly block: number;
  /** None for a new note being written. */
  readonly annotation?: Annotation;
}

/** Notes within this many blocks of the screen are placed; farther ones wait. */
const NEAR_BLOCKS = 12;
/** The pseudo-id of a new note being written (it has no highlight yet, only its passage). */
const NEW_NOTE = 'new-note';
const GAP = 8;
/** Below this window height a popover beside the text cannot hold the form: the dialog it is. */
const MIN_POPOVER_HEIGHT = 420;

const hasNote = (a: Annotation) => a.note.trim() !== '';
/** Set on a paragraph whose link icon leaves its first line to the paragraph's marker (reader.css). */
const LINK_YIELDS = 'data-link-yields';

/**
 * Notes beside the text. With room ('notes'): each note in the margin at its highlight's first
 * line, pushed apart when they collide, the current one expanded; a note is written there too.
 * Without ('markers'): a count beside each paragraph that holds notes, opening them in a sheet, and
 * notes written in a popover at the highlight. Positions come from the highlights' text ranges.
 */
export function MarginNotes({ article, mode, ui, cardActions }: MarginNotesProps) {
  const { t } = useTranslation('annotations');
  const formatNumber = useFormatNumber();
  const { anchored } = useAnchoredAnnotations(article);
  const current = useValueStore(ui.current);
  const editing = useValueStore(ui.editing);
  const sheet = useValueStore(ui.sheet);
  const me = syncIdentity(useStore())?.user;
  const { onDelete, undoBar } = useDeleteWithUndo();
  const reader = useReaderHandle();
  const asideRef = useRef<HTMLElement>(null);
  useEffect(() => ui.mode.set(mode), [ui, mode]);
  const ringRef = useRef<HTMLDivElement>(null);

  // Focus goes back where it was when the editor opened (the paragraph, a card's Edit button…).
  const opener = useRef<FocusReturn | null>(null);
  const editingKey = editing ? (editing.kind === 'new' ? `new:${editing.id}` : `edit:${editing.annotation.id}`) : null;
  useLayoutEffect(() => {
    if (editingKey) opener.current = rememberFocus();
  }, [editingKey]);
  const closeEditor = useCallback(() => {
    const was = ui.editing.get();
    ui.editing.set(null);
    const back = opener.current;
    opener.current = null;
    if (back?.element.isConnected && !back.element.closest('[data-note-editor]')) returnFocus(back);
    else if (was) returnFocus(reader.blockElement(blockIdAt(article, was.kind === 'new' ? was.range.start : was.annotation.target.blockId)), back?.ring ?? false);
  }, [ui, article, reader]);
  const form = useNoteForm(article, editing, closeEditor);
  // The form last scrolled into view (by its editingKey).
  const fittedForm = useRef<string | null>(null);

  const editingId = editing?.kind === 'edit' ? editing.annotation.id : editing ? NEW_NOTE : null;
  // The notes the margin shows: those with a note, and the one being written (with their block's index).
  const blockAt = useMemo(() => blockIndexer(article), [article]);
  const items = useMemo(() => {
    const list: MarginEntry[] = anchored
      .filter((a) => hasNote(a.annotation) || a.annotation.id === editingId)
      .map((a) => ({ id: a.annotation.id, start: a.start, end: a.end, block: blockAt(a.start), annotation: a.annotation }));
    if (editing?.kind === 'new') list.push({ id: NEW_NOTE, start: editing.range.start, end: editing.range.end, block: blockAt(editing.range.start) });
    return list;
  }, [blockAt, anchored, editing, editingId]);

  // Only the notes near the screen are rendered (and the current one and the one being written):
  // a long article may hold thousands.
  const [rendered, setRendered] = useState<BlockWindow>(() => nearWindow(reader.visibleBlocks(), NEAR_BLOCKS));
  useEffect(
    () =>
      reader.onVisibleBlocksChange((visible) => {
        const next = nearWindow(visible, NEAR_BLOCKS);
        setRendered((was) => (was.from === next.from && was.to === next.to ? was : next));
      }),
    [reader],
  );
  const shown = useMemo(() => items.filter((item) => (item.block >= rendered.from && item.block <= rendered.to) || item.id === current || item.id === editingId), [items, rendered, current, editingId]);

  // Paragraphs holding notes, for the markers: each paragraph's noted highlights in reading order.
  const byBlock = useMemo(() => {
    const spans = blockSpans(article);
    const out = new Map<string, AnchoredAnnotation[]>();
    let i = 0;
    for (const a of anchored) {
      if (!hasNote(a.annotation)) continue;
      while (i < spans.length - 1 && spans[i]!.end <= a.start) i += 1;
      const id = spans[i]?.block.id;
      if (!id) continue;
      const list = out.get(id);
      if (list) list.push(a);
      else out.set(id, [a]);
    }
    return out;
  }, [article, anchored]);
  // The paragraphs whose link icon yields its line to a marker (see placeMarker).
  const yielding = useRef(new Set<HTMLElement>());
  useEffect(() => {
    const blocks = yielding;
    return () => blocks.current.forEach((block) => block.removeAttribute(LINK_YIELDS));
  }, []);

  // Lay out: measure where the highlights are painted and how tall the notes are, then place them.
  // (After every render, and again from the observers below.)
  const relayout = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    relayout.current = () => {
      const aside = asideRef.current;
      const origin = aside?.parentElement;
      if (!aside || !origin) return;
      // Measured from the text ranges, for the notes near the screen only (a long article's far
      // notes wait until the reader comes near them).
      const { first, last } = reader.visibleBlocks();
      const near = (block: number) => block >= first - NEAR_BLOCKS && block <= last + NEAR_BLOCKS;
      const rects = new Map<string, Rect[]>();
      for (const item of shown) if (near(item.block)) rects.set(item.id, textRects(reader, item, origin));
      const currentAnchored = current ? anchored.find((a) => a.annotation.id === current) : undefined;
      const yields = new Set<HTMLElement>();
      drawRing(ringRef.current, currentAnchored ? (rects.get(current!) ?? textRects(reader, currentAnchored, origin)) : undefined);
      if (mode === 'notes') {
        const notes = [...aside.querySelectorAll<HTMLElement>('[data-margin-note]')];
        const measured = notes.flatMap((el) => {
          const id = el.dataset.marginNote ?? '';
          const first = rects.get(id)?.[0];
          el.hidden = !first;
          return first ? [{ id, anchor: first.top, height: el.offsetHeight }] : [];
        });
        const tops = new Map(layoutMargin(measured, { gap: GAP, active: editingId ?? current }).map((p) => [p.id, p.top]));
        for (const el of notes) {
          const top = tops.get(el.dataset.marginNote ?? '');
          if (top !== undefined) el.style.insetBlockStart = `${Math.round(top)}px`;
        }
        // A form opened in the margin is scrolled into view whole (once: then the reader scrolls),
        // its passage kept under the top bar.
        const formTop = editingId && form ? tops.get(editingId) : undefined;
        const passage = editingId ? rects.get(editingId)?.[0] : undefined;
        const formEl = notes.find((el) => el.dataset.marginNote === editingId);
        if (formTop !== undefined && passage && formEl && fittedForm.current !== editingKey) {
          fittedForm.current = editingKey;
          const top = origin.getBoundingClientRect().top;
          const topLimit = (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0) + GAP;
          const scroll = scrollToFit({ passageTop: top + passage.top, boxBottom: top + formTop + formEl.offsetHeight, windowBottom: window.innerHeight - GAP, topLimit });
          if (scroll > 0) window.scrollBy(0, scroll);
        }
      } else {
        const base = origin.getBoundingClientRect();
        const rtl = article.dir === 'rtl';
        // On a phone the gutter at the text's inline end is the only one, and it holds the
        // paragraphs' link icons too (reader.css).
        const phone = window.matchMedia?.('(max-width: 720px)').matches ?? false;
        for (const marker of aside.querySelectorAll<HTMLElement>('[data-marker-block]')) {
          const blockId = marker.dataset.markerBlock ?? '';
          const blockEl = reader.blockElement(blockId);
          const text = blockEl?.querySelector<HTMLElement>('[data-block-text]');
          marker.hidden = !text;
          if (!blockEl || !text) continue;
          const box = text.getBoundingClientRect();
          const lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 36;
          const firstLine = { top: box.top - base.top, bottom: box.top - base.top + lineHeight };
          // Beside the first line of the paragraph's first noted highlight (its first line while
          // the highlight is far from the screen and not measured).
          const firstNote = byBlock.get(blockId)?.[0];
          const line = firstNote && near(blockAt(firstNote.start)) ? (textRects(reader, firstNote, origin)[0] ?? firstLine) : firstLine;
          const placed = placeMarker({ line, firstLineTop: firstLine.top, markerHeight: marker.offsetHeight, sharesGutterWithLink: phone });
          if (placed.linkYields) yields.add(blockEl);
          marker.style.insetBlockStart = `${Math.round(placed.top)}px`;
          const x = rtl ? box.left - base.left - marker.offsetWidth - (phone ? 2 : 10) : box.right - base.left + (phone ? 2 : 10);
          marker.style.left = `${Math.round(x)}px`;
        }
      }
      for (const block of yielding.current) if (!yields.has(block)) block.removeAttribute(LINK_YIELDS);
      for (const block of yields) block.setAttribute(LINK_YIELDS, '');
      yielding.current = yields;
    };
    relayout.current();
  });

  // Again when anything moves the text: the column's size (fonts, text size, blocks mounting), a
  // note's size (expanded, edited), other blocks coming on screen.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => relayout.current());
    };
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    const column = asideRef.current?.parentElement;
    if (column) observer?.observe(column);
    for (const el of asideRef.current?.querySelectorAll('[data-margin-note]') ?? []) observer?.observe(el);
    const stop = reader.onVisibleBlocksChange(schedule);
    void document.fonts?.ready.then(schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      stop();
    };
  }, [reader, shown, mode, current]);

  // The passage of the note being written, when it is in the text (an orphan's note has none).
  const target = editing?.kind === 'new' ? editing.range : editing ? anchored.find((a) => a.annotation.id === editing.annotation.id) : undefined;
  const popover = form && target && mode === 'markers' && window.innerHeight >= MIN_POPOVER_HEIGHT;
  const modal = form && (mode === 'markers' || !target) && !popover;
  const sheetNotes = sheet ? (byBlock.get(sheet) ?? []).map((a) => a.annotation) : [];

  return (
    <>
      <div ref={ringRef} className="highlight-ring" aria-hidden="true" />
      <aside ref={asideRef} className={`margin-notes margin-notes--${mode}`} aria-label={t('margin.label')} data-margin-notes={mode}>
        {mode === 'notes' ? (
          <ol className="margin-notes__list">
            {shown.map((item) => {
              const active = item.id === current || item.id === editingId;
              const writing = item.id === editingId && form;
              return (
                <li key={item.id} data-margin-note={item.id} data-active={active ? '' : undefined} className="margin-notes__item" hidden>
                  <ErrorBoundary kind="card">
                    {writing ? (
                      <div className={`note-card note-card--${item.annotation?.color ?? 'yellow'} note-card--margin`} data-note-editor={form.mode} role="group" aria-label={t(form.mode === 'new' ? 'editor.titleNew' : 'editor.titleEdit')}>
                        <NoteForm compact {...form} />
                      </div>
                    ) : item.annotation ? (
                      <MarginItem
                        annotation={item.annotation}
                        active={active}
                        readOnly={isOthersNote(item.annotation, me)}
                        onActivate={() => ui.current.set(item.id)}
                        onEdit={() => ui.editing.set({ kind: 'edit', annotation: item.annotation! })}
                        onDelete={() => void onDelete(item.annotation!)}
                        actions={cardActions?.(item.annotation)}
                      />
                    ) : null}
                  </ErrorBoundary>
                </li>
              );
            })}
          </ol>
        ) : (
          [...byBlock].map(([blockId, notes]) => (
            <button
              key={blockId}
              type="button"
              className="margin-marker"
              data-marker-block={blockId}
              data-note-count={notes.length}
              aria-label={t('margin.marker', { count: notes.length })}
              aria-expanded={sheet === blockId}
              onClick={() => ui.sheet.set(sheet === blockId ? null : blockId)}
              hidden
            >
              {formatNumber(notes.length)}
            </button>
          ))
        )}
        {undoBar && <div className="margin-notes__undo">{undoBar}</div>}
      </aside>
      {popover && form && target && <NotePopover article={article} form={form} target={target} />}
      {modal && form && <NoteEditor {...form} />}
      {sheet && (
        <NoteSheet
          blockId={sheet}
          notes={sheetNotes}
          ui={ui}
          article={article}
          cardActions={cardActions}
          onDelete={(a) => void onDelete(a)}
          onClose={() => ui.sheet.set(null)}
        />
      )}
    </>
  );
}

/** A note in the margin: its first lines; the current one whole, with its actions. */
function MarginItem({ annotation, active, readOnly, onActivate, onEdit, onDelete, actions }: { annotation: Annotation; active: boolean; readOnly: boolean; onActivate: () => void; onEdit: () => void; onDelete: () => void; actions?: ReactNode }) {
  return (
    // A click on a note (not on one of its buttons or links) makes it the current one (the keyboard
    // reaches notes with n/p and Enter).
    <div className="margin-notes__note" tabIndex={-1} onClick={(e) => !(e.target as Element).closest('a, button') && onActivate()}>
      <NoteCard annotation={annotation} margin={active ? 'expanded' : 'collapsed'} onEdit={readOnly ? undefined : onEdit} onDelete={readOnly ? undefined : onDelete} actions={actions} />
    </div>
  );
}

/** The current highlight's ring: a box around each of its lines (drawn over the text, never in it). */
function drawRing(ring: HTMLElement | null, rects: readonly Rect[] | undefined): void {
  if (!ring) return;
  ring.replaceChildren(
    ...(rects ?? []).map((r) => {
      const box = document.createElement('div');
      box.className = 'highlight-ring__line';
      box.style.cssText = `top:${r.top - 2}px;left:${r.left - 2}px;width:${r.right - r.left + 4}px;height:${r.bottom - r.top + 4}px`;
      return box;
    }),
  );
}

/** The id of the block that holds an article offset (or the block id given). */
function blockIdAt(article: Article, at: number | string): string {
  return typeof at === 'string' ? at : (blockSpans(article).find((s) => s.end > at)?.block.id ?? '');
}

/** The index (in article.blocks) of the block holding an offset; offsets come in any order. */
function blockIndexer(article: Article): (offset: number) => number {
  const spans = blockSpans(article);
  return (offset) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
