import { createContext, useContext, type ReactNode } from 'react';
import { getStore, type Store } from '../core/storage/storage';

const StoreContext = createContext<Store | null>(null);

/** Tests pass a store over a fake Storage; the app uses the browser's localStorage. */
export function StoreProvider({ store, children }: { store?: Store; children: ReactNode }) {
  return <StoreContext.Provider value={store ?? getStore()}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  return useContext(StoreContext) ?? getStore();
}
