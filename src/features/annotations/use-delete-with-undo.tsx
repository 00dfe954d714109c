import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import { useToast } from '../../shared/toast';
import { useDeleteAnnotation, useRestoreAnnotation } from './annotation-mutations';
import { UndoBar } from '../../shared/UndoBar';

/** Delete a note and offer to undo it (the note is put back with its id and dates). */
export function useDeleteWithUndo() {
  const { t } = useTranslation('annotations');
  const toast = useToast();
  const remove = useDeleteAnnotation();
  const restore = useRestoreAnnotation();
  const [deleted, setDeleted] = useState<Annotation | null>(null);

  const onDelete = useCallback(
    async (annotation: Annotation) => {
      const result = await remove.mutateAsync(annotation);
      if (result.ok) setDeleted(annotation);
      else toast(t(`errors.${result.reason}`), 'error');
    },
    [remove, toast, t],
  );
  const dismiss = useCallback(() => setDeleted(null), []);
  const undo = useCallback(async () => {
    if (!deleted) return;
    const result = await restore.mutateAsync(deleted);
    setDeleted(null);
    if (!result.ok) toast(t(`errors.${result.reason}`), 'error');
  }, [deleted, restore, toast, t]);

  const undoBar = deleted ? <UndoBar message={t('deleted')} onUndo={() => void undo()} onDismiss={dismiss} /> : null;
  return { onDelete, undoBar };
}
