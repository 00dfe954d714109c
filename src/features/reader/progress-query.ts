import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { readProgress, writeProgress, type ReadingProgress } from '../../core/settings/progress-store';
import type { Store } from '../../core/storage/storage';
import { readerKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

export const fetchProgress = (store: Store, articleId: string): ReadingProgress | null => readProgress(store, articleId) ?? null;

export const progressQueryOptions = (store: Store, articleId: string) =>
  queryOptions({ queryKey: readerKeys.progress(articleId), queryFn: () => fetchProgress(store, articleId), staleTime: Infinity });

export function useSavedProgress(articleId: string): ReadingProgress | null {
  const store = useStore();
  return useQuery({ ...progressQueryOptions(store, articleId), initialData: () => fetchProgress(store, articleId) }).data;
}

/** Written while scrolling: straight to storage, and into the cache so a return visit in this tab sees it. */
export function useSaveProgress(articleId: string): (progress: ReadingProgress) => void {
  const store = useStore();
  const client = useQueryClient();
  return useCallback(
    (progress: ReadingProgress) => {
      if (writeProgress(store, articleId, progress).ok) client.setQueryData(readerKeys.progress(articleId), progress);
    },
    [store, client, articleId],
  );
}
