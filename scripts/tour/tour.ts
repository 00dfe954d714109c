/**
 * The screenshot tour: every screen that paints notes, names and highlights, in one engine, in both
 * interface languages and both themes, on a desktop (1280 × 800), a small laptop (1024 × 800, where
 * a note is written in a popover) and a phone (375 × 800). The data is seeded through the app's own
 * storage formats: the sample article with its names, six highlights (five with notes, one note in
 * English, one highlight whose edges fall inside words, one another group member's note), and a
 * reading position. The PNGs are for people to look at; nothing is compared automatically.
 *
 * WebKit's MiniBrowser cannot make its viewport narrower than 447 px, so there the phone shots load
 * the app in a 375-px-wide iframe of a page of the tour's own (see server.ts) and are cropped to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Annotation } from '../../src/core/annotations/annotation';
import { annotationsKey } from '../../src/core/annotations/annotation-store';
import { storageKeys } from '../../src/core/storage/keys';
import { PASTED_ARTICLE, SAMPLE_ID } from '../../tests/e2e/fixtures';
import { waitFor, type Engine } from '../../tests/e2e/engines/engine';
import * as probe from '../../tests/e2e/joining/probe';
import { sampleNote, sampleBlockIds } from '../../tests/e2e/seed-notes';
import * as page from './page';
import { BLANK_PAGE, framePage } from './server';

export type Language = 'ar' | 'en';
export type Theme = 'light' | 'dark';

/** The highlights and notes the tour reads: notes that collide in the margin, two in one paragraph. */
export function tourNotes(): Annotation[] {
  return [
    sampleNote('سكرتير مجلس الأمن الروسي نيكولاي باتروشيف طهران', {
      color: 'yellow',
      note: 'ثاني زيارة لباتروشيف هذا العام: تحقّق من التاريخ في بيان مجلس الأمن، ومن تاريخ الزيارة السابقة في الأرشيف.',
      tags: ['زيارات'],
    }),
    sampleNote('أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا', { color: 'green', note: 'First call since the summer: check the date against the Kremlin readout.', tags: ['sources'] }),
    sampleNote('حليفًا أساسيًا لموسكو', {
      color: 'pink',
      note: 'الوصف نفسه في تقارير واشنطن؛ قارن بالصيغة الإيرانية الرسمية التي تتحدث عن «شراكة استراتيجية» لا عن تحالف، وبتصريحات الخارجية الإيرانية بعد المكالمة.',
    }),
    // Both edges inside words (المجالات، والاقتصادية): painted as a range, never cutting the word.
    sampleNote('جالات السياسية وال', { color: 'blue', note: 'حدّا التظليل داخل كلمتين.' }),
    { ...sampleNote('"سلسلة من المسائل" المتصلة بالعلاقات الثنائية', { color: 'purple', note: 'العبارة نفسها في بيان الكرملين.' }), group: 'desk', author: 'layla' },
    sampleNote('تزويدها روسيا بمسيّرات', { color: 'yellow' }),
  ];
}

