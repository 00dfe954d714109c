import { useTranslation } from 'react-i18next';
import { isolateInSentence } from '../../core/decorations/bidi';
import { routeToHash } from '../../core/links/routes';
import type { ImportLine } from './use-import-runner';

/** One line per imported or refused input: `[data-import-result][data-status="imported"|"refused"]`. */
export function ImportResults({ lines, onDismiss }: { lines: readonly ImportLine[]; onDismiss?: () => void }) {
  const { t } = useTranslation('import');
  if (lines.length === 0) return null;
  return (
    <div className="import-results" role="status" aria-label={t('results.heading')} data-import-results="">
      <ul>
        {lines.map((line, index) => (
          <li key={index} data-import-result="" data-status={line.status} className={`import-result import-result--${line.status}`}>
            {line.name && (
              <bdi className="import-result-name" dir="auto">
                {line.name}
              </bdi>
            )}
            {line.status === 'imported' ? (
              <span>
                {t('results.imported', { title: isolateInSentence(line.title) })}{' '}
                <a href={routeToHash({ name: 'article', articleId: line.articleId })} data-import-open={line.articleId}>
                  {t('results.open')}
                </a>
              </span>
            ) : (
              <span>{t('results.refused', { reason: line.reason })}</span>
            )}
          </li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
          {t('results.dismiss')}
        </button>
      )}
    </div>
  );
}
