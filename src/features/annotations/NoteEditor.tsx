import { useTranslation } from 'react-i18next';
import { Dialog } from '../../shared/Dialog';
import { NoteForm, type NoteFormProps } from './NoteForm';

export type { NoteValues } from './NoteForm';

/**
 * The note form in a modal dialog: only where nothing else fits (a window too short for a
 * popover beside the text). Mounted only while open.
 */
export function NoteEditor({ mode, ...form }: NoteFormProps & { mode: 'new' | 'edit' }) {
  const { t } = useTranslation('annotations');
  return (
    <Dialog open title={t(mode === 'new' ? 'editor.titleNew' : 'editor.titleEdit')} onClose={form.onClose} closeLabel={t('common:close')} testId="note-editor">
      <div data-note-editor={mode}>
        <NoteForm {...form} />
      </div>
    </Dialog>
  );
}
