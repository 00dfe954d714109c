import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import type { EditResult } from '../../core/annotations/annotation-store';
import { useToast } from '../../shared/toast';
import { useDeleteAnnotation, useMergeConflictCopy, useSaveEdit } from './annotation-mutations';

/** Save an edit; when another tab had changed the note too, say that its version was kept as a copy. */
export function useSaveEditAndTell(): (base: Annotation, edited: Annotation) => Promise<EditResult> {
  const { t } = useTranslation('errors');
  const toast = useToast();
  const save = useSaveEdit();
  return useCallback(
    async (base, edited) => {
      const result = await save.mutateAsync({ base, edited });
      if (result.ok && result.conflictCopy) toast(t('conflict.saved'));
      return result;
    },
    [save, toast, t],
  );
}

/** On a conflict copy's card: what it is, and merge it into its note or drop it. */
export function ConflictCopyActions({ copy }: { copy: Annotation }) {
  const { t } = useTranslation('errors');
  const toast = useToast();
  const merge = useMergeConflictCopy();
  const drop = useDeleteAnnotation();
  const run = async (action: typeof merge | typeof drop) => {
    const result = await action.mutateAsync(copy);
    if (!result.ok) toast(t(`annotations:errors.${result.reason}`), 'error');
  };
  return (
    <div className="note-card-conflict" data-conflict-of={copy.conflictOf}>
      <p className="note-card-hint">{t('conflict.copy')}</p>
      <button type="button" className="button button--small" data-action="merge-conflict" onClick={() => void run(merge)}>
        {t('conflict.merge')}
      </button>{' '}
      <button type="button" className="button button--ghost button--small" data-action="drop-conflict" onClick={() => void run(drop)}>
        {t('conflict.drop')}
      </button>
    </div>
  );
}
