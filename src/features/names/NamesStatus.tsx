import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNamesProgress, type LibraryEntities } from './library-entities-query';

/** While the library's names are being read: how far; if it failed: why; if some articles failed: how many. */
export function NamesStatus({ query }: { query: UseQueryResult<LibraryEntities> }) {
  const { t } = useTranslation('names');
  const progress = useNamesProgress();
  if (query.isError) return <p className="notice notice--error" role="alert">{t('error')}</p>;
  if (query.isPending)
    return (
      <p className="notice" aria-busy="true" role="status" data-names-progress="">
        {progress ? t('progress', { done: progress.done, total: progress.total }) : t('common:loading')}
      </p>
    );
  if (query.data.failed > 0) return <p className="notice notice--warning" role="status">{t('someFailed', { count: query.data.failed })}</p>;
  return null;
}
