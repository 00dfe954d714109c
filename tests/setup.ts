import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default: a screen that loads its code on first use (the
// importer, the settings panel) takes longer than that on a loaded 2-core machine, and those tests
// then fail for the machine, not the code (LibraryPage's did, on main too, at load 15-18).
configure({ asyncUtilTimeout: 5_000 });

// Most tests run in jsdom; some (the sync engine's) in plain Node, where there is no window.
const inBrowser = typeof window !== 'undefined';

// jsdom has no layout: scrolling is a no-op rather than a noisy 'not implemented'.
if (inBrowser) window.scrollTo = () => {};

afterEach(() => {
  if (!inBrowser) return;
  cleanup();
  localStorage.clear();
});
