import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { IdbStore } from '../core/storage/idb-store';
import type { Store } from '../core/storage/storage';
import type { StoreChange } from '../core/storage/changes';
import { refreshAnnotationQueries } from '../features/annotations/query-keys';
import { refreshEntityQueries } from '../features/entities/query-keys';
import { refreshLibraryQueries } from '../features/library/query-keys';
import { refreshNameQueries } from '../features/names/query-keys';
import { refreshReaderQueries } from '../features/reader/query-keys';
import { refreshSharingQueries } from '../features/sharing/query-keys';
import { StoreProvider, useIdbStore, useStore } from '../shared/store-context';
import { ToastProvider } from '../shared/toast';
import { Announcer } from '../shared/announcer';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

/** Every feature's say on which of its queries a store change makes stale (each owns its keys). */
const REFRESHERS = [refreshAnnotationQueries, refreshEntityQueries, refreshLibraryQueries, refreshNameQueries, refreshReaderQueries, refreshSharingQueries];

/** The stores announce every change (this tab's and other tabs'): what was read from them is refreshed. */
function StoreQueries({ client }: { client: QueryClient }) {
  const store = useStore();
  const db = useIdbStore();
  useEffect(() => {
    const refresh = (change: StoreChange) => {
      for (const refresher of REFRESHERS) refresher(client, change);
    };
    const stops = [store.subscribe(refresh), db.subscribe(refresh)];
    return () => stops.forEach((stop) => stop());
  }, [store, db, client]);
  return null;
}

export function Providers({ children, store, db, client }: { children: ReactNode; store?: Store; db: IdbStore; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <StoreProvider store={store} db={db}>
      <QueryClientProvider client={queryClient}>
        <StoreQueries client={queryClient} />
        <ToastProvider>{children}</ToastProvider>
        <Announcer />
      </QueryClientProvider>
    </StoreProvider>
  );
}
