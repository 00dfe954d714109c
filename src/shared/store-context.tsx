import { createContext, useContext, type ReactNode } from 'react';
import { getIdbStore, type IdbStore } from '../core/storage/idb-store';
import { getStore, type Store } from '../core/storage/storage';

const StoreContext = createContext<Store | null>(null);
const IdbStoreContext = createContext<IdbStore | null>(null);

/** Tests pass a store over a fake Storage (and an IndexedDB store over fake-indexeddb); the app uses the browser's. */
export function StoreProvider({ store, db, children }: { store?: Store; db?: IdbStore; children: ReactNode }) {
  return (
    <StoreContext.Provider value={store ?? getStore()}>
      <IdbStoreContext.Provider value={db ?? getIdbStore()}>{children}</IdbStoreContext.Provider>
    </StoreContext.Provider>
  );
}

export function useStore(): Store {
  return useContext(StoreContext) ?? getStore();
}

/** The IndexedDB store (articles, summaries, cached entities, search index). */
export function useIdbStore(): IdbStore {
  return useContext(IdbStoreContext) ?? getIdbStore();
}