/** What the tour seeds in localStorage before each shot, for one language and theme. */
function seed(language: Language, theme: Theme): Record<string, string> {
  const notes = tourNotes();
  const blocks = sampleBlockIds();
  return {
    [storageKeys.settings]: JSON.stringify({ v: 1, data: { theme, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }),
    [annotationsKey(SAMPLE_ID)]: JSON.stringify({ v: 1, data: Object.fromEntries(notes.map((n) => [n.id, n])) }),
    [storageKeys.readingProgress]: JSON.stringify({ v: 1, data: { [SAMPLE_ID]: { blockId: blocks[Math.floor(blocks.length / 3)]!, fraction: 0.35, updated: new Date().toISOString() } } }),
  };
}

interface Stage {
  readonly engine: Engine;
  /** Opens a hash route of the app (for the shot's size, framed where the engine needs it). */
  open(hash: string): Promise<void>;
}

interface Shot {
  readonly name: string;
  readonly width: number;
  readonly take: (stage: Stage) => Promise<void>;
}

const ARTICLE = `#/a/${SAMPLE_ID}`;
const HEIGHT = 800;
/** The narrowest viewport MiniBrowser gives (a narrower request is widened to this). */
const WEBKIT_MIN_WIDTH = 447;

/**
 * Opens the sample (where the seeded reading position left it, or scrolled to the paragraph holding
 * `scrollTo`) and waits for its names and (unless `placed` is false: no note may be near) its margin.
 */
async function openReader(stage: Stage, mode: 'notes' | 'markers', scrollTo?: string, placed = true): Promise<void> {
  await stage.open(ARTICLE);
  await waitFor(stage.engine, 'the sample with its names', probe.readerReady, [], 45_000);
  await stage.engine.evaluate(page.readerMoves);
  if (scrollTo && !(await stage.engine.evaluate(page.scrollToPhrase, scrollTo, 8))) throw new Error(`not in the sample: ${scrollTo}`);
  if (placed) await waitFor(stage.engine, `the sample's ${mode} placed`, page.readerPlaced, [mode]);
  await stage.engine.evaluate(probe.settled, 400);
}

/** Selects `phrase` in the article and opens the note form from the selection toolbar. */
async function writeNoteOn(stage: Stage, phrase: string, draft: string): Promise<void> {
  const found = await stage.engine.evaluate(probe.findPhrase, phrase);
  if (!found) throw new Error(`not in the sample: ${phrase}`);
  await stage.engine.evaluate(probe.textBoxes, found.blockId, [found], true);
  await waitFor(stage.engine, 'the selection toolbar', probe.exists, ['[data-selection-toolbar] [data-action="note"]']);
  await stage.engine.evaluate(probe.clickElement, '[data-selection-toolbar] [data-action="note"]');
  await waitFor(stage.engine, 'the note form', probe.exists, ['[data-note-editor="new"] textarea']);
  await stage.engine.evaluate(page.fillField, '[data-note-editor="new"] textarea', draft);
}

async function clickName(stage: Stage): Promise<void> {
  // Found and scrolled to twice: in WebKit, blocks laid out for the first time as the window
  // scrolls there (content-visibility) move the text after the first scroll.
  await stage.engine.evaluate(probe.decorationCentre, 'name');
  await stage.engine.evaluate(page.pause, 300);
  const name = await stage.engine.evaluate(probe.decorationCentre, 'name');
  if (!name) throw new Error('no name outside the highlights');
  await stage.engine.click(name.x, name.y);
  try {
    await waitFor(stage.engine, 'the name card', probe.exists, ['[data-entity-card] [data-entity-name]'], 5_000);
  } catch (error) {
    const hit = await stage.engine.evaluate((x: number, y: number) => document.elementFromPoint(x, y)?.outerHTML.slice(0, 160) ?? null, name.x, name.y);
    throw new Error(`${error instanceof Error ? error.message : String(error)} (clicked ${Math.round(name.x)},${Math.round(name.y)} on ${hit})`, { cause: error });
  }
}

/** A note being written on a passage with no highlight: in the margin, in a popover or in a phone's sheet. */
function writing(name: string, width: number, mode: 'notes' | 'markers', form: 'popover' | 'sheet' | null): Shot {
  return {
    name,
    width,
    take: async (stage) => {
      await openReader(stage, mode, undefined, false);
      await writeNoteOn(stage, 'قمة مجموعة العشرين', 'لم يحضر قمة بالي أيضًا؟');
      if (form) await waitFor(stage.engine, `the note form's ${form}`, probe.exists, [`[data-note-popover="${form}"]`]);
    },
  };
}

const SHOTS: readonly Shot[] = [
  {
    name: 'reader-notes',
    width: 1280,
    take: async (stage) => {
      await openReader(stage, 'notes', 'زار هذا الأسبوع');
      if (!(await stage.engine.evaluate(page.activateMarginNote, 'الوصف نفسه'))) throw new Error('the long note is not in the margin');
      await waitFor(stage.engine, 'the active note', probe.exists, ['[data-margin-note][data-active] .is-expanded']);
    },
  },
  writing('writing-in-margin', 1280, 'notes', null),
  writing('note-popover', 1024, 'markers', 'popover'),
  {
    name: 'names-card',
    width: 1280,
    take: async (stage) => {
      await openReader(stage, 'notes', 'زار هذا الأسبوع');
      await stage.engine.evaluate(probe.clickElement, '[data-action="toggle-entities-panel"]');
      await waitFor(stage.engine, 'the names panel', probe.exists, ['[data-entities-panel]']);
      await clickName(stage);
    },
  },
  {
    name: 'library',
    width: 1280,
    take: async (stage) => {
      await stage.open('#/');
      await waitFor(stage.engine, 'the library', probe.exists, [`[data-library-article="${SAMPLE_ID}"]`], 30_000);
    },
  },
  {
    name: 'import-preview',
    width: 1280,
    take: async (stage) => {
      await stage.open('#/');
      await waitFor(stage.engine, 'the import button', probe.exists, ['[data-action="open-import"]'], 30_000);
      await stage.engine.evaluate(probe.clickElement, '[data-action="open-import"]');
      await waitFor(stage.engine, 'the import dialog', probe.exists, ['dialog textarea']);
      await stage.engine.evaluate(page.fillField, 'dialog textarea', PASTED_ARTICLE);
      await stage.engine.evaluate(probe.clickElement, '[data-action="import-submit"]');
      await waitFor(stage.engine, 'the import preview', probe.exists, ['[data-import-preview] [data-action="save-import"]'], 30_000);
    },
  },
  {
    name: 'phone-markers',
    width: 375,
    take: async (stage) => {
      await openReader(stage, 'markers', 'زار هذا الأسبوع');
    },
  },
  {
    name: 'phone-sheet',
    width: 375,
    take: async (stage) => {
      await openReader(stage, 'markers');
      if ((await stage.engine.evaluate(page.openFullestMarker)) < 2) throw new Error('no paragraph marker counts two notes');
      await waitFor(stage.engine, 'the notes sheet', probe.exists, ['[data-note-sheet]']);
    },
  },
  writing('phone-writing', 375, 'markers', 'sheet'),
  {
    name: 'phone-card',
    width: 375,
    take: async (stage) => {
      await openReader(stage, 'markers');
      await clickName(stage);
    },
  },
];

export interface TourOptions {
  readonly base: string;
  readonly out: string;
  /** Only the shots whose file name holds this. */
  readonly only?: string;
}

function crop(png: Buffer, width: number, height: number): Buffer {
  const source = PNG.sync.read(png);
  const target = new PNG({ width: Math.min(width, source.width), height: Math.min(height, source.height) });
  PNG.bitblt(source, target, 0, 0, target.width, target.height, 0, 0);
  return PNG.sync.write(target);
}

/** Takes every shot in `engine`, writing `<out>/<language>-<theme>-<shot>.png`; returns the files written and the shots that failed. */
export async function runTour(engine: Engine, options: TourOptions): Promise<{ written: string[]; failed: string[] }> {
  mkdirSync(options.out, { recursive: true });
  const written: string[] = [];
  const failed: string[] = [];
  for (const language of ['ar', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const shot of SHOTS) {
        const file = join(options.out, `${language}-${theme}-${shot.name}.png`);
        if (options.only && !file.includes(options.only)) continue;
        const framed = engine.name === 'webkit' && shot.width < WEBKIT_MIN_WIDTH;
        await engine.frame(null);
        await engine.setViewport(framed ? WEBKIT_MIN_WIDTH : shot.width, HEIGHT);
        await engine.goto(`${options.base}${BLANK_PAGE}`);
        await engine.evaluate(page.resetStorage, seed(language, theme));
        const stage: Stage = {
          engine,
          open: async (hash) => {
            if (!framed) return engine.goto(`${options.base}${hash}`);
            await engine.frame(null);
            await engine.goto(`${options.base}${framePage(shot.width, HEIGHT, `/${hash}`)}`);
            await engine.frame(0);
          },
        };
        try {
          await shot.take(stage);
          // The pointer away from everything it could hover, the last transitions ended (on a
          // narrow screen the minutes left show for 1.5 s after a scroll, then fade).
          await engine.moveMouse(framed ? WEBKIT_MIN_WIDTH - 2 : 0, HEIGHT - 2);
          await engine.evaluate(page.pause, 2000);
          const png = await engine.screenshot();
          writeFileSync(file, framed ? crop(png, shot.width, HEIGHT) : png);
          written.push(file);
          console.log(file);
        } catch (error) {
          // One failing shot says so and the tour goes on: the others are still worth looking at.
          console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
          // What the window showed when it failed, beside the shots.
          writeFileSync(file.replace(/\.png$/, '.failed.png'), await engine.screenshot());
          failed.push(file);
        }
      }
    }
  }
  return { written, failed };
}
