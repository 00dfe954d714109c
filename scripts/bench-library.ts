/**
 * Library at scale, in Chromium: a generated library of 1,000 imported articles (1,000,000 words,
 * built from the bundled articles' own words, dated over two years) and 10,000 notes, written in
 * the app's own storage formats (IndexedDB records through the same envelopes, notes in
 * localStorage), then measured in the built app:
 *   - library open: from navigation to the first card of the imported list painted (budget 500 ms);
 *   - search: from typing a query to its results painted, median over queries (budget 100 ms), and
 *     the longest main-thread task while searching (budget 50 ms); the index build in the worker;
 *   - article open: from navigation to the article's text painted (budget 500 ms);
 *   - the browser's storage estimate and the localStorage the app uses.
 *
 *   npx vite build --outDir /tmp/dist-bench && BENCH_DIST=/tmp/dist-bench npx tsx scripts/bench-library.ts
 *
 * BENCH_PORT (default 4207), BENCH_RUNS (default 5), CHROMIUM_PATH as for the browser tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './bench/preview-server';
import { describe } from '../src/core/annotations/anchoring';
import { createAnnotation, type Annotation } from '../src/core/annotations/annotation';
import { annotationsKey } from '../src/core/annotations/annotation-store';
import type { Article } from '../src/core/article/article';
import { articleText, blockSpans } from '../src/core/article/article';
import { assignBlockIds } from '../src/core/article/block-id';
import { articleRecordSpec, summarize, summaryRecordSpec, type StoredArticle } from '../src/core/article/article-store';
import { seededRandom } from 'arabic-ner';
import { IDB_STORES, LIBRARY_DB_NAME } from '../src/core/storage/idb-store';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLES = 1_000;
const WORDS_PER_ARTICLE = 1_000;
const NOTES_PER_ARTICLE = 10;
const port = Number(process.env.BENCH_PORT ?? 4207);
const dist = process.env.BENCH_DIST ?? 'dist';
const base = `http://127.0.0.1:${port}/`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const QUERIES = ['بوتين', 'طهران', 'الرئيس الروسي', 'فسيفساء', 'مراكز البيانات', 'وزير', 'الاتصال الهاتفي', 'جرش', 'موسكو', 'الخليج', 'الطاقة', 'إبراهيم رئيسي'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER BUDGET');

function generateLibrary(): { items: StoredArticle[]; notes: Annotation[]; words: number } {
  const random = seededRandom(13);
  const dir = join(ROOT, 'public/articles');
  const corpus = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\s+/))
    .filter((w) => w.length > 0);
  const items: StoredArticle[] = [];
  const notes: Annotation[] = [];
  let words = 0;
  const start = Date.UTC(2023, 0, 1);
  for (let n = 0; n < ARTICLES; n += 1) {
    const paragraphs: string[] = [];
    for (let written = 0; written < WORDS_PER_ARTICLE; written += 80) {
      const at = Math.floor(random() * (corpus.length - 80));
      paragraphs.push(`${corpus.slice(at, at + 80).join(' ')} (${n}.${paragraphs.length})`);
    }
    const title = `${corpus.slice(Math.floor(random() * (corpus.length - 8))).slice(0, 8).join(' ')} ${n + 1}`;
    const blocks = assignBlockIds([{ kind: 'title', text: title }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))]);
    const date = new Date(start + Math.floor(random() * 730) * 86_400_000).toISOString().slice(0, 10);
    const article: Article = { id: `bench-${n}`, title, lang: 'ar', dir: 'rtl', dateline: { raw: date, date }, blocks };
    words += blocks.reduce((sum, b) => sum + b.text.split(/\s+/).length, 0);
    items.push({ article, importedAt: new Date(start + n * 3_600_000).toISOString(), origin: 'import', tags: n % 7 === 0 ? ['اقتصاد'] : [], archived: false });
    const spans = blockSpans(article).slice(1);
    const text = articleText(article);
    for (let k = 0; k < NOTES_PER_ARTICLE; k += 1) {
      const span = spans[k % spans.length]!;
      const from = span.start + Math.floor(random() * Math.max(1, span.end - span.start - 40));
      notes.push(
        createAnnotation({
          articleId: article.id,
          selectors: describe(article, { start: from, end: Math.min(span.end, from + 24) }),
          color: 'yellow',
          note: k % 3 === 0 ? `ملاحظة على «${text.slice(from, from + 12)}»` : '',
        }),
      );
    }
  }
  return { items, notes, words };
}

/** Writes the library into the page's IndexedDB (records as the app writes them) and the notes into localStorage. */
async function seed(page: Page, items: StoredArticle[], notes: Annotation[]): Promise<{ notesWritten: number; notesFailed: number }> {
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100).map((item) => ({
      id: item.article.id,
      article: { v: articleRecordSpec.version, data: item },
      summary: { v: summaryRecordSpec.version, data: summarize(item) },
    }));
    await page.evaluate(
      ({ chunk, name, stores }) =>
        new Promise<void>((done, fail) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => stores.forEach((s) => request.result.createObjectStore(s));
          request.onerror = () => fail(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['articles', 'summaries'], 'readwrite');
            for (const r of chunk) {
              tx.objectStore('articles').put(r.article, r.id);
              tx.objectStore('summaries').put(r.summary, r.id);
            }
            tx.oncomplete = () => (db.close(), done());
            tx.onerror = () => fail(tx.error);
          };
        }),
      { chunk, name: LIBRARY_DB_NAME, stores: [...IDB_STORES] },
    );
  }
  const byArticle = new Map<string, Record<string, Annotation>>();
  for (const note of notes) byArticle.set(note.articleId, { ...(byArticle.get(note.articleId) ?? {}), [note.id]: note });
  const entries = [...byArticle].map(([id, data]) => [annotationsKey(id), JSON.stringify({ v: 1, data })] as const);
  return page.evaluate((entries) => {
    let written = 0;
    let failed = 0;
    for (const [key, value] of entries) {
      try {
        localStorage.setItem(key, value);
        written += Object.keys(JSON.parse(value).data).length;
      } catch {
        failed += Object.keys(JSON.parse(value).data).length;
      }
    }
    return { notesWritten: written, notesFailed: failed };
  }, entries);
}

