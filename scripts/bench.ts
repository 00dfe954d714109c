/**
 * npm run bench — builds the app, serves the production build locally and drives Chromium to
 * report (medians over several runs) what a reader feels: bytes the first page needs, time to the
 * sample article's text and to its entity marks, and the same on a generated 100,000-word article
 * with 1,000 highlights (plus the longest main-thread task and a full scroll). It then runs the
 * tagger's and the anchoring benchmarks. Figures are printed with the budgets; nothing here is a
 * pass/fail test.
 */
import { chromium, type Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { annotationsKey } from '../src/core/annotations/annotation-store';
import { storageKeys } from '../src/core/storage/keys';
import { bigArticle, highlightsOn } from './bench/big-article';
import { firstPageAssets, sizes as sizesIn } from './bench/first-page-assets';
import { freePort, startPreview } from './bench/preview-server';

const ROOT = resolve(import.meta.dirname, '..');
// BENCH_DIST: measure an existing build (another commit's, for an A/B) instead of building this one.
const OUT = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, 'dist-bench');
// BENCH_ONLY=reader: only the sample and the generated article (the sections an A/B of the reader needs).
const ONLY_READER = process.env.BENCH_ONLY === 'reader';
// BENCH_PORT, else a free port: two checkouts benchmarking at once must not measure each other's build.
const PORT = Number(process.env.BENCH_PORT ?? 0) || (await freePort());
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
/** Timings depend on what else runs on the machine: every section says how loaded it was. */
const load = () => `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;
const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER BUDGET');
const sizes = (files: string[]) => sizesIn(OUT, files);

/**
 * Records, inside the page, when article text and entity marks first appear, and long tasks.
 * A string, not a function: tsx's helpers would not exist inside the page.
 */
const PROBE = `
  window.__bench = { longest: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    // Painted: the frame after the element is in the DOM.
    if (window.__bench.text === undefined && document.querySelector('article [data-block-id]')) requestAnimationFrame(() => (window.__bench.text ??= performance.now()));
    if (window.__bench.marks === undefined && document.querySelector('article [data-entity-type]')) requestAnimationFrame(() => (window.__bench.marks ??= performance.now()));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
`;

interface Visit {
  text: number;
  marks: number;
  longest: number;
  /** With `scroll`: the longest task while scrolling (`longest` is then from navigation until every mark and highlight is in). */
  longestScrolling?: number;
  /** In the worker, from the request to the answer (model load included). */
  tagging: number;
  scroll?: number;
  bytes: { js: number; css: number; font: number; model: number; other: number };
}

async function visit(browser: Browser, hash: string, seedStorage?: Record<string, string>, scroll = false, countBytes = false): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', locale: 'ar' });
  if (seedStorage) {
    const entries = JSON.stringify(seedStorage);
    await context.addInitScript({ content: `for (const [k, v] of Object.entries(${entries})) localStorage.setItem(k, v);` });
  }
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  const bytes = { js: 0, css: 0, font: 0, model: 0, other: 0 };
  // Reading every body back over the DevTools protocol slows the page it measures (about 40-100 ms
  // on the sample's text), so bytes are counted on a visit of their own, never a timed one.
  if (countBytes) page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const url = response.url();
    const kind = url.endsWith('.js') ? 'js' : url.endsWith('.css') ? 'css' : /\.woff2?$/.test(url) ? 'font' : url.endsWith('.bin') ? 'model' : 'other';
    bytes[kind] += body.length;
  });
  await page.goto(`http://127.0.0.1:${PORT}/${hash}`);
  await page.waitForFunction(() => (window as unknown as { __bench: { marks?: number } }).__bench.marks !== undefined, null, { timeout: 60_000 });
  await page.waitForTimeout(300);
  let scrollTime: number | undefined;
  let longestScrolling: number | undefined;
  if (scroll) {
    // Tagging and anchoring go on after the first marks: the load's longest task is taken once the
    // marks stop arriving and every highlight is anchored, the scroll's separately after it.
    let count = -1;
    for (let i = 0; i < 120; i++) {
      const now = await page.evaluate(() => (performance.getEntriesByName('hashiya:highlights-anchored').length ? document.querySelectorAll('article mark.entity').length : -1));
      if (now >= 0 && now === count) break;
      count = now;
      await page.waitForTimeout(500);
    }
    const loading = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { longest: number } }).__bench;
      const longest = bench.longest;
      bench.longest = 0;
      return longest;
    });
    scrollTime = await page.evaluate(async () => {
      const start = performance.now();
      const step = window.innerHeight * 2;
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
        window.scrollBy(0, step);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      return performance.now() - start;
    });
    await page.waitForTimeout(200);
    longestScrolling = await page.evaluate(() => (window as unknown as { __bench: { longest: number } }).__bench.longest);
    await page.evaluate((longest) => ((window as unknown as { __bench: { longest: number } }).__bench.longest = longest), loading);
  }
  const result = await page.evaluate(() => (window as unknown as { __bench: { text: number; marks: number; longest: number } }).__bench);
  const tagging = await page.evaluate(() => performance.getEntriesByName('hashiya:tag-worker')[0]?.duration ?? NaN);
  await context.close();
  return {
    text: result.text,
    marks: result.marks,
    longest: result.longest,
    tagging,
    ...(scrollTime !== undefined ? { scroll: scrollTime } : {}),
    ...(longestScrolling !== undefined ? { longestScrolling } : {}),
    bytes,
  };
}

