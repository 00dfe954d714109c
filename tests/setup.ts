import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom has no layout: scrolling is a no-op rather than a noisy 'not implemented'.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});
