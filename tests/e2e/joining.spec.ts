/**
 * Arabic stays joined under names and highlights, in WebKit (Safari's engine, through
 * WebKitWebDriver) and in Chromium: every word of the sample that holds a decoration edge is drawn
 * exactly like the same word in a plain copy of its paragraph.
 */
import { expect, test } from '@playwright/test';
import { SAMPLE_ID } from './fixtures';
import { chromiumEngine, waitFor, webkitEngine, type Engine } from './engines/engine';
import { expectJoinedAndPainted, measureWords, report } from './joining/measure';
import * as probe from './joining/probe';

/** Names the tagger finds right after a clitic (ل، و): the name's span starts inside the word. */
const NAMES_AFTER_CLITICS = ['لموسكو', 'لروسيا', 'لأوكرانيا', 'وموسكو', 'وطهران', 'ورئيسي'];
/** Highlights made through the selection toolbar, over names written after clitics. */
const TOOLBAR_HIGHLIGHTS = [
  { phrase: 'بين طهران وموسكو', color: 'green' },
  { phrase: 'حليفًا أساسيًا لموسكو', color: 'yellow' },
  { phrase: 'التعاون في المجالات السياسية', color: 'blue' },
];
/** Highlights imported as the app's own JSON-LD, each starting and ending inside a word. */
const IMPORTED_HIGHLIGHTS = [
  { within: 'المجالات السياسية والاقتصادية', at: 3, length: 17, id: 'joined-1' }, // جالات السياسية وال
  { within: 'بتزويدها روسيا بمسيّرات', at: 3, length: 15, id: 'joined-2' }, // ويدها روسيا بمس
];

async function decorateSample(engine: Engine, baseURL: string): Promise<void> {
  await engine.setViewport(1280, 800);
  await engine.goto(`${baseURL}#/`);
  await engine.evaluate(() => localStorage.clear());
  await engine.goto(`${baseURL}#/a/${SAMPLE_ID}`);
  await waitFor(engine, 'the sample with its names', probe.readerReady, [], 30_000);
  await engine.evaluate(probe.settled, 500);

  for (const { phrase, color } of TOOLBAR_HIGHLIGHTS) {
    const before = (await engine.evaluate(probe.highlightIds)).length;
    const found = await engine.evaluate(probe.findPhrase, phrase);
    expect(found, `"${phrase}" is in the sample`).not.toBeNull();
    await engine.evaluate(probe.textBoxes, found!.blockId, [found!], true);
    const button = await waitFor(engine, `the toolbar for "${phrase}"`, probe.toolbarButton, [color]);
    await engine.click(button.x, button.y);
    await waitFor(engine, `the highlight of "${phrase}"`, (n: number) => document.querySelectorAll('article [data-annotation-id]').length > 0 && new Set([...document.querySelectorAll('article [data-annotation-id]')].map((e) => e.getAttribute('data-annotation-id'))).size > n, [before]);
  }

  expect(await engine.evaluate(probe.clickElement, '[data-action="toggle-notes"]')).toBe(true);
  await waitFor(engine, 'the notes panel', probe.exists, ['input[type="file"][data-action="import-notes"]']);
  expect(await engine.evaluate(probe.importHighlights, IMPORTED_HIGHLIGHTS)).toBe(true);
  for (const { id } of IMPORTED_HIGHLIGHTS) await waitFor(engine, `the imported highlight ${id}`, probe.exists, [`article [data-annotation-id="${id}"]`]);
  await engine.evaluate(probe.clickElement, '[data-action="toggle-notes"]');
  await engine.evaluate(probe.settled, 500);
}

async function checkJoining(engine: Engine, baseURL: string): Promise<void> {
  await decorateSample(engine, baseURL);
  const rows = await measureWords(engine, NAMES_AFTER_CLITICS, process.env.JOINING_SHOTS);
  report(engine, rows);
  // Every listed name after a clitic and every edge of the imported highlights was measured.
  for (const word of [...NAMES_AFTER_CLITICS, 'المجالات', 'والاقتصادية', 'بتزويدها', 'بمسيّرات']) {
    expect(rows.some((r) => r.word.replace(/[^\p{L}\p{M}\p{N}]/gu, '') === word), `${word} is measured`).toBe(true);
  }
  expectJoinedAndPainted(engine, rows);
}

/**
 * A real click on a name opens its card, on a highlight its note; a name inside a highlight opens
 * one of them; Enter on a focused name opens its card.
 */
async function checkClicks(engine: Engine, baseURL: string): Promise<void> {
  await decorateSample(engine, baseURL);
  const close = async () => {
    await engine.press('Escape');
    await waitFor(engine, 'nothing open', probe.opened, ['none']);
  };

  const name = await engine.evaluate(probe.decorationCentre, 'name');
  expect(name, 'a name outside the highlights').not.toBeNull();
  await engine.click(name!.x, name!.y);
  const card = await waitFor(engine, 'the name card', probe.opened, ['card']);
  expect(card.editor, 'a name opens its card only').toBe(false);
  await close();

  const highlight = await engine.evaluate(probe.decorationCentre, 'highlight');
  expect(highlight, 'a highlight away from the names').not.toBeNull();
  await engine.click(highlight!.x, highlight!.y);
  const editor = await waitFor(engine, 'the note editor', probe.opened, ['editor']);
  expect(editor.card, 'a highlight opens its note only').toBeNull();
  await close();

  expect(await engine.evaluate(probe.focusName), 'a name takes keyboard focus').not.toBeNull();
  await engine.press('Enter');
  expect((await waitFor(engine, 'the name card from the keyboard', probe.opened, ['card'])).editor).toBe(false);
  await close();

  const both = await engine.evaluate(probe.decorationCentre, 'name-in-highlight');
  expect(both, 'a name inside a highlight').not.toBeNull();
  await engine.click(both!.x, both!.y);
  const one = await waitFor(engine, 'the name card', probe.opened, ['card']);
  expect(one.editor, 'a name inside a highlight opens its card, not the note editor too').toBe(false);
  // The highlight is one step away: its note, from the card.
  const offer = await waitFor(engine, 'the highlight offered in the card', probe.centreOf, ['[data-entity-card] [data-action="open-highlight-note"]']);
  await engine.click(offer.x, offer.y);
  await waitFor(engine, 'the note editor from the card', probe.opened, ['editor']);
}

const checks = { 'no word is drawn differently from plain text': checkJoining, 'a click opens one thing': checkClicks };

test.describe('names and highlights, in both engines', () => {
  test.describe.configure({ timeout: 180_000 });
  for (const [title, check] of Object.entries(checks)) {
    test(`Chromium: ${title}`, async ({ page, baseURL }) => {
      await check(chromiumEngine(page), baseURL!);
    });
    test(`WebKit: ${title}`, async ({ baseURL }) => {
      const engine = await webkitEngine();
      try {
        await check(engine, baseURL!);
      } finally {
        await engine.close();
      }
    });
  }
});
