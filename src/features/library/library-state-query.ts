import { queryOptions, useQuery } from '@tanstack/react-query';
import { annotatedArticleIds, listAnnotations } from '../../core/annotations/annotation-store';
import type { Progress } from '../../core/library/library-view';
import { progressSpec } from '../../core/settings/progress-store';
import type { Store } from '../../core/storage/storage';
import { libraryKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

export interface LibraryState {
  readonly progress: Readonly<Record<string, Progress>>;
  readonly noteCounts: ReadonlyMap<string, number>;
}

/** Articles whose notes are read (and validated) between two yields to the page. */
const NOTES_BATCH = 25;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * What localStorage knows about every article: where the reader stopped and how many notes it has.
 * Thousands of notes take a while to validate, so they are read in batches that leave the main
 * thread free in between (the list is shown before the counts arrive).
 */
export async function fetchLibraryState(store: Store): Promise<LibraryState> {
  const progress = store.readCollection(progressSpec);
  const noteCounts = new Map<string, number>();
  const ids = annotatedArticleIds(store);
  for (let i = 0; i < ids.length; i += NOTES_BATCH) {
    if (i > 0) await yieldToPage();
    for (const id of ids.slice(i, i + NOTES_BATCH)) {
      const count = listAnnotations(store, id).length;
      if (count > 0) noteCounts.set(id, count);
    }
  }
  return { progress, noteCounts };
}

export const libraryStateQueryOptions = (store: Store) =>
  queryOptions({ queryKey: libraryKeys.state(), queryFn: () => fetchLibraryState(store), staleTime: 5_000 });

const EMPTY: LibraryState = { progress: {}, noteCounts: new Map() };

export function useLibraryState(): LibraryState {
  return useQuery(libraryStateQueryOptions(useStore())).data ?? EMPTY;
}
