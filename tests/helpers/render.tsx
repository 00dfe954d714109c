import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Providers } from '../../src/app/providers';
import { createStore, type Store } from '../../src/core/storage/storage';
import { initI18n } from '../../src/i18n/i18n';
import { MemoryStorage } from './memory-storage';

/** Render inside the app's providers with a fresh in-memory store and the UI in `language`. */
export async function renderWithApp(ui: ReactElement, options: { store?: Store; language?: 'ar' | 'en' } = {}) {
  const i18n = await initI18n(options.language ?? 'ar');
  const store = options.store ?? createStore(new MemoryStorage(), null);
  return { store, i18n, ...render(<Providers store={store}>{ui}</Providers>) };
}
