import { createContext, useContext, type ReactNode } from 'react';
import type { IdbStore } from '../core/storage/idb-store';
import { getStore, type Store } from '../core/storage/storage';

const StoreContext = createContext<Store | null>(null);
const IdbStoreContext = createContext<IdbStore | null>(null);

/**
 * Tests pass a store over a fake Storage and an IndexedDB store over fake-indexeddb; the app passes
 * the browser's (main.tsx opens the IndexedDB store from a chunk loaded beside the first screen's).
 */
export function StoreProvider({ store, db, children }: { store?: Store; db: IdbStore; children: ReactNode }) {
  return (
    <StoreContext.Provider value={store ?? getStore()}>
      <IdbStoreContext.Provider value={db}>{children}</IdbStoreContext.Provider>
    </StoreContext.Provider>
  );
}

export function useStore(): Store {
  return useContext(StoreContext) ?? getStore();
}

/** The IndexedDB store (articles, summaries, cached entities, search index). */
export function useIdbStore(): IdbStore {
  const db = useContext(IdbStoreContext);
  if (!db) throw new Error('useIdbStore needs a StoreProvider with an IndexedDB store');
  return db;
}
