import { useTranslation } from 'react-i18next';
import { useAnnotations } from './annotations-query';

/** Top-bar action opening the notes panel, with the article's count. */
export function NotesButton({ articleId, open, onToggle }: { articleId: string; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation('annotations');
  const count = useAnnotations(articleId).length;
  return (
    <button type="button" className="button button--ghost" data-action="toggle-notes" aria-pressed={open} onClick={onToggle} data-count={count}>
      {t('panel.button', { count })}
    </button>
  );
}
