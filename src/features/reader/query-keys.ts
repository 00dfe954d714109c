import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The reader feature's react-query keys. */
export const readerKeys = {
  progress: (articleId: string) => ['reader', 'progress', articleId] as const,
};

export const refreshReaderQueries: RefreshQueries = (client, change) => {
  if (change.domain !== 'progress') return;
  invalidate(client, ...(change.articleIds === 'all' ? [['reader', 'progress']] : change.articleIds.map(readerKeys.progress)));
};