/** The build just ran on every core: wait (up to 90 s) for the load to fall before timing anything. */
async function settle(): Promise<void> {
  for (let waited = 0; waited < 90 && loadavg()[0]! > 1.5; waited += 5) await new Promise((r) => setTimeout(r, 5_000));
}

async function main() {
  if (!process.env.BENCH_DIST) {
    console.log('Building…');
    execSync(`npx vite build --outDir ${OUT} --emptyOutDir`, { cwd: ROOT, stdio: 'ignore' });
  }

  const { js, css } = firstPageAssets(OUT);
  const jsSize = sizes(js);
  const cssSize = sizes(css);
  const assets = readdirSync(join(OUT, 'assets'));
  const model = sizes(assets.filter((f) => f.endsWith('.bin')).map((f) => `assets/${f}`));
  const fonts = sizes(assets.filter((f) => f.endsWith('.woff2') && f.includes('-arabic-')).map((f) => `assets/${f}`));
  console.log('\n== Bytes');
  console.log(`first page JavaScript: ${kb(jsSize.raw)} raw, ${kb(jsSize.gzip)} gzip (budget 150 KB gzip: ${verdict(jsSize.gzip, 150 * 1024)})`);
  console.log(`first page CSS: ${kb(cssSize.raw)} raw, ${kb(cssSize.gzip)} gzip`);
  console.log(`tagger model: ${kb(model.raw)} raw, ${kb(model.gzip)} gzip; Arabic fonts (woff2): ${kb(fonts.raw)}`);
  const lazy = assets.filter((f) => f.endsWith('.js') && !js.includes(`assets/${f}`));
  const lazySize = sizes(lazy.map((f) => `assets/${f}`));
  console.log(`total with lazy JS, model and fonts: ${kb(jsSize.raw + cssSize.raw + lazySize.raw + model.raw + fonts.raw)} raw, ${kb(jsSize.gzip + cssSize.gzip + lazySize.gzip + model.gzip + fonts.raw)} gzip`);

  await settle();
  const stop = await startPreview(ROOT, OUT, PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const sample: Visit[] = [];
    for (let i = 0; i < RUNS; i += 1) sample.push(await visit(browser, '#/a/putin-raisi-call'));
    console.log(`\n== Sample article (median of ${RUNS}, cold cache each run; ${load()})`);
    console.log(`text painted: ${ms(median(sample.map((v) => v.text)))} (budget 500 ms: ${verdict(median(sample.map((v) => v.text)), 500)})`);
    console.log(`entities marked: ${ms(median(sample.map((v) => v.marks)))} (budget 1000 ms: ${verdict(median(sample.map((v) => v.marks)), 1000)})`);
    console.log(`longest main-thread task: ${ms(median(sample.map((v) => v.longest)))}`);
    const tagging = median(sample.map((v) => v.tagging));
    console.log(`tagging in the worker, from its first message to its answer (model load included): ${ms(tagging)} (budget 300 ms: ${verdict(tagging, 300)})`);
    const b = (await visit(browser, '#/a/putin-raisi-call', undefined, false, true)).bytes;
    console.log(`transferred: JS ${kb(b.js)}, CSS ${kb(b.css)}, fonts ${kb(b.font)}, model ${kb(b.model)}, other ${kb(b.other)}`);

    const article = bigArticle(ROOT);
    const highlights = highlightsOn(article, 1_000);
    const storage = {
      [storageKeys.importedArticles]: JSON.stringify({ v: 1, data: { [article.id]: { article, importedAt: new Date().toISOString(), origin: 'import' } } }),
      [annotationsKey(article.id)]: JSON.stringify({ v: 1, data: Object.fromEntries(highlights.map((h) => [h.id, h])) }),
    };
    const big: Visit[] = [];
    const bigRuns = Math.max(1, Math.min(RUNS, 3));
    for (let i = 0; i < bigRuns; i += 1) big.push(await visit(browser, `#/a/${article.id}`, storage, true));
    const words = article.blocks.reduce((n, block) => n + block.text.split(/\s+/).length, 0);
    console.log(`\n== Generated article: ${words.toLocaleString('en')} words, ${article.blocks.length} blocks, ${highlights.length} highlights (median of ${bigRuns}; ${load()})`);
    console.log(`text painted: ${ms(median(big.map((v) => v.text)))}`);
    console.log(`entities marked: ${ms(median(big.map((v) => v.marks)))}`);
    const longest = median(big.map((v) => v.longest));
    console.log(`longest main-thread task while the text renders, tagging and anchoring (until every mark and highlight is in): ${ms(longest)} (budget 100 ms: ${verdict(longest, 100)})`);
    console.log(`scroll from top to bottom: ${ms(median(big.map((v) => v.scroll ?? NaN)))}; longest task while scrolling: ${ms(median(big.map((v) => v.longestScrolling ?? NaN)))}`);
  } finally {
    await browser.close();
    await stop();
  }
  if (ONLY_READER) return;
  // Each browser benchmark below serves the build on a port of its own.
  const served = async () => ({ ...process.env, BENCH_DIST: OUT, BENCH_PORT: String(await freePort()) });

  console.log(`\n== Highlights on screen first (100,000 words, 1,000 highlights; ${load()})`);
  console.log(execSync('npx tsx scripts/bench-highlights.ts', { cwd: ROOT, encoding: 'utf8', env: await served() }).trim());
  console.log(`\n== Entities on a 100,000-word article (open, marks arriving, scroll, toggling a type; ${load()})`);
  console.log(execSync('npx tsx scripts/bench-reader-entities.ts', { cwd: ROOT, encoding: 'utf8', env: await served() }).trim());
  console.log('\n== Tagger (Node, one core)');
  console.log(execSync('npm run -s bench:ner', { cwd: ROOT, encoding: 'utf8' }).trim());
  console.log('\n== Library at scale: 1,000 articles, 1,000,000 words, 10,000 notes (Chromium)');
  console.log(execSync('npx tsx scripts/bench-library.ts', { cwd: ROOT, encoding: 'utf8', env: await served() }).trim());
  console.log('\n== Re-anchoring (Node)');
  console.log(execSync('npx tsx scripts/bench-anchoring.ts', { cwd: ROOT, encoding: 'utf8' }).trim());
}

await main();
