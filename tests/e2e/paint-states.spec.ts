/**
 * Everything the marks show besides the reader's own toolbar highlights, in WebKit (through
 * WebKitWebDriver) and in Chromium: a passage opened from a link, another group member's highlight,
 * the reader's own highlight over a name, each with its edges inside words, stay joined and visibly
 * painted; the other member's looks different from one's own; hover shows on names and highlights;
 * a switched-off name type draws nothing; on paper every one of them keeps its fill even where the
 * engine does not print painted ranges; the headline is drawn whole.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { describe as describeSpan } from '../../src/core/annotations/anchoring';
import { createAnnotation } from '../../src/core/annotations/annotation';
import { annotationsKey } from '../../src/core/annotations/annotation-store';
import { articleText } from '../../src/core/article/article';
import { parsePlainTextArticle } from '../../src/core/article/parse-text';
import { routeToHash } from '../../src/core/links/routes';
import { storageKeys } from '../../src/core/storage/keys';
import { passageFromSelectors, passageRoute } from '../../src/core/links/share-link';
import { HOLD_MS } from '../../src/shared/hold-in-view';
import { SAMPLE_ID } from './fixtures';
import { chromiumEngine, waitFor, webkitEngine, type Engine } from './engines/engine';
import { expectJoinedAndPainted, measureWords, report } from './joining/measure';
import { changedShare, colourShare, decode, differingPixels, withBelow } from './joining/pixels';
import * as probe from './joining/probe';

/** A span of the sample given by its phrase, the part of it decorated, and a word inside for pixels. */
interface Span {
  readonly phrase: string;
  readonly quote: string;
  readonly inner: string;
}

/** The reader's own highlight, over a name (كييف), from inside وتتهم to inside وحلفاؤها. */
const OWN: Span = { phrase: 'وتتهم كييف وحلفاؤها', quote: 'تهم كييف وحلفاؤ', inner: 'كييف' };
/** Another group member's highlight, from inside مقالات to inside تسليم. */
const OTHERS: Span = { phrase: 'مقالات عن عمليات تسليم', quote: 'الات عن عمليات تس', inner: 'عمليات' };
/** A passage opened from a link, from inside عقوبات to inside the name طهران. */
const PASSAGE: Span = { phrase: 'عقوبات على طهران', quote: 'قوبات على طهر', inner: 'على' };
const OWN_ID = 'paint-own';
const OTHERS_ID = 'paint-others';

const sample = parsePlainTextArticle(readFileSync(resolve(import.meta.dirname, '../../public/articles', `${SAMPLE_ID}.txt`), 'utf8'), { id: SAMPLE_ID });
const sampleText = articleText(sample);

function selectorsOf({ phrase, quote }: Span) {
  const at = sampleText.indexOf(phrase);
  if (at < 0 || !phrase.includes(quote)) throw new Error(`not in the sample: ${phrase}`);
  const start = at + phrase.indexOf(quote);
  return describeSpan(sample, { start, end: start + quote.length });
}

/** Storage as the app keeps it: the Arabic interface, one highlight of the reader's, one of a group member's (amal's). */
function seededNotes(): Record<string, string> {
  const own = createAnnotation({ id: OWN_ID, articleId: SAMPLE_ID, selectors: selectorsOf(OWN), color: 'blue' });
  const others = { ...createAnnotation({ id: OTHERS_ID, articleId: SAMPLE_ID, selectors: selectorsOf(OTHERS), color: 'green' }), group: 'newsroom', author: 'amal' };
  return {
    [storageKeys.settings]: JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: 'ar' } }),
    [annotationsKey(SAMPLE_ID)]: JSON.stringify({ v: 1, data: { [OWN_ID]: own, [OTHERS_ID]: others } }),
  };
}

/** The viewport box of `span.inner` (inside its phrase), its block scrolled to the middle. */
async function innerBox(engine: Engine, span: Span) {
  const found = await engine.evaluate(probe.findPhrase, span.phrase);
  expect(found, `"${span.phrase}" is on the page`).not.toBeNull();
  const start = found!.start + span.phrase.indexOf(span.inner);
  await engine.evaluate(probe.showBlock, found!.blockId);
  const [box] = await engine.evaluate(probe.textBoxes, found!.blockId, [{ start, end: start + span.inner.length }]);
  return box!;
}