/** Long tasks and paint probes, installed before the app's scripts. */
const PROBE = `
  window.__bench = { longest: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (window.__bench.card === undefined && document.querySelector('[data-library="imported"] [data-library-article]')) requestAnimationFrame(() => (window.__bench.card ??= performance.now()));
    if (window.__bench.anyCard === undefined && document.querySelector('[data-library-article]')) requestAnimationFrame(() => (window.__bench.anyCard ??= performance.now()));
    if (window.__bench.text === undefined && document.querySelector('article [data-block-id]')) requestAnimationFrame(() => (window.__bench.text ??= performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
`;

type Probe = { longest: number; card?: number; anyCard?: number; text?: number };

/** Loads `url` afresh and returns when (ms from navigation) the probe saw `field` painted. */
async function loadAndTime(page: Page, url: string, field: 'card' | 'anyCard' | 'text'): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction((f) => (window as unknown as { __bench: Probe }).__bench[f] !== undefined, field, { timeout: 60_000 });
  return page.evaluate((f) => (window as unknown as { __bench: Probe }).__bench[f]!, field);
}

async function main() {
  console.log(`Generating ${ARTICLES.toLocaleString('en')} articles and ${(ARTICLES * NOTES_PER_ARTICLE).toLocaleString('en')} notes…`);
  const { items, notes, words } = generateLibrary();
  const stopServer = await startPreview(ROOT, dist, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'ar' });
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    // The same page with an empty library, for comparison: what the app itself costs on this machine.
    const empty: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      empty.push(await loadAndTime(page, `${base}#/`, 'anyCard'));
    }
    await page.goto(`${base}#/seeding`);
    const seeded = await seed(page, items, notes);
    console.log(`library: ${items.length.toLocaleString('en')} articles, ${words.toLocaleString('en')} words, ${seeded.notesWritten.toLocaleString('en')} notes stored${seeded.notesFailed ? `, ${seeded.notesFailed.toLocaleString('en')} notes REFUSED by localStorage` : ''}`);

    const opens: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      opens.push(await loadAndTime(page, `${base}#/`, 'card'));
    }
    console.log(`library open, first card painted: ${ms(median(opens))} (median of ${RUNS}; budget 500 ms: ${verdict(median(opens), 500)}); an empty library on this machine: ${ms(median(empty))}`);

    // The first query waits for the worker to index the whole library.
    const search = page.locator('[data-library-search]');
    const started = Date.now();
    await search.fill('بوتين');
    await page.locator('[data-search-result]').first().waitFor({ timeout: 120_000 });
    console.log(`first search, index built in the worker from IndexedDB: ${ms(Date.now() - started)}`);

    await page.evaluate(() => ((window as unknown as { __bench: Probe }).__bench.longest = 0));
    const times: number[] = [];
    for (const query of QUERIES) {
      await search.fill('');
      await page.waitForTimeout(100);
      const elapsed = await page.evaluate(
        (q) =>
          new Promise<number>((done) => {
            const input = document.querySelector<HTMLInputElement>('[data-library-search]')!;
            const t0 = performance.now();
            const seen = new Set(document.querySelectorAll('[data-search-result], [data-search-empty]'));
            const observer = new MutationObserver(() => {
              const now = [...document.querySelectorAll('[data-search-result], [data-search-empty]')];
              if (now.length > 0 && now.some((el) => !seen.has(el))) {
                observer.disconnect();
                requestAnimationFrame(() => done(performance.now() - t0));
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            // As typing does: React's onChange listens for 'input'.
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
            setter.call(input, q);
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
        query,
      );
      times.push(elapsed);
    }
    const worker = await page.evaluate(() => performance.getEntriesByName('hashiya:search-worker').map((e) => e.duration));
    const longest = await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench.longest);
    console.log(`search, typing to results painted: median ${ms(median(times))}, slowest ${ms(Math.max(...times))} over ${QUERIES.length} queries (budget 100 ms median: ${verdict(median(times), 100)})`);
    console.log(`search in the worker alone: median ${median(worker).toFixed(1)} ms`);
    console.log(`longest main-thread task while searching: ${ms(longest)} (budget 50 ms: ${verdict(longest, 50)})`);

    const articleOpens: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      articleOpens.push(await loadAndTime(page, `${base}#/a/bench-${(i * 197) % ARTICLES}`, 'text'));
    }
    console.log(`article open (1,000 words, 10 notes), text painted: ${ms(median(articleOpens))} (median of ${RUNS}; budget 500 ms: ${verdict(median(articleOpens), 500)})`);

    const usage = await page.evaluate(async () => {
      const estimate = await navigator.storage.estimate();
      let chars = 0;
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i)!;
        chars += key.length + (localStorage.getItem(key)?.length ?? 0);
      }
      return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, chars };
    });
    console.log(`storage estimate: ${mb(usage.usage)} used of ${mb(usage.quota)} quota`);
    console.log(`localStorage: ${(usage.chars / 1e6).toFixed(2)} million characters (${mb(usage.chars * 2)} as UTF-16; Chromium allows about 5 million characters per origin)`);
    await context.close();
  } finally {
    await browser.close();
    await stopServer();
  }
}

await main();
