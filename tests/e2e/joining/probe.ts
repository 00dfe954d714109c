/**
 * Page-side functions of the joining test. Each runs in the page through Engine.evaluate, so each is
 * self-contained: no imports, no closures over module scope, JSON in and out.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A word of an article block that holds the edge of a decoration (or is expected to). */
export interface EdgeWord {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly word: string;
  /** What decorates it: 'name:<id>', 'highlight:<id>' (elements or painted ranges). */
  readonly decorations: readonly string[];
  /** Why it is measured: an element boundary or a painted range's edge inside it, or listed by the test. */
  readonly why: readonly string[];
}

/** The article is on screen with its names, every block mounted, and its fonts loaded. */
export function readerReady(): boolean {
  const article = document.querySelector('article[data-article-id]');
  return (
    article !== null &&
    document.fonts.status === 'loaded' &&
    document.querySelector('[data-entities-status="pending"]') === null &&
    article.querySelector('[data-entity-id]') !== null &&
    article.querySelector('.article-sources') !== null
  );
}

/** Resolves when the article's markup has not changed for `quiet` ms (or after 10 s). */
export function settled(quiet: number): Promise<boolean> {
  return new Promise((resolve) => {
    const article = document.querySelector('article[data-article-id]');
    if (!article) return resolve(false);
    let timer = window.setTimeout(done, quiet);
    const limit = window.setTimeout(done, 10_000);
    const observer = new MutationObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(done, quiet);
    });
    function done() {
      observer.disconnect();
      window.clearTimeout(limit);
      window.clearTimeout(timer);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
    }
    observer.observe(article, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The first block whose text holds `phrase`, and where: null when none does. */
export function findPhrase(phrase: string): { blockId: string; start: number; end: number } | null {
  for (const block of document.querySelectorAll<HTMLElement>('article [data-block-id]')) {
    const at = block.querySelector('[data-block-text]')?.textContent?.indexOf(phrase) ?? -1;
    if (at >= 0) return { blockId: block.dataset.blockId!, start: at, end: at + phrase.length };
  }
  return null;
}

/** The centre of the selection toolbar's `color` highlight button, once it is shown; null before. */
export function toolbarButton(color: string): { x: number; y: number } | null {
  const button = document.querySelector(`[data-selection-toolbar] [data-action="highlight"][data-color="${color}"]`);
  if (!button) return null;
  const r = button.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The ids of the reader's highlights in the article (from their elements). */
export function highlightIds(): string[] {
  return [...new Set([...document.querySelectorAll('article [data-annotation-id]')].map((el) => el.getAttribute('data-annotation-id') ?? ''))];
}

/**
 * Imports, through the notes panel's file input, the app's own JSON-LD (a W3C AnnotationCollection)
 * with one highlight per quote, placed at `at` characters into the first block holding `within`
 * and `length` characters long: edges anywhere, inside words included.
 */
export function importHighlights(quotes: ReadonlyArray<{ within: string; at: number; length: number; id: string }>): boolean {
  const article = document.querySelector<HTMLElement>('article[data-article-id]')!;
  const blocks = [...article.querySelectorAll<HTMLElement>('[data-block-id]')].map((el) => ({
    id: el.dataset.blockId!,
    text: el.querySelector('[data-block-text]')!.textContent ?? '',
  }));
  // The article's text as the app anchors in it: the blocks joined by a blank line.
  let offset = 0;
  const starts = blocks.map((b) => {
    const start = offset;
    offset += b.text.length + 2;
    return start;
  });
  const full = blocks.map((b) => b.text).join('\n\n');
  const now = new Date().toISOString();
  const items = quotes.map((q) => {
    const index = blocks.findIndex((b) => b.text.includes(q.within));
    if (index < 0) throw new Error(`not in the article: ${q.within}`);
    const block = blocks[index]!;
    const start = starts[index]! + block.text.indexOf(q.within) + q.at;
    const end = start + q.length;
    return {
      id: `urn:uuid:${q.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: now,
      modified: now,
      body: [],
      target: {
        source: `${location.origin}${location.pathname}#/a/${article.dataset.articleId}/${block.id}`,
        selector: [
          { type: 'TextQuoteSelector', exact: full.slice(start, end), prefix: full.slice(Math.max(0, start - 32), start), suffix: full.slice(end, end + 32) },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      hashiya: { articleId: article.dataset.articleId, blockId: block.id, color: 'yellow' },
    };
  });
  const json = JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, items });
  const input = document.querySelector<HTMLInputElement>('input[type="file"][data-action="import-notes"]');
  if (!input) return false;
  const transfer = new DataTransfer();
  transfer.items.add(new File([json], 'notes.jsonld', { type: 'application/ld+json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Clicks an element through the DOM (for the way to the thing under test, not the thing itself). */
export function clickElement(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  el?.click();
  return el !== null;
}

export function exists(selector: string): boolean {
  return document.querySelector(selector) !== null;
}

/**
 * Every word of the article that holds a decoration edge: an element boundary inside it or at its
 * start or end (marks, run wrappers, isolates), the edge of a range painted with the CSS Custom
 * Highlight API, or listed in `expected` (every occurrence that is decorated). A word runs from
 * space to space, with the punctuation written against it: WebKit draws a word at another height
 * where an element boundary separates it from its comma.
 */
export function edgeWords(expected: readonly string[]): EdgeWord[] {
  const WORD = /\S/u;
  const LETTERS = /[^\p{L}\p{M}\p{N}]/gu;
  const found = new Map<string, { blockId: string; start: number; end: number; word: string; decorations: Set<string>; why: Set<string> }>();
  const ranges: Array<{ name: string; range: AbstractRange }> = [];
  const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
  registry?.forEach((highlight, name) => highlight.forEach((range) => ranges.push({ name, range })));

  for (const blockEl of document.querySelectorAll<HTMLElement>('article [data-block-id]')) {
    const root = blockEl.querySelector('[data-block-text]');
    if (!root) continue;
    const blockId = blockEl.dataset.blockId!;
    const text = root.textContent ?? '';
    const offsetOf = (node: Node, offset: number) => {
      const r = document.createRange();
      r.setStart(root, 0);
      r.setEnd(node, offset);
      return r.toString().length;
    };
    const spans: Array<{ start: number; end: number; label: string | null; edge: string }> = [];
    for (const el of root.querySelectorAll('*')) {
      const r = document.createRange();
      r.setStart(root, 0);
      r.setEndBefore(el);
      const start = r.toString().length;
      const end = start + (el.textContent ?? '').length;
      const entity = el.getAttribute('data-entity-id');
      const annotation = el.getAttribute('data-annotation-id');
      const label = entity !== null ? `name:${entity}` : annotation !== null ? `highlight:${annotation}` : null;
      spans.push({ start, end, label, edge: `<${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}>` });
    }
    for (const { name, range } of ranges) {
      if (!root.contains(range.startContainer) && !root.contains(range.endContainer)) continue;
      const start = root.contains(range.startContainer) ? offsetOf(range.startContainer, range.startOffset) : 0;
      const end = root.contains(range.endContainer) ? offsetOf(range.endContainer, range.endOffset) : text.length;
      spans.push({ start, end, label: `range:${name}`, edge: `::highlight(${name})` });
    }
    const wordAround = (at: number) => {
      let start = at;
      let end = at;
      while (start > 0 && WORD.test(text[start - 1]!)) start -= 1;
      while (end < text.length && WORD.test(text[end]!)) end += 1;
      return { start, end };
    };
    const add = (start: number, end: number, why: string) => {
      const key = `${blockId}:${start}`;
      let entry = found.get(key);
      if (!entry) found.set(key, (entry = { blockId, start, end, word: text.slice(start, end), decorations: new Set(), why: new Set() }));
      entry.why.add(why);
      for (const s of spans) if (s.label && s.start < end && s.end > start) entry.decorations.add(s.label);
    };
    // The words an edge touches: the one it falls inside, or the ones it starts and ends.
    for (const s of spans) {
      for (const at of [s.start, s.end]) {
        if (at > 0 && WORD.test(text[at - 1]!)) {
          const w = wordAround(at - 1);
          add(w.start, w.end, s.edge);
        }
        if (at < text.length && WORD.test(text[at]!)) {
          const w = wordAround(at);
          add(w.start, w.end, s.edge);
        }
      }
    }
    for (const word of expected) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        const w = wordAround(at);
        if (text.slice(w.start, w.end).replace(LETTERS, '') !== word) continue;
        if (!spans.some((s) => s.label && s.start < w.end && s.end > w.start)) continue;
        add(w.start, w.end, 'listed');
      }
    }
  }
  return [...found.values()].map((e) => ({ ...e, decorations: [...e.decorations], why: [...e.why] }));
}

/** Scrolls a block to the middle of the viewport and waits until it is laid out and painted. */
export async function showBlock(blockId: string): Promise<void> {
  document.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`)?.scrollIntoView({ block: 'center' });
  document.getSelection()?.removeAllRanges();
  for (let i = 0; i < 3; i += 1) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 50));
}

/**
 * The viewport rectangle of each [start, end) of one block's text; with `select`, the first span
 * is also selected (scrolled to the middle first), as a mouse would.
 */
export function textBoxes(blockId: string, spans: ReadonlyArray<{ start: number; end: number }>, select = false): Box[] {
  const root = document.querySelector(`[data-block-id="${CSS.escape(blockId)}"] [data-block-text]`)!;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const point = (offset: number, end: boolean): [Text, number] => {
    let left = offset;
    for (const n of nodes) {
      if (left < n.data.length || (end && left === n.data.length)) return [n, left];
      left -= n.data.length;
    }
    throw new Error('offset outside the block');
  };
  if (select) root.scrollIntoView({ block: 'center' });
  return spans.map(({ start, end }, i) => {
    const range = document.createRange();
    range.setStart(...point(start, false));
    range.setEnd(...point(end, true));
    if (select && i === 0) {
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range.cloneRange());
    }
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
}

/**
 * Shows a plain copy of a block's text in place of its decorated text (the same element, shallow
 * cloned, with one text node) or the decorated text again. The decorated nodes stay in the document,
 * hidden: taking them out would collapse the ranges painted over them.
 */
export function plainCopy(blockId: string, on: boolean): void {
  const block = document.querySelector(`[data-block-id="${CSS.escape(blockId)}"]`)!;
  if (on) {
    const root = block.querySelector<HTMLElement>('[data-block-text]')!;
    const copy = root.cloneNode(false) as HTMLElement;
    copy.appendChild(document.createTextNode(root.textContent ?? ''));
    copy.setAttribute('data-plain-copy', '');
    root.removeAttribute('data-block-text');
    root.setAttribute('data-decorated-text', '');
    root.style.display = 'none';
    root.before(copy);
  } else {
    const root = block.querySelector<HTMLElement>('[data-decorated-text]');
    if (!root) return;
    block.querySelector('[data-plain-copy]')?.remove();
    root.removeAttribute('data-decorated-text');
    root.setAttribute('data-block-text', '');
    root.style.display = '';
  }
}

/**
 * Makes every decoration paint nothing (fills, underlines, edges, outlines, painted ranges) while
 * the markup and the text colour stay: what is left to compare is how the glyphs are drawn.
 */
export function paintsOff(on: boolean): void {
  const store = window as unknown as { __paintsOff?: CSSStyleSheet };
  const sheet = (store.__paintsOff ??= new CSSStyleSheet());
  const names: string[] = [];
  (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.forEach((_, name) => names.push(name));
  sheet.replaceSync(
    on
      ? `article [data-block-text], article [data-block-text] * { background: transparent !important; box-shadow: none !important; text-decoration-color: transparent !important; outline-color: transparent !important; border-color: transparent !important; animation: none !important; }
         ${names.map((n) => `::highlight(${CSS.escape(n)}) { background-color: transparent !important; text-decoration-color: transparent !important; }`).join('\n')}`
      : '',
  );
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** A custom property's colour as the page resolves it (light-dark() included), as [r, g, b]. */
export function resolvedColor(property: string): [number, number, number] {
  const probe = document.createElement('span');
  probe.style.backgroundColor = `var(${property})`;
  document.querySelector('article')!.appendChild(probe);
  const value = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const [r, g, b] = (value.match(/[\d.]+/g) ?? []).map(Number);
  return [r ?? 0, g ?? 0, b ?? 0];
}

/** The viewport centre of the first element matching `selector` whose centre shows the element itself. */
export function centreOf(selector: string): { x: number; y: number } | null {
  for (const el of document.querySelectorAll(selector)) {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) return { x, y };
  }
  return null;
}

/**
 * The viewport centre of a decoration's element, scrolled into view: a name outside any highlight
 * ('name'), a highlight with no name at that point ('highlight'), or a name inside a highlight
 * ('name-in-highlight'); null when the sample has none.
 */
export function decorationCentre(kind: 'name' | 'highlight' | 'name-in-highlight'): { x: number; y: number; id: string } | null {
  const selector = kind === 'highlight' ? 'article [data-annotation-id]' : 'article [data-entity-id]';
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    el.scrollIntoView({ block: 'center' });
    const r = el.getClientRects()[0];
    if (!r) continue;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === el || el.contains(hit))) continue;
    const name = hit.closest('[data-entity-id]');
    const highlight = hit.closest('[data-annotation-id]') ?? (name?.querySelector('[data-annotation-id]') ?? null);
    const inHighlight = highlight !== null && (kind !== 'name' || el.contains(highlight) || highlight.contains(el));
    if (kind === 'name' && !inHighlight) return { x, y, id: el.dataset.entityId ?? '' };
    if (kind === 'name-in-highlight' && inHighlight) return { x, y, id: el.dataset.entityId ?? '' };
    if (kind === 'highlight' && name === null) return { x, y, id: el.dataset.annotationId ?? '' };
  }
  return null;
}

/**
 * What is open, once `what` is ('card': the name card, 'editor': the note editor, 'none': neither); null before.
 * The note editor opens where the note is read (in the margin, a popover or a sheet; a dialog nowhere).
 */
export function opened(what: 'card' | 'editor' | 'none'): { card: string | null; editor: boolean } | null {
  const card = document.querySelector('[data-entity-card] [data-entity-name]')?.textContent ?? null;
  const editor = document.querySelector('[data-note-editor]') !== null;
  const ready = what === 'card' ? card !== null : what === 'editor' ? editor : card === null && !editor;
  return ready ? { card, editor } : null;
}

/** Moves keyboard focus to the first name outside the highlights (scrolled into view); its id, or null. */
export function focusName(): string | null {
  for (const el of document.querySelectorAll<HTMLElement>('article mark.entity[data-entity-id]')) {
    if (el.closest('[data-annotation-id]') || el.querySelector('[data-annotation-id]')) continue;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return document.activeElement === el ? (el.dataset.entityId ?? '') : null;
  }
  return null;
}

/**
 * Applies every `@media print` rule of the page's style sheets on screen (or takes them off): what
 * paper gets, for an engine whose driver cannot switch to print media. The rules come later in the
 * cascade than they stand in their sheets, which only makes them stronger.
 */
export function printRulesOnScreen(on: boolean): void {
  const store = window as unknown as { __printRules?: CSSStyleSheet };
  const sheet = (store.__printRules ??= new CSSStyleSheet());
  const rules: string[] = [];
  const collect = (list: CSSRuleList) => {
    for (const rule of list) {
      if (!(rule instanceof CSSMediaRule)) continue;
      if ([...rule.media].includes('print')) for (const inner of rule.cssRules) rules.push(inner.cssText);
      else collect(rule.cssRules);
    }
  };
  for (const s of [...document.styleSheets, ...document.adoptedStyleSheets]) if (s !== sheet) collect(s.cssRules);
  sheet.replaceSync(on ? rules.join('\n') : '');
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Makes the ranges painted with the CSS Custom Highlight API paint nothing (an engine that does not print them), or paint again. */
export function rangesOff(on: boolean): void {
  const store = window as unknown as { __rangesOff?: CSSStyleSheet };
  const sheet = (store.__rangesOff ??= new CSSStyleSheet());
  const names: string[] = [];
  (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.forEach((_, name) => names.push(name));
  sheet.replaceSync(on ? names.map((n) => `::highlight(${CSS.escape(n)}) { background-color: transparent !important; }`).join('\n') : '');
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** The first client rectangle of the first element matching `selector`, scrolled to the middle; null when none. */
export function elementBox(selector: string): Box | null {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({ block: 'center' });
  const r = el.getClientRects()[0];
  return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
}

/** The first name of a type outside every highlight and shared passage (a CSS selector for it), or null. */
export function plainName(type: string): string | null {
  for (const el of document.querySelectorAll<HTMLElement>(`article mark.entity[data-entity-type="${type}"]`)) {
    if (el.closest('[data-annotation-id], [data-shared-passage]') || el.querySelector('[data-annotation-id], [data-shared-passage]')) continue;
    return `article mark.entity[data-entity-id="${CSS.escape(el.dataset.entityId!)}"][data-mention-index="${el.dataset.mentionIndex}"]`;
  }
  return null;
}

/** Resolves after two frames: what changed (a hover, a class) is painted. */
export async function nextFrames(): Promise<boolean> {
  for (let i = 0; i < 2; i += 1) await new Promise((r) => requestAnimationFrame(r));
  return true;
}

/** Clears the page's storage and writes the given items (before the app reads them). */
export function seedStorage(items: Record<string, string>): boolean {
  localStorage.clear();
  for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
  return true;
}
