import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from '../../core/annotations/anchoring';
import { createAnnotation, editAnnotation, newAnnotationId, type Annotation, type AnnotationColor } from '../../core/annotations/annotation';
import { editStatus, type SaveResult } from '../../core/annotations/annotation-store';
import { useSaveEditAndTell } from './ConflictCopyActions';
import type { Article } from '../../core/article/article';
import { useToast } from '../../shared/toast';
import { useSaveAnnotation } from './annotation-mutations';
import { useAnnotations } from './annotations-query';
import { NoteEditor, type NoteValues } from './NoteEditor';
import { usePrinting } from '../../shared/use-printing';
import { PrintNotes } from './PrintNotes';
import { SelectionToolbar, type SelectionRange } from './SelectionToolbar';
import { isOthersNote, syncIdentity } from '../../core/sync/account-store';
import { useReaderHandle } from '../../shared/reader-handle';
import { useStore } from '../../shared/store-context';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { useValueStore } from '../../shared/value-store';

/** A new note keeps one id across retries (a save refused for quota can be retried without duplicates). */
type Draft = { kind: 'new'; range: SelectionRange; id: string } | { kind: 'edit'; annotation: Annotation };

interface AnnotationToolsProps {
  article: Article;
  /** Other features' toolbar buttons (share, mark as entity). */
  extraActions?: (range: SelectionRange) => ReactNode;
}

/**
 * Everything the reader does to make annotations in the article: the selection toolbar, the note
 * editor it opens, and clicking a highlight to edit its note.
 */
export function AnnotationTools({ article, extraActions }: AnnotationToolsProps) {
  const { t } = useTranslation('annotations');
  const toast = useToast();
  const save = useSaveAnnotation();
  const saveEdit = useSaveEditAndTell();
  const annotations = useAnnotations(article.id);
  const [draft, setDraft] = useState<Draft | null>(null);
  // Read again when the account or its groups change (joining a group while signed in).
  useValueStore(syncAccountChanges);
  const identity = syncIdentity(useStore());
  const reader = useReaderHandle();
  const me = identity?.user;

  const create = useCallback(
    (range: SelectionRange, values: Partial<NoteValues>, id?: string): Promise<SaveResult> =>
      save.mutateAsync(createAnnotation({ articleId: article.id, selectors: describe(article, range), ...values, ...(id ? { id } : {}) })),
    [article, save],
  );

  const onHighlight = useCallback(
    (range: SelectionRange, color: AnnotationColor) => {
      void create(range, { color }).then((result) => {
        if (!result.ok) toast(t(`errors.${result.reason}`), 'error');
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

  const onNote = useCallback((range: SelectionRange) => setDraft({ kind: 'new', range, id: newAnnotationId() }), []);

  // Activating a highlight (a click with nothing selected) opens its note.
  useEffect(
    () =>
      reader.onMarkActivate('highlight', ({ mark }) => {
        const annotation = annotations.find((a) => a.id === mark.id);
        if (annotation && !isOthersNote(annotation, me)) setDraft({ kind: 'edit', annotation });
      }),
    [reader, annotations, me],
  );

  const printing = usePrinting();

  return (
    <>
      <SelectionToolbar article={article} onHighlight={onHighlight} onNote={onNote} extraActions={identity?.groups.length ? groupActions : extraActions} />
      {printing && <PrintNotes article={article} />}
      {draft && (
        <NoteEditor
          mode={draft.kind}
          quote={draft.kind === 'new' ? draft.range.quote : draft.annotation.target.selectors[0].exact}
          initial={draft.kind === 'new' ? { color: 'yellow', note: '', tags: [] } : draft.annotation}
          elsewhere={draft.kind === 'edit' ? editStatus(draft.annotation, annotations) : 'unchanged'}
          onSave={(values) => (draft.kind === 'new' ? create(draft.range, values, draft.id) : saveEdit(draft.annotation, editAnnotation(draft.annotation, values)))}
          onClose={() => setDraft(null)}
        />
      )}
    </>
  );
}
