import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// Most tests run in jsdom; some (the sync engine's) in plain Node, where there is no window.
const inBrowser = typeof window !== 'undefined';

// jsdom has no layout: scrolling is a no-op rather than a noisy 'not implemented'.
if (inBrowser) window.scrollTo = () => {};

afterEach(() => {
  if (!inBrowser) return;
  cleanup();
  localStorage.clear();
});
