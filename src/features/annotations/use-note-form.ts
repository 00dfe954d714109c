import { useCallback } from 'react';
import { describe } from '../../core/annotations/anchoring';
import { createAnnotation, editAnnotation, quoteOf, type Annotation } from '../../core/annotations/annotation';
import { editStatus, type SaveResult } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import { useSaveAnnotation } from './annotation-mutations';
import { useAnnotations } from './annotations-query';
import { useSaveEditAndTell } from './ConflictCopyActions';
import { draftKey } from './note-drafts';
import type { NoteFormProps, NoteValues } from './NoteForm';
import type { Editing } from './notes-ui-state';

const NEW_NOTE: NoteValues = { color: 'yellow', note: '', tags: [] };

/** Create a highlight (with a colour, a note…) on a passage of the article. */
export function useCreateAnnotation(article: Article): (range: { start: number; end: number }, values: Partial<NoteValues>, id?: string) => Promise<SaveResult> {
  const save = useSaveAnnotation();
  return useCallback(
    (range, values, id) => save.mutateAsync(createAnnotation({ articleId: article.id, selectors: describe(article, range), ...values, ...(id ? { id } : {}) })),
    [article, save],
  );
}

/**
 * The note form's props for what is being written (a new note on a passage, or an existing note),
 * wherever the form is shown (the margin, a popover, a dialog); null when the note is gone.
 */
export function useNoteForm(article: Article, editing: Editing | null, onClose: () => void): (Omit<NoteFormProps, 'compact'> & { mode: 'new' | 'edit'; annotation?: Annotation }) | null {
  const annotations = useAnnotations(article.id);
  const create = useCreateAnnotation(article);
  const saveEdit = useSaveEditAndTell();
  if (!editing) return null;
  if (editing.kind === 'new') {
    const { range, id } = editing;
    return {
      mode: 'new',
      quote: range.quote,
      initial: NEW_NOTE,
      draftKey: draftKey({ articleId: article.id, start: range.start, end: range.end }),
      onSave: (values) => create(range, values, id),
      onClose,
    };
  }
  const { annotation } = editing;
  return {
    mode: 'edit',
    annotation,
    quote: quoteOf(annotation),
    initial: annotation,
    draftKey: draftKey({ annotationId: annotation.id }),
    elsewhere: editStatus(annotation, annotations),
    onSave: (values) => saveEdit(annotation, editAnnotation(annotation, values)),
    onClose,
  };
}
