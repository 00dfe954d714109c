/**
 * Page-side steps of the screenshot tour. Each runs in the page through Engine.evaluate (Chromium
 * or WebKit), so each is self-contained: no imports, no closures over module scope, JSON in and out.
 */

/** Empties the origin's storage (localStorage, sessionStorage, IndexedDB) and writes `items` to localStorage. */
export async function resetStorage(items: Record<string, string>): Promise<boolean> {
  localStorage.clear();
  sessionStorage.clear();
  const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((done) => {
          if (!name) return done();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => done();
        }),
    ),
  );
  for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  return true;
}

/**
 * The article is shown with its names and fonts, and its margin placed: notes beside the text
 * ('notes') or the paragraphs' markers ('markers').
 */
export function readerPlaced(mode: 'notes' | 'markers'): boolean {
  const article = document.querySelector('article[data-article-id]');
  if (!article || document.fonts.status !== 'loaded' || document.querySelector('[data-entities-status="pending"]')) return false;
  if (!article.querySelector('[data-entity-id]') || !article.querySelector('[data-annotation-id]')) return false;
  const placed = mode === 'notes' ? '[data-margin-notes="notes"] [data-margin-note]:not([hidden])' : '[data-margin-notes="markers"] [data-marker-block]:not([hidden])';
  return document.querySelector(placed) !== null;
}

/**
 * Tells the page the reader has started moving (a wheel turn), as a reader scrolling or clicking
 * would: the app stops holding the place it opened at in view, and scrolls made here stay.
 */
export function readerMoves(): boolean {
  window.dispatchEvent(new WheelEvent('wheel', { deltaY: 0 }));
  return true;
}

/** Resolves after `ms` and two frames (transitions ended, what changed painted). */
export async function pause(ms: number): Promise<boolean> {
  await new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 2; i += 1) await new Promise((r) => requestAnimationFrame(r));
  return true;
}

/**
 * Scrolls the window so the block holding `phrase` starts `below` px under the top bar; null when
 * no block holds it.
 */
export function scrollToPhrase(phrase: string, below: number): boolean {
  for (const block of document.querySelectorAll<HTMLElement>('article [data-block-id]')) {
    if (!block.textContent?.includes(phrase)) continue;
    const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
    window.scrollBy(0, block.getBoundingClientRect().top - bar - below);
    return true;
  }
  return false;
}

/** Makes the margin note whose text holds `text` the current one, as a click on it does. */
export function activateMarginNote(text: string): boolean {
  for (const note of document.querySelectorAll<HTMLElement>('[data-margin-note] .margin-notes__note')) {
    if (!note.textContent?.includes(text)) continue;
    note.querySelector<HTMLElement>('.note-text')?.click();
    return true;
  }
  return false;
}

/** Opens the marker of the paragraph holding most notes; its count, or 0 when there is none. */
export function openFullestMarker(): number {
  const markers = [...document.querySelectorAll<HTMLElement>('[data-marker-block]:not([hidden])')];
  const count = (el: HTMLElement) => Number(el.dataset.noteCount ?? 0);
  const fullest = markers.sort((a, b) => count(b) - count(a))[0];
  if (!fullest) return 0;
  fullest.scrollIntoView({ block: 'center' });
  fullest.click();
  return count(fullest);
}

/** Types `text` into the field matching `selector` as a paste would (React sees an input event). */
export function fillField(selector: string, text: string): boolean {
  const field = document.querySelector<HTMLTextAreaElement | HTMLInputElement>(selector);
  if (!field) return false;
  const prototype = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
