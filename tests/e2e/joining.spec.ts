/**
 * Arabic stays joined under names and highlights, in WebKit (Safari's engine, through
 * WebKitWebDriver) and in Chromium: every word of the sample that holds a decoration edge is drawn
 * exactly like the same word in a plain copy of its paragraph.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { SAMPLE_ID } from './fixtures';
import { chromiumEngine, waitFor, webkitEngine, type Engine } from './engines/engine';
import { decode, differingPixels, glyphDifferences, sameWidth, withBelow, type Shot } from './joining/pixels';
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

interface Row {
  readonly word: string;
  readonly why: string;
  readonly decoratedWidth: number;
  readonly plainWidth: number;
  readonly sameWidth: boolean;
  readonly glyphPixels: number;
  readonly painted: boolean;
}

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

async function measureWords(engine: Engine, shots?: string): Promise<Row[]> {
  const words = await engine.evaluate(probe.edgeWords, NAMES_AFTER_CLITICS);
  const rows: Row[] = [];
  const byBlock = new Map<string, probe.EdgeWord[]>();
  for (const w of words) byBlock.set(w.blockId, [...(byBlock.get(w.blockId) ?? []), w]);
  await engine.moveMouse(0, 0);
  for (const [blockId, list] of byBlock) {
    await engine.evaluate(probe.showBlock, blockId);
    const decorated = await engine.evaluate(probe.textBoxes, blockId, list);
    const painted: Shot = decode(await engine.screenshot());
    await engine.evaluate(probe.paintsOff, true);
    await engine.evaluate(probe.showBlock, blockId);
    const unpainted = decode(await engine.screenshot());
    await engine.evaluate(probe.plainCopy, blockId, true);
    await engine.evaluate(probe.showBlock, blockId);
    const plain = await engine.evaluate(probe.textBoxes, blockId, list);
    const plainShot = decode(await engine.screenshot());
    await engine.evaluate(probe.plainCopy, blockId, false);
    await engine.evaluate(probe.paintsOff, false);
    // JOINING_SHOTS=/tmp/x keeps the three screenshots of each block and the word boxes, to look at.
    if (shots) {
      const base = `${shots}-${engine.name}-${blockId}`;
      for (const [suffix, shot] of [['', painted], ['-off', unpainted], ['-plain', plainShot]] as const) writeFileSync(`${base}${suffix}.png`, PNG.sync.write(shot));
      writeFileSync(`${base}.json`, JSON.stringify({ list, decorated, plain }));
    }
    list.forEach((w, i) => {
      const d = decorated[i]!;
      const p = plain[i]!;
      rows.push({
        word: w.word,
        why: `${w.why.join(' ')} [${w.decorations.map((x) => x.split(':')[0]).join(',')}]`,
        decoratedWidth: d.width,
        plainWidth: p.width,
        sameWidth: sameWidth(d, p),
        glyphPixels: glyphDifferences(plainShot, p, unpainted, d),
        // A decorated word has something painted on it (a fill, or a line under it): at least half its width in pixels.
        painted: w.decorations.length === 0 || differingPixels(unpainted, withBelow(d, 6), painted, withBelow(d, 6), 24) >= d.width * 0.5,
      });
    });
  }
  return rows;
}

function report(engine: Engine, rows: readonly Row[]): void {
  const lines = rows.filter((r) => process.env.JOINING_ALL || r.why.includes('::highlight') || r.why.includes('listed') || r.glyphPixels > 0 || !r.sameWidth).map((r) => `  ${r.word.padEnd(14)} ${r.decoratedWidth.toFixed(2).padStart(7)} vs ${r.plainWidth.toFixed(2).padStart(7)} px  ${String(r.glyphPixels).padStart(4)} px differ  ${r.painted ? 'painted' : 'NOT PAINTED'}  ${r.why}`);
  console.log(`${engine.name}: ${rows.length} words with a decoration edge; listed words, words at a painted range's edge and words drawn differently (JOINING_ALL=1: all), decorated vs plain width and glyph pixels that differ:\n${lines.join('\n')}`);
}

async function checkJoining(engine: Engine, baseURL: string): Promise<void> {
  await decorateSample(engine, baseURL);
  const rows = await measureWords(engine, process.env.JOINING_SHOTS);
  report(engine, rows);
  // Every listed name after a clitic and every edge of the imported highlights was measured.
  for (const word of [...NAMES_AFTER_CLITICS, 'المجالات', 'والاقتصادية', 'بتزويدها', 'بمسيّرات']) {
    expect(rows.some((r) => r.word.replace(/[^\p{L}\p{M}\p{N}]/gu, '') === word), `${word} is measured`).toBe(true);
  }
  const broken = rows.filter((r) => !r.sameWidth || r.glyphPixels > 0);
  expect(broken.map((r) => `${r.word}: ${r.decoratedWidth.toFixed(2)} vs ${r.plainWidth.toFixed(2)} px, ${r.glyphPixels} px differ`), `${engine.name}: words drawn differently from plain text`).toEqual([]);
  expect(rows.filter((r) => !r.painted).map((r) => r.word), `${engine.name}: decorations not visible`).toEqual([]);
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
