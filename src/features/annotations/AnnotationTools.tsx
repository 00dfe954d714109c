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

  const onNote = useCallback((range: SelectionRange) => setDraft({ kind: 'new', range, id: newAnnotationId() }), []);

  // A click on a highlight (with nothing selected) opens its note.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as Element | null)?.closest?.('mark[data-annotation-id]');
      if (!mark || !document.getSelection()?.isCollapsed) return;
      if (!mark.closest(`article[data-article-id="${CSS.escape(article.id)}"]`)) return;
      const annotation = annotations.find((a) => a.id === mark.getAttribute('data-annotation-id'));
      if (annotation) setDraft({ kind: 'edit', annotation });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [annotations, article.id]);

  const printing = usePrinting();

  return (
    <>
      <SelectionToolbar article={article} onHighlight={onHighlight} onNote={onNote} extraActions={extraActions} />
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
