import { render } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import type { ReactElement } from 'react';
import { Providers } from '../../src/app/providers';
import { createIdbStore, type IdbStore } from '../../src/core/storage/idb-store';
import { createStore, type Store } from '../../src/core/storage/storage';
import { initI18n, loadScreenStrings } from '../../src/i18n/i18n';
import { MemoryStorage } from './memory-storage';

/** A fresh, empty IndexedDB store (fake-indexeddb) for one test. */
export const freshIdbStore = (): IdbStore => createIdbStore({ factory: new IDBFactory() });

/** Render inside the app's providers with fresh in-memory stores and the UI in `language`. */
export async function renderWithApp(ui: ReactElement, options: { store?: Store; db?: IdbStore; language?: 'ar' | 'en' } = {}) {
  const i18n = await initI18n(options.language ?? 'ar');
  await loadScreenStrings();
  const store = options.store ?? createStore(new MemoryStorage(), null);
  const db = options.db ?? freshIdbStore();
  return { store, db, i18n, ...render(<Providers store={store} db={db}>{ui}</Providers>) };
}
