/**
 * The window that opened this tab, as it was when the app started (main.tsx imports this module
 * first). Chromium makes any window that later finds this tab by its name (`window.open('',
 * 'hashiya')`, e.g. a frame inside the news page) its new `window.opener`; the bookmarklet's page
 * is the one that opened the tab, so only the opener seen at start may hand a page over.
 */
const atStart: unknown = typeof window === 'undefined' ? null : window.opener;

export function launchOpener(): unknown {
  return atStart;
}
