import { editAnnotation, quoteOf, type Annotation } from '../../core/annotations/annotation';
import { editStatus } from '../../core/annotations/annotation-store';
import { useSaveEditAndTell } from './ConflictCopyActions';
import { NoteForm } from './NoteForm';
import { draftKey } from './note-drafts';

/**
 * A note edited where its card was (the notes panel, the notebook): the page stays in view, no
 * dialog. `stored` is what the store holds now, to tell an edit made in another tab (or a deletion).
 */
export function NoteEditInPlace({ annotation, stored, onClose }: { annotation: Annotation; stored: readonly Annotation[]; onClose: () => void }) {
  const saveEdit = useSaveEditAndTell();
  return (
    <div className={`note-card note-card--${annotation.color}`} data-note-editor="edit" data-note-id={annotation.id}>
      <NoteForm
        compact
        quote={quoteOf(annotation)}
        initial={annotation}
        draftKey={draftKey({ annotationId: annotation.id })}
        elsewhere={editStatus(annotation, stored)}
        onSave={(values) => saveEdit(annotation, editAnnotation(annotation, values))}
        onClose={onClose}
      />
    </div>
  );
}