/** A screenshot as shown, and one with every decoration's paint off (same layout). */
async function withAndWithoutPaint(engine: Engine) {
  const shown = decode(await engine.screenshot());
  await engine.evaluate(probe.paintsOff, true);
  await engine.evaluate(probe.nextFrames);
  const bare = decode(await engine.screenshot());
  await engine.evaluate(probe.paintsOff, false);
  await engine.evaluate(probe.nextFrames);
  return { shown, bare };
}

/** Pixels that a name's line (or an element's decoration) adds under the element matching `selector`. */
async function linePixels(engine: Engine, selector: string): Promise<{ pixels: number; width: number }> {
  const box = await engine.evaluate(probe.elementBox, selector);
  expect(box, selector).not.toBeNull();
  await engine.evaluate(probe.nextFrames);
  const { shown, bare } = await withAndWithoutPaint(engine);
  return { pixels: differingPixels(shown, withBelow(box!, 8), bare, withBelow(box!, 8), 24), width: box!.width };
}

async function openDecorated(engine: Engine, baseURL: string): Promise<void> {
  await engine.setViewport(1280, 800);
  await engine.goto(`${baseURL}#/`);
  await engine.evaluate(probe.seedStorage, seededNotes());
  // The article opened from a passage link (format 1: the quote written out).
  await engine.goto(`${baseURL}${routeToHash(passageRoute(SAMPLE_ID, passageFromSelectors(selectorsOf(PASSAGE)), 1))}`);
  await waitFor(engine, 'the sample with its names', probe.readerReady, [], 30_000);
  for (const selector of ['article [data-shared-passage]', `article [data-annotation-id="${OWN_ID}"]`, `article [data-annotation-id="${OTHERS_ID}"]`]) {
    await waitFor(engine, selector, probe.exists, [selector]);
  }
  await engine.evaluate(probe.settled, 500);
  // The app keeps the passage in view while the page settles (until the reader moves or HOLD_MS
  // pass); the plain copies below change block heights, which would scroll it back between shots.
  await new Promise((r) => setTimeout(r, HOLD_MS));
}

