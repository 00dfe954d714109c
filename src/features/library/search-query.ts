import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { createSearchClient, type SearchClient } from '../../core/library/search-client';
import type { IdbStore } from '../../core/storage/idb-store';
import { libraryKeys } from './query-keys';
import { useIdbStore } from '../../shared/store-context';

const clients = new WeakMap<IdbStore, SearchClient>();

/** One search worker per IndexedDB store (one in the app), created on first use. */
export function searchClientFor(db: IdbStore): SearchClient {
  let client = clients.get(db);
  if (!client) {
    client = createSearchClient({ db });
    clients.set(db, client);
  }
  return client;
}

export function useSearchClient(): SearchClient {
  return searchClientFor(useIdbStore());
}

export const librarySearchQueryOptions = (client: SearchClient, query: string) =>
  queryOptions({ queryKey: libraryKeys.search(query), queryFn: () => client.search(query), staleTime: Infinity, gcTime: 60_000 });

/** Results for what the reader typed (idle when empty); the previous results stay while the next ones come. */
export function useLibrarySearch(query: string) {
  const client = useSearchClient();
  const trimmed = query.trim();
  return useQuery({ ...librarySearchQueryOptions(client, trimmed), enabled: trimmed.length > 0, placeholderData: keepPreviousData });
}
