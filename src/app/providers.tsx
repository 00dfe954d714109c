import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import type { IdbStore } from '../core/storage/idb-store';
import type { Store } from '../core/storage/storage';
import { queryKeys } from '../shared/query-keys';
import { StoreProvider, useIdbStore, useStore } from '../shared/store-context';
import { ToastProvider } from '../shared/toast';
import { Announcer } from '../shared/announcer';

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

/** Another tab changed our storage: everything read from it is refetched. */
function CrossTabSync({ client }: { client: QueryClient }) {
  const store = useStore();
  const db = useIdbStore();
  useEffect(() => store.subscribe(() => void client.invalidateQueries({ queryKey: queryKeys.store })), [store, client]);
  useEffect(() => db.subscribe(() => void client.invalidateQueries({ queryKey: queryKeys.store })), [db, client]);
  return null;
}

export function Providers({ children, store, db, client }: { children: ReactNode; store?: Store; db?: IdbStore; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <StoreProvider store={store} db={db}>
      <QueryClientProvider client={queryClient}>
        <CrossTabSync client={queryClient} />
        <ToastProvider>{children}</ToastProvider>
        <Announcer />
      </QueryClientProvider>
    </StoreProvider>
  );
}
