import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "… deleted — Undo" (a note, an article): stays a few seconds, in a polite live region. */
export function UndoBar({ message, onUndo, onDismiss, timeoutMs = 10_000 }: { message: string; onUndo: () => void; onDismiss: () => void; timeoutMs?: number }) {
  const { t } = useTranslation('common');
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, timeoutMs);
    return () => window.clearTimeout(timer);
  }, [onDismiss, timeoutMs]);
  return (
    <div className="undo-bar" role="status" aria-live="polite" data-undo-bar="">
      <span>{message}</span>
      <button type="button" className="button button--small" data-action="undo-delete" onClick={onUndo}>
        {t('undo')}
      </button>
      <button type="button" className="button button--ghost button--small" aria-label={t('close')} onClick={onDismiss}>
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
