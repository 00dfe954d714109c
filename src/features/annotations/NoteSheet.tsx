import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { rememberFocus, returnFocus } from '../../shared/focus-return';
import { useStore } from '../../shared/store-context';
import { useValueStore } from '../../shared/value-store';
import { NoteCard } from './NoteCard';
import { NoteForm } from './NoteForm';
import type { NotesUi } from './notes-ui-state';
import { useNoteForm } from './use-note-form';

interface NoteSheetProps {
  blockId: string;
  notes: readonly Annotation[];
  ui: NotesUi;
  article: Article;
  cardActions?: (annotation: Annotation) => ReactNode;
  onDelete: (annotation: Annotation) => void;
  onClose: () => void;
}

/**
 * A paragraph's notes, opened from its margin marker on a narrow screen: a sheet at the foot of the
 * window (not modal: the paragraph stays in view above it). Each note is edited in place; Escape
 * closes the sheet and focus goes back to the marker.
 */
export function NoteSheet({ blockId, notes, ui, article, cardActions, onDelete, onClose }: NoteSheetProps) {
  const { t } = useTranslation('annotations');
  const ref = useRef<HTMLElement>(null);
  const me = syncIdentity(useStore())?.user;
  const editing = useValueStore(ui.editing);
  const editingHere = editing?.kind === 'edit' && notes.some((n) => n.id === editing.annotation.id) ? editing.annotation.id : null;
  const form = useNoteForm(article, editingHere ? editing : null, () => ui.editing.set(null));

  useEffect(() => {
    const opener = rememberFocus();
    ref.current?.focus({ preventScroll: true });
    // The paragraph in view above the sheet.
    const block = document.querySelector<HTMLElement>(`article [data-block-id="${CSS.escape(blockId)}"]`);
    const sheetTop = ref.current?.getBoundingClientRect().top ?? window.innerHeight;
    const box = block?.getBoundingClientRect();
    if (box && box.top > sheetTop - 48) window.scrollBy(0, box.top - sheetTop / 3);
    return () => returnFocus(opener);
  }, [blockId]);

  // Nothing left to show (the last note deleted): the sheet closes.
  useEffect(() => {
    if (notes.length === 0) onClose();
  }, [notes.length, onClose]);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="note-sheet"
      role="dialog"
      aria-labelledby="note-sheet-title"
      data-note-sheet={blockId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="panel-head">
        <h2 id="note-sheet-title" className="panel-title">
          {t('margin.sheetTitle', { count: notes.length })}
        </h2>
        <button type="button" className="button button--ghost button--small panel-close" aria-label={t('common:close')} onClick={onClose} data-action="close-note-sheet">
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <ol className="notes-list">
        {notes.map((annotation) => (
          <li key={annotation.id}>
            <ErrorBoundary kind="card">
              {annotation.id === editingHere && form ? (
                <div className={`note-card note-card--${annotation.color}`} data-note-editor="edit" data-note-id={annotation.id}>
                  <NoteForm compact {...form} />
                </div>
              ) : (
                <NoteCard
                  annotation={annotation}
                  onSelect={() => ui.current.set(annotation.id)}
                  onEdit={isOthersNote(annotation, me) ? undefined : () => ui.editing.set({ kind: 'edit', annotation })}
                  onDelete={isOthersNote(annotation, me) ? undefined : () => onDelete(annotation)}
                  actions={cardActions?.(annotation)}
                />
              )}
            </ErrorBoundary>
          </li>
        ))}
      </ol>
    </section>
  );
}
