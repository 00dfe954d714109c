/**
 * Big note sets in the built app (issue 15's target: no main-thread task over 200 ms). Prints:
 *   - the notebook (#/notes) and an article's notes panel opened with NOTES stored notes (default
 *     9,000, about as many as localStorage holds): time to the first card and the longest main-thread task;
 *   - importing a file of IMPORT_NOTES notes (default 50,000) into the notes panel: time to the
 *     report, how many the store kept, and the longest tasks after the file was handed over;
 *   - how many realistic notes localStorage holds (this Chromium's quota / the size of one note).
 *
 *   npx vite build --outDir /tmp/dist-bench && BENCH_DIST=/tmp/dist-bench npx tsx scripts/bench-notes.ts
 *
 * BENCH_PORT (default 4199) serves BENCH_DIST (default dist). Figures only; nothing here fails.
 */
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './bench/preview-server';
import { annotationsKey } from '../src/core/annotations/annotation-store';
import { storageKeys } from '../src/core/storage/keys';
import { bigArticle, highlightsOn } from './bench/big-article';

const ROOT = resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_PORT ?? 4199);
const dist = process.env.BENCH_DIST ?? 'dist';
// 9,000 notes of this shape (about 500 characters each) fill most of Chromium's 5 M-character quota.
const stored = Number(process.env.NOTES ?? 9_000);
const imported = Number(process.env.IMPORT_NOTES ?? 50_000);
const base = `http://127.0.0.1:${port}/`;

// Every long task with its start, and the moment the notes file reached the page's input.
const probe = `
  window.__tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', () => (window.__changed ??= performance.now()), true);
`;

type Tasks = Array<[number, number]>;
const tasksOf = (page: Page) => page.evaluate(() => (window as unknown as { __tasks: Tasks }).__tasks);
const longest = (tasks: Tasks, from = 0) => Math.round(Math.max(0, ...tasks.filter(([start]) => start >= from).map(([, d]) => d)));
const top = (tasks: Tasks, from = 0) =>
  tasks
    .filter(([start]) => start >= from)
    .map(([, d]) => Math.round(d))
    .sort((a, b) => b - a)
    .slice(0, 5)
    .join(', ');

