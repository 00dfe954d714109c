import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { useToast } from '../../shared/toast';
import { useMoveAnnotations } from './annotation-mutations';
import { useEarlierVersions } from './earlier-versions-query';

/**
 * After re-importing an edited article (a new id), offer to bring the notes of the earlier version
 * (same title) over; anchoring then places each one in the new text or lists it as an orphan.
 */
export function EarlierVersionOffer({ article }: { article: Article }) {
  const { t } = useTranslation('annotations');
  const toast = useToast();
  const versions = useEarlierVersions(article);
  const move = useMoveAnnotations();
  if (versions.length === 0) return null;
  return (
    <div className="notice notice--warning earlier-versions" data-earlier-versions="">
      {versions.map((version) => (
        <p key={version.articleId}>
          {t('earlier.found', { count: version.count })}{' '}
          <button
            type="button"
            className="button button--small"
            data-action="adopt-notes"
            data-from={version.articleId}
            disabled={move.isPending}
            onClick={async () => {
              const result = await move.mutateAsync({ from: version.articleId, to: article });
              toast(result.ok ? t('earlier.moved', { count: version.count }) : t(`errors.${result.reason}`), result.ok ? 'info' : 'error');
            }}
          >
            {t('earlier.adopt', { count: version.count })}
          </button>
        </p>
      ))}
    </div>
  );
}
