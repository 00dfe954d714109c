/**
 * Screenshots of the real built app, in two modes.
 *
 * The README's shots (Chromium): the sample article with a few highlights and notes, desktop
 * (1280 × 800) and phone (375 × 800), light and dark, and the notes panel.
 *
 *   npx vite build && npx tsx scripts/screenshots.ts                    # writes docs/screenshot-*.png
 *
 * The tour (scripts/tour/tour.ts), for looking at every screen that paints notes, names and
 * highlights before calling a change to them done: in Chromium or in WebKit (WebKitWebDriver and
 * MiniBrowser under xvfb-run, as the browser tests use), Arabic and English, light and dark, at
 * 1280, 1024 and 375 px: the margin notes with one expanded, a note written in the margin, in a
 * popover and in a phone's sheet, the phone's paragraph markers and notes sheet, the names panel and
 * a name's card, the library and an import preview. The PNGs go outside the repository.
 *
 *   npx vite build && npx tsx scripts/screenshots.ts --tour --engine webkit   # /tmp/tour/webkit/*.png
 *   npx tsx scripts/screenshots.ts --tour --engine chromium --only phone      # only the phone shots
 *
 * SHOTS_DIST (default dist), SHOTS_PORT (default: a free port), SHOTS_OUT (default docs, or
 * /tmp/tour/<engine> for the tour; --out DIR too).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { freePort } from './bench/preview-server';
import { startTourServer } from './tour/server';
import { runTour } from './tour/tour';
import { chromiumEngine, webkitEngine, type Engine } from '../tests/e2e/engines/engine';
import { annotationsKey } from '../src/core/annotations/annotation-store';
import { storageKeys } from '../src/core/storage/keys';
import { SAMPLE_ID } from '../tests/e2e/fixtures';
import { sampleNote } from '../tests/e2e/seed-notes';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] };

function readmeNotes(): string {
  const notes = [
    sampleNote('سكرتير مجلس الأمن الروسي نيكولاي باتروشيف طهران', { color: 'yellow', note: 'ثاني زيارة لباتروشيف هذا العام: تحقّق من التاريخ.', tags: ['زيارات'] }),
    sampleNote('أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا', { color: 'green' }),
    sampleNote('"سلسلة من المسائل" المتصلة بالعلاقات الثنائية', { color: 'blue', note: 'العبارة نفسها في بيان الكرملين؛ قارن بالنص الإيراني.', tags: ['مصادر'] }),
    sampleNote('تزويدها روسيا بمسيّرات', { color: 'pink' }),
  ];
  return JSON.stringify({ v: 1, data: Object.fromEntries(notes.map((n) => [n.id, n])) });
}

async function readmeShots(base: string, out: string): Promise<void> {
  const browser = await chromium.launch(CHROMIUM);
  try {
    const notes = readmeNotes();
    const shots: Array<{ name: string; width: number; theme: 'light' | 'dark'; language: 'ar' | 'en'; panel?: 'notes' }> = [
      { name: 'desktop-light', width: 1280, theme: 'light', language: 'ar' },
      { name: 'desktop-dark', width: 1280, theme: 'dark', language: 'en' },
      { name: 'phone-light', width: 375, theme: 'light', language: 'ar' },
      { name: 'phone-dark', width: 375, theme: 'dark', language: 'ar' },
      { name: 'notes-panel', width: 1280, theme: 'light', language: 'en', panel: 'notes' },
    ];
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: { width: shot.width, height: 800 }, locale: shot.language, serviceWorkers: 'block' });
      const settings = JSON.stringify({ v: 1, data: { theme: shot.theme, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: shot.language } });
      await context.addInitScript(
        ({ keys, values }) => keys.forEach((key, i) => localStorage.setItem(key, values[i] as string)),
        { keys: [storageKeys.settings, annotationsKey(SAMPLE_ID)], values: [settings, notes] },
      );
      const page = await context.newPage();
      await page.goto(`${base}#/a/${SAMPLE_ID}`);
      await page.locator('article mark.entity').first().waitFor({ timeout: 30_000 });
      await page.locator('article mark.highlight').first().waitFor();
      await page.evaluate(() => document.fonts.ready);
      if (shot.panel) {
        await page.locator('[data-action="toggle-notes"]').click();
        await page.locator('[data-notes-panel]').waitFor();
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `screenshot-${shot.name}.png`) });
      console.log(join(out, `screenshot-${shot.name}.png`));
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

async function tour(base: string, engineName: 'chromium' | 'webkit', out: string, only: string | undefined): Promise<boolean> {
  let engine: Engine;
  let closeBrowser = async () => {};
  if (engineName === 'webkit') engine = await webkitEngine();
  else {
    const browser = await chromium.launch(CHROMIUM);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    engine = chromiumEngine(await context.newPage());
    closeBrowser = () => browser.close();
  }
  try {
    const { written, failed } = await runTour(engine, { base, out, only });
    console.log(`${written.length} screenshots in ${out}${failed.length ? `; ${failed.length} failed` : ''}`);
    return failed.length === 0;
  } finally {
    await engine.close();
    await closeBrowser();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tour: { type: 'boolean' }, engine: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' } },
  });
  const engineName = values.engine ?? 'chromium';
  if (engineName !== 'chromium' && engineName !== 'webkit') throw new Error(`--engine chromium|webkit, not ${engineName}`);
  const out = resolve(ROOT, values.out ?? process.env.SHOTS_OUT ?? (values.tour ? `/tmp/tour/${engineName}` : 'docs'));
  const port = Number(process.env.SHOTS_PORT ?? (await freePort()));
  const stop = await startTourServer(ROOT, process.env.SHOTS_DIST ?? 'dist', port);
  let ok = true;
  try {
    const base = `http://127.0.0.1:${port}/`;
    if (values.tour) ok = await tour(base, engineName, out, values.only);
    else await readmeShots(base, out);
  } finally {
    await stop();
  }
  if (!ok) process.exitCode = 1;
}

await main();