async function main(): Promise<void> {
  const article = bigArticle(ROOT, 20_000);
  const notes = highlightsOn(article, stored);
  const articles = JSON.stringify({ v: 1, data: { [article.id]: { article, importedAt: new Date().toISOString(), origin: 'import' } } });
  const notesValue = JSON.stringify({ v: 1, data: Object.fromEntries(notes.map((n) => [n.id, n])) });
  console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${notes.length} notes stored (${(notesValue.length / 1e6).toFixed(2)} M characters, ${Math.round(notesValue.length / notes.length)} per note)`);
  const stop = await startPreview(ROOT, dist, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const fresh = async (storage: Record<string, string>) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'ar' });
      await context.addInitScript({ content: `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); for (const [k, v] of Object.entries(${JSON.stringify(storage)})) try { localStorage.setItem(k, v); } catch (e) { console.error('seeding failed', k, e); } }` });
      await context.addInitScript({ content: probe });
      return { context, page: await context.newPage() };
    };

    // The notebook.
    {
      const { context, page } = await fresh({ [storageKeys.importedArticles]: articles, [annotationsKey(article.id)]: notesValue });
      await page.goto(`${base}#/notes`);
      await page.locator('[data-notebook] [data-note-id]').first().waitFor({ timeout: 120_000 });
      const first = await page.evaluate(() => performance.now());
      await page.waitForTimeout(1_000);
      const cards = await page.locator('[data-notebook] [data-note-id]').count();
      console.log(`notebook, ${stored} notes: first card at ${Math.round(first)} ms after navigation; ${cards} cards in the page; longest task ${longest(await tasksOf(page))} ms (top: ${top(await tasksOf(page))})`);
      await context.close();
    }

    // The notes panel.
    {
      const { context, page } = await fresh({ [storageKeys.importedArticles]: articles, [annotationsKey(article.id)]: notesValue });
      await page.goto(`${base}#/a/${article.id}`);
      await page.locator('article h1').waitFor({ timeout: 120_000 });
      await page.waitForTimeout(3_000);
      const clicked = await page.evaluate(() => performance.now());
      await page.locator('[data-action="toggle-notes"]').click();
      await page.locator('[data-notes-panel] [data-note-id]').first().waitFor({ timeout: 120_000 });
      const first = await page.evaluate(() => performance.now());
      await page.waitForTimeout(1_000);
      const tasks = await tasksOf(page);
      const cards = await page.locator('[data-notes-panel] [data-note-id]').count();
      console.log(
        `notes panel, ${stored} notes: first card ${Math.round(first - clicked)} ms after the click; ${cards} cards in the page; longest task opening the article ${longest(tasks.filter(([s]) => s < clicked))} ms, from the click on ${longest(tasks, clicked)} ms (top: ${top(tasks, clicked)})`,
      );
      await context.close();
    }

    // Importing a big notes file into an article's notes panel.
    {
      const { context, page } = await fresh({ [storageKeys.importedArticles]: articles });
      await page.goto(`${base}#/a/${article.id}`);
      await page.locator('article h1').waitFor({ timeout: 120_000 });
      const file = JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        items: highlightsOn(article, imported).map((n, i) => ({
          id: `urn:uuid:${n.id}`,
          type: 'Annotation',
          created: n.created,
          modified: n.modified,
          body: [{ type: 'TextualBody', value: n.note || `ملاحظة ${i}`, purpose: 'commenting' }],
          target: { source: 'x', selector: n.target.selectors },
          hashiya: { articleId: article.id, blockId: n.target.blockId, color: n.color },
        })),
      });
      await page.locator('[data-action="toggle-notes"]').click();
      await page.locator('[data-notes-panel] [data-action="import-notes"]').setInputFiles({ name: 'many.jsonld', mimeType: 'application/json', buffer: Buffer.from(file) }, { timeout: 300_000 });
      const report = page.locator('[data-notes-panel] [data-import-report] [data-import-stored]');
      await report.waitFor({ timeout: 300_000 });
      const changed = await page.evaluate(() => (window as unknown as { __changed: number }).__changed);
      const done = await page.evaluate(() => performance.now());
      await page.waitForTimeout(3_000);
      const tasks = await tasksOf(page);
      const steps = await page.evaluate(() => ['read', 'merged', 'saved'].map((step) => performance.getEntriesByName(`hashiya:notes-import:${step}`)[0]?.startTime ?? NaN));
      const [read = NaN, merged = NaN, saved = NaN] = steps;
      const within = (from: number, to: number) => longest(tasks.filter(([start]) => start >= from && start < to));
      console.log(
        `  steps (ms after the file reached the page / longest task in the step): read and checked in the worker ${Math.round(read - changed)} / ${within(changed, read)}; merged ${Math.round(merged - changed)} / ${within(read, merged)}; saved ${Math.round(saved - changed)} / ${within(merged, saved)}; report and redraw after it: ${within(saved, Infinity)}`,
      );
      console.log(
        `notes import, ${imported} notes (${(file.length / 1e6).toFixed(1)} MB): report ${Math.round(done - changed)} ms after the file reached the page; "${(await report.textContent())?.trim()}" (stored ${await report.getAttribute('data-import-stored')}); longest task from then on ${longest(tasks, changed)} ms (top: ${top(tasks, changed)})`,
      );
      await context.close();
    }

    // How many notes fit: this browser's localStorage quota in characters, over a note's size.
    {
      const { context, page } = await fresh({});
      await page.goto(`${base}#/`);
      const quota = await page.evaluate(() => {
        localStorage.clear();
        let lo = 0;
        let hi = 20_000_000;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          try {
            localStorage.setItem('q', 'x'.repeat(mid - 1));
            lo = mid;
          } catch {
            hi = mid - 1;
          }
        }
        localStorage.clear();
        return lo;
      });
      const perNote = notesValue.length / notes.length;
      console.log(`localStorage quota: ${quota.toLocaleString('en')} characters (key + value); at ${Math.round(perNote)} characters per note (32-character context, a note on one in three): about ${Math.floor(quota / perNote).toLocaleString('en')} notes with nothing else stored`);
      await context.close();
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
