import { useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from '../../core/annotations/anchoring';
import { createAnnotation, newAnnotationId, type AnnotationColor } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import { useToast } from '../../shared/toast';
import { useSaveAnnotation } from './annotation-mutations';
import { useAnnotations } from './annotations-query';
import { announce } from '../../shared/announcer';
import type { NotesUi } from './notes-ui-state';
import { useCreateAnnotation } from './use-note-form';
import { useNoteKeys } from './use-note-keys';
import { usePrinting } from '../../shared/use-printing';
import { PrintNotes } from './PrintNotes';
import { SelectionToolbar, type SelectionRange } from './SelectionToolbar';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { useReaderHandle } from '../../shared/reader-handle';
import { useStore } from '../../shared/store-context';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { useValueStore } from '../../shared/value-store';

interface AnnotationToolsProps {
  article: Article;
  ui: NotesUi;
  /** Other features' toolbar buttons (share, mark as entity). */
  extraActions?: (range: SelectionRange) => ReactNode;
}

/**
 * Everything the reader does to make annotations in the article: the selection toolbar (highlight,
 * note), clicking a highlight, and the keys that move between highlights. The note itself is
 * written where the margin shows it (see MarginNotes).
 */
export function AnnotationTools({ article, ui, extraActions }: AnnotationToolsProps) {
  const { t } = useTranslation('annotations');
  const toast = useToast();
  const save = useSaveAnnotation();
  const create = useCreateAnnotation(article);
  const annotations = useAnnotations(article.id);
  // Read again when the account or its groups change (joining a group while signed in).
  useValueStore(syncAccountChanges);
  const identity = syncIdentity(useStore());
  const reader = useReaderHandle();
  const me = identity?.user;
  useNoteKeys(article, ui);

  const onHighlight = useCallback(
    (range: SelectionRange, color: AnnotationColor) => {
      void create(range, { color }).then((result) => {
        if (!result.ok) toast(t(`errors.${result.reason}`), 'error');
        else announce(t('margin.highlighted'));
      });
    },
    [create, toast, t],
  );

  // With sync on: a highlight shared with one of the reader's groups.
  const inGroup = useCallback(
    (range: SelectionRange, group: string) => {
      if (!me) return;
      const annotation = { ...createAnnotation({ articleId: article.id, selectors: describe(article, range) }), group, author: me };
      void save.mutateAsync(annotation).then((result) => {
        if (!result.ok) toast(t(`errors.${result.reason}`), 'error');
      });
      document.getSelection()?.removeAllRanges();
    },
    [article, save, toast, t, me],
  );
  const groupActions = (range: SelectionRange) => (
    <>
      {identity?.groups.map((group) => (
        <button key={group} type="button" className="button button--small" data-action="highlight-in-group" data-group={group} onClick={() => inGroup(range, group)}>
          {t('sync:highlightInGroup', { group })}
        </button>
      ))}
      {extraActions?.(range)}
    </>
  );

  // A new note keeps one id across retries (a save refused for quota can be retried without duplicates).
  const onNote = useCallback((range: SelectionRange) => ui.editing.set({ kind: 'new', range, id: newAnnotationId() }), [ui]);

  // Activating a highlight (a click with nothing selected) makes it the current one: its note,
  // shown in the margin, is expanded; without a margin for it (or without a note yet), it opens for
  // writing.
  useEffect(
    () =>
      reader.onMarkActivate('highlight', ({ mark }) => {
        const annotation = annotations.find((a) => a.id === mark.id);
        if (!annotation) return;
        ui.current.set(annotation.id);
        if (isOthersNote(annotation, me) || (ui.mode.get() === 'notes' && annotation.note.trim())) return;
        ui.editing.set({ kind: 'edit', annotation });
      }),
    [reader, annotations, me, ui],
  );

  const printing = usePrinting();

  return (
    <>
      <SelectionToolbar article={article} onHighlight={onHighlight} onNote={onNote} extraActions={identity?.groups.length ? groupActions : extraActions} />
      {printing && <PrintNotes article={article} />}
    </>
  );
}