async function checkStates(engine: Engine, baseURL: string): Promise<void> {
  await openDecorated(engine, baseURL);

  // Counts in the Arabic interface in Western digits, as the articles write them, in both engines
  // (WebKit's own default for Arabic is Arabic-Indic digits): a string's {{count, number}} and a badge.
  const counts = await engine.evaluate(() => ['[data-action="toggle-notes"]', '[data-action="toggle-entities-panel"]'].map((s) => document.querySelector(s)?.textContent ?? ''));
  for (const text of counts) expect(text, `${engine.name}: digits in "${text}"`).toMatch(/^[^\u0660-\u0669\u06f0-\u06f9]*[0-9][^\u0660-\u0669\u06f0-\u06f9]*$/u);

  // Joined and visible: every word at an edge of the passage, the other member's highlight and one's own.
  const rows = await measureWords(engine, ['كييف', 'طهران']);
  report(engine, rows);
  for (const word of ['وتتهم', 'وحلفاؤها', 'مقالات', 'تسليم', 'عقوبات', 'طهران']) {
    expect(rows.some((r) => r.word.replace(/[^\p{L}\p{M}\p{N}]/gu, '') === word), `${word} is measured`).toBe(true);
  }
  expectJoinedAndPainted(engine, rows);

  // One's own fill is the colour chosen; another member's is painted, but not with that fill.
  const ownBox = await innerBox(engine, OWN);
  const own = await withAndWithoutPaint(engine);
  expect(colourShare(own.shown, ownBox, await engine.evaluate(probe.resolvedColor, '--hl-blue')), `${engine.name}: one's own blue fill`).toBeGreaterThan(0.3);
  const othersBox = await innerBox(engine, OTHERS);
  const others = await withAndWithoutPaint(engine);
  expect(changedShare(others.shown, others.bare, othersBox), `${engine.name}: the other member's highlight is painted`).toBeGreaterThan(0.3);
  expect(colourShare(others.shown, othersBox, await engine.evaluate(probe.resolvedColor, '--hl-green')), `${engine.name}: not with one's own green fill`).toBeLessThan(0.05);
  expect(await engine.evaluate(probe.exists, `article mark.highlight--others[data-annotation-id="${OTHERS_ID}"][data-highlight-author="amal"]`)).toBe(true);

  // Hover: a name's line thickens, a highlight's edge too.
  for (const [what, selector] of [
    ['a name', await engine.evaluate(probe.plainName, 'PERS')],
    ['a highlight', `article mark.highlight[data-annotation-id="${OTHERS_ID}"]`],
  ] as const) {
    expect(selector, what).not.toBeNull();
    const box = (await engine.evaluate(probe.elementBox, selector!))!;
    await engine.moveMouse(1, 1);
    await engine.evaluate(probe.nextFrames);
    const before = decode(await engine.screenshot());
    await engine.moveMouse(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
    await engine.evaluate(probe.nextFrames);
    const hovered = decode(await engine.screenshot());
    await engine.moveMouse(1, 1);
    expect(differingPixels(before, withBelow(box, 8), hovered, withBelow(box, 8), 24), `${engine.name}: hover on ${what}`).toBeGreaterThan(box.width * 0.5);
  }

  // A switched-off type draws nothing; the other types keep their line.
  const place = (await engine.evaluate(probe.plainName, 'LOC'))!;
  const person = (await engine.evaluate(probe.plainName, 'PERS'))!;
  expect(place, 'a place outside the decorations').not.toBeNull();
  const placeShown = await linePixels(engine, place);
  expect(placeShown.pixels, `${engine.name}: a place's line`).toBeGreaterThan(placeShown.width * 0.5);
  expect(await engine.evaluate(probe.clickElement, '[data-action="toggle-entity-type"][data-type="LOC"]')).toBe(true);
  await engine.evaluate(probe.settled, 300);
  expect((await linePixels(engine, place)).pixels, `${engine.name}: a switched-off place draws nothing`).toBe(0);
  const personShown = await linePixels(engine, person);
  expect(personShown.pixels, `${engine.name}: a person's line stays`).toBeGreaterThan(personShown.width * 0.5);
  await engine.evaluate(probe.clickElement, '[data-action="toggle-entity-type"][data-type="LOC"]');

  // Paper: with the print rules and no painted ranges, each decoration keeps its fill.
  await engine.printMedia(true);
  await engine.evaluate(probe.rangesOff, true);
  try {
    for (const span of [OWN, OTHERS, PASSAGE]) {
      const box = await innerBox(engine, span);
      const { shown, bare } = await withAndWithoutPaint(engine);
      expect(changedShare(shown, bare, box), `${engine.name}: "${span.inner}" filled on paper`).toBeGreaterThan(0.3);
    }
  } finally {
    await engine.evaluate(probe.rangesOff, false);
    await engine.printMedia(false);
  }

  await checkHeadlineWhole(engine);
}

/**
 * The headline is drawn whole: WebKit draws some words of large Naskh type below their line, and
 * the paint containment of content-visibility: auto cut them off at the block's foot.
 */
async function checkHeadlineWhole(engine: Engine): Promise<void> {
  const headline = 'article h1 [data-block-text]';
  const box = await engine.evaluate(probe.elementBox, headline);
  expect(box, 'the headline').not.toBeNull();
  await engine.evaluate(probe.nextFrames);
  const drawn = decode(await engine.screenshot());
  await engine.evaluate((selector: string) => {
    document.querySelector<HTMLElement>(selector)!.style.contentVisibility = 'visible';
  }, headline);
  await engine.evaluate(probe.nextFrames);
  const whole = decode(await engine.screenshot());
  expect(differingPixels(drawn, withBelow(box!, 24), whole, withBelow(box!, 24)), `${engine.name}: the headline drawn whole`).toBeLessThan(20);
}

test.describe('passages, others\' highlights, hover, hidden types and paper, in both engines', () => {
  test.describe.configure({ timeout: 180_000 });
  test('Chromium', async ({ page, baseURL }) => {
    await checkStates(chromiumEngine(page), baseURL!);
  });
  test('WebKit', async ({ baseURL }) => {
    const engine = await webkitEngine();
    try {
      await checkStates(engine, baseURL!);
    } finally {
      await engine.close();
    }
  });
});
