/**
 * The README's screenshots, taken from the real built app: the sample article with a few highlights
 * and notes, desktop (1280 × 800) and phone (375 × 800), light and dark, and the notes panel.
 *
 *   npx vite build && npx tsx scripts/screenshots.ts        # writes docs/screenshot-*.png
 *
 * SHOTS_DIST (default dist), SHOTS_PORT (default 4196), SHOTS_OUT (default docs).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from './bench/preview-server';
import { describe } from '../src/core/annotations/anchoring';
import { createAnnotation, type AnnotationColor } from '../src/core/annotations/annotation';
import { annotationsKey } from '../src/core/annotations/annotation-store';
import { articleText } from '../src/core/article/article';
import { parsePlainTextArticle } from '../src/core/article/parse-text';
import { storageKeys } from '../src/core/storage/keys';

const ROOT = resolve(import.meta.dirname, '..');
const dist = process.env.SHOTS_DIST ?? 'dist';
const port = Number(process.env.SHOTS_PORT ?? 4196);
const out = resolve(ROOT, process.env.SHOTS_OUT ?? 'docs');
const base = `http://127.0.0.1:${port}/`;
const SAMPLE = 'putin-raisi-call';

function sampleNotes(): string {
  const article = parsePlainTextArticle(readFileSync(join(ROOT, 'public/articles', `${SAMPLE}.txt`), 'utf8'), { id: SAMPLE });
  const text = articleText(article);
  const mark = (quote: string, color: AnnotationColor, note = '', tags: string[] = []) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`not in the sample: ${quote}`);
    return createAnnotation({ articleId: SAMPLE, selectors: describe(article, { start, end: start + quote.length }), color, note, tags });
  };
  const notes = [
    mark('سكرتير مجلس الأمن الروسي نيكولاي باتروشيف طهران', 'yellow', 'ثاني زيارة لباتروشيف هذا العام: تحقّق من التاريخ.', ['زيارات']),
    mark('أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا', 'green'),
    mark('"سلسلة من المسائل" المتصلة بالعلاقات الثنائية', 'blue', 'العبارة نفسها في بيان الكرملين؛ قارن بالنص الإيراني.', ['مصادر']),
    mark('تزويدها روسيا بمسيّرات', 'pink'),
  ];
  return JSON.stringify({ v: 1, data: Object.fromEntries(notes.map((n) => [n.id, n])) });
}

async function main(): Promise<void> {
  const stop = await startPreview(ROOT, dist, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const notes = sampleNotes();
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
        { keys: [storageKeys.settings, annotationsKey(SAMPLE)], values: [settings, notes] },
      );
      const page = await context.newPage();
      await page.goto(`${base}#/a/${SAMPLE}`);
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
      console.log(`docs/screenshot-${shot.name}.png`);
      await context.close();
    }
  } finally {
    await browser.close();
    await stop();
  }
}

await main();
