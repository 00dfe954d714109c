import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isolateInSentence } from '../../core/decorations/bidi';

/** "Deleted … — Undo": stays a few seconds, in a polite live region. */
export function UndoDelete({ title, onUndo, onDismiss, timeoutMs = 10_000 }: { title: string; onUndo: () => void; onDismiss: () => void; timeoutMs?: number }) {
  const { t } = useTranslation('library');
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, timeoutMs);
    return () => window.clearTimeout(timer);
  }, [onDismiss, timeoutMs]);
  return (
    <div className="undo-bar" role="status" aria-live="polite" data-undo-bar="">
      <span>{t('deleted', { title: isolateInSentence(title) })}</span>
      <button type="button" className="button button--small" data-action="undo-delete" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" className="button button--ghost button--small" aria-label={t('common:close')} onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
