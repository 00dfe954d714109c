import { queryOptions, useQuery } from '@tanstack/react-query';
import { readProgress, writeProgress, type ReadingProgress } from '../../core/settings/reading-progress';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

export const fetchProgress = (store: Store, articleId: string): ReadingProgress | null => readProgress(store, articleId) ?? null;

export const progressQueryOptions = (store: Store, articleId: string) =>
  queryOptions({ queryKey: queryKeys.progress(articleId), queryFn: () => fetchProgress(store, articleId), staleTime: Infinity });

export function useSavedProgress(articleId: string): ReadingProgress | null {
  const store = useStore();
  return useQuery({ ...progressQueryOptions(store, articleId), initialData: () => fetchProgress(store, articleId) }).data;
}

/** Progress is written often and read once per visit, so it bypasses the cache on purpose. */
export function saveProgress(store: Store, articleId: string, progress: ReadingProgress) {
  return writeProgress(store, articleId, progress);
}
