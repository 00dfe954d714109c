import { queryOptions, useQuery } from '@tanstack/react-query';
import { annotatedArticleIds, listAnnotations } from '../../core/annotations/annotation-store';
import type { Progress } from '../../core/library/library-view';
import { progressSpec } from '../../core/settings/reading-progress';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

export interface LibraryState {
  readonly progress: Readonly<Record<string, Progress>>;
  readonly noteCounts: ReadonlyMap<string, number>;
}

/** What localStorage knows about every article: where the reader stopped and how many notes it has. */
export function fetchLibraryState(store: Store): LibraryState {
  const noteCounts = new Map<string, number>();
  for (const id of annotatedArticleIds(store)) {
    const count = listAnnotations(store, id).length;
    if (count > 0) noteCounts.set(id, count);
  }
  return { progress: store.readCollection(progressSpec), noteCounts };
}

export const libraryStateQueryOptions = (store: Store) =>
  queryOptions({ queryKey: queryKeys.libraryState(), queryFn: () => fetchLibraryState(store), staleTime: 5_000 });

export function useLibraryState(): LibraryState {
  const store = useStore();
  return useQuery({ ...libraryStateQueryOptions(store), initialData: () => fetchLibraryState(store) }).data;
}
