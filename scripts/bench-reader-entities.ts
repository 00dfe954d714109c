/**
 * Reader + entities benchmark in Chromium: a 100,000-word article (the sample article's paragraphs
 * repeated, so the tagger finds a realistic density of names), opened in the built app; measures
 * the main thread while the text renders, while the marks arrive, while scrolling and while a type
 * is toggled off and on. Target: no task over 100 ms. Also the time to marks on the sample article.
 *
 *   npx vite build --outDir /tmp/dist-bench && BENCH_DIST=/tmp/dist-bench npx tsx scripts/bench-reader-entities.ts
 *
 * BENCH_PORT (default 4199) is used for a `vite preview` of BENCH_DIST (default dist); BENCH_URL
 * skips starting a server. CHROMIUM_PATH as for the browser tests.
 */
import { startPreview } from './bench/preview-server';
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { parsePlainTextArticle } from '../src/core/article/parse-text';

const WORDS = 100_000;
const port = Number(process.env.BENCH_PORT ?? 4199);
const dist = process.env.BENCH_DIST ?? 'dist';
const base = process.env.BENCH_URL ?? `http://127.0.0.1:${port}/`;

function bigArticleText(): { text: string; words: number } {
  const sample = readFileSync('public/articles/putin-raisi-call.txt', 'utf8');
  const paragraphs = sample
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length > 12 && !p.startsWith('المصادر'));
  const out: string[] = ['الخميس 19 Sep / September 2024', 'مقال طويل جدًا عن بوتين ورئيسي وطهران وموسكو'];
  let words = 0;
  let i = 0;
  // Up to three paragraphs per block keep the block count under the article limit (2,000).
  while (words < WORDS) {
    const block = [0, 1, 2].map((k) => paragraphs[(i + k) % paragraphs.length]).join(' ');
    i += 3;
    out.push(block);
    words += block.split(/\s+/).length;
  }
  out.push('المصادر:', 'العربي - أ ف ب');
  return { text: out.join('\n\n'), words };
}

/** BENCH_URL points at a server already running; otherwise a preview of the build is started. */
const startServer = async (): Promise<(() => Promise<void>) | null> => (process.env.BENCH_URL ? null : startPreview(process.cwd(), dist, port));

/** Long tasks (the Long Tasks API reports tasks of 50 ms and more) since `from`. */
async function longTasks(page: Page, from: number): Promise<{ count: number; max: number; over100: number }> {
  return page.evaluate((since) => {
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((t) => t.start >= since);
    return { count: tasks.length, max: Math.round(Math.max(0, ...tasks.map((t) => t.duration))), over100: tasks.filter((t) => t.duration > 100).length };
  }, from);
}

const now = (page: Page) => page.evaluate(() => performance.now());
// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
const frames = (page: Page, n = 2) =>
  page.evaluate(`new Promise((resolve) => { let left = ${n}; const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick)); requestAnimationFrame(tick); })`);

async function main(): Promise<void> {
  const { text, words } = bigArticleText();
  const article = parsePlainTextArticle(text, { id: 'bench-100k' });
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await context.newPage();

    // Time to marks on the sample article (worker start + model load + tagging + render).
    await page.goto(`${base}#/a/putin-raisi-call`);
    const sampleStart = await now(page);
    await page.locator('article h1').waitFor();
    const sampleText = (await now(page)) - sampleStart;
    await page.locator('article mark.entity').first().waitFor({ timeout: 60_000 });
    const sampleMarks = (await now(page)) - sampleStart;
    const sampleCount = await page.locator('article mark.entity').count();

    await page.evaluate((stored) => localStorage.setItem('hashiya:articles', JSON.stringify({ v: 1, data: { [stored.article.id]: stored } })), {
      article,
      importedAt: new Date().toISOString(),
      origin: 'import',
    });
    await page.goto(`${base}#/`);
    await page.reload();
    await page.locator('main').waitFor();
    const t0 = await now(page);
    await page.evaluate(() => {
      location.hash = '#/a/bench-100k';
    });
    await page.waitForFunction((n) => document.querySelectorAll('article [data-block-id]').length >= n, article.blocks.length, { timeout: 120_000, polling: 50 });
    const textRendered = (await now(page)) - t0;
    const openTasks = await longTasks(page, t0);
    const t1 = await now(page);
    await page.locator('article mark.entity').first().waitFor({ timeout: 120_000 });
    const marksArrived = (await now(page)) - t0;
    // Wait for the marks to settle (progressive delivery), then count them.
    let marks = 0;
    for (;;) {
      await page.waitForTimeout(500);
      const next = await page.locator('article mark.entity').count();
      if (next === marks) break;
      marks = next;
    }
    const marksDone = (await now(page)) - t0 - 500;
    const marksTasks = await longTasks(page, t1);

    // Scrolling: 30 jumps of three screens, a frame each.
    const t2 = await now(page);
    let worstFrame = 0;
    for (let i = 0; i < 30; i += 1) {
      const frame = await page.evaluate(() => new Promise<number>((resolve) => {
        const s = performance.now();
        window.scrollBy(0, window.innerHeight * 3);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - s)));
      }));
      worstFrame = Math.max(worstFrame, frame);
    }
    const scrollTasks = await longTasks(page, t2);

    // Toggling a type off and on (legend above the article).
    const toggles: number[] = [];
    const t3 = await now(page);
    for (const type of ['LOC', 'LOC', 'PERS', 'PERS']) {
      const ms = await page.evaluate((ty) => new Promise<number>((resolve) => {
        const s = performance.now();
        document.querySelector<HTMLButtonElement>(`.entity-legend-bar [data-type="${ty}"]`)!.click();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - s)));
      }), type);
      toggles.push(Math.round(ms));
      await frames(page, 3);
    }
    const toggleTasks = await longTasks(page, t3);
    // The same switch without React: only the attribute on <article> (what the CSS costs).
    const cssOnly: number[] = [];
    for (const value of ['LOC', '', 'PERS', '']) {
      cssOnly.push(Math.round(await page.evaluate((v) => new Promise<number>((resolve) => {
        const s = performance.now();
        document.querySelector('article')!.setAttribute('data-hide-types', v);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - s)));
      }), value)));
    }

    const r = (n: number) => Math.round(n);
    console.log(`Sample article: text ${r(sampleText)} ms, ${sampleCount} marks ${r(sampleMarks)} ms after navigation (cold worker + model)`);
    console.log(`Big article: ${words.toLocaleString('en')} words, ${article.blocks.length} blocks, ${marks.toLocaleString('en')} marks`);
    console.log(`  open: all blocks in the DOM after ${r(textRendered)} ms; long tasks ${openTasks.count}, longest ${openTasks.max} ms, over 100 ms: ${openTasks.over100}`);
    console.log(`  marks: first after ${r(marksArrived)} ms, all after ~${r(marksDone)} ms; long tasks ${marksTasks.count}, longest ${marksTasks.max} ms, over 100 ms: ${marksTasks.over100}`);
    console.log(`  scroll (30 × 3 screens): worst frame ${r(worstFrame)} ms; long tasks ${scrollTasks.count}, longest ${scrollTasks.max} ms, over 100 ms: ${scrollTasks.over100}`);
    console.log(`  toggle a type (click → 2nd frame): ${toggles.join(', ')} ms; long tasks ${toggleTasks.count}, longest ${toggleTasks.max} ms, over 100 ms: ${toggleTasks.over100}`);
    console.log(`  the same switch as a bare attribute change (CSS only): ${cssOnly.join(', ')} ms`);
  } finally {
    await browser.close();
    await server?.();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
