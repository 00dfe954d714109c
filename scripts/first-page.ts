/**
 * npm run size — the first page's figure: every script and stylesheet dist/index.html loads itself
 * (before any lazy chunk), each gzipped at level 9, summed (budget 110 KB, KB = 1024 bytes).
 *
 *   npm run size                         # builds, then prints the figure
 *   npx tsx scripts/first-page.ts [dist] [--visit]
 *
 * With --visit it also opens the bundled sample in Chromium (median of SIZE_RUNS, default 5, cold
 * cache each) and prints when its text is painted and every script and stylesheet fetched until
 * then (the entry and the chunks the first screen asks for at once), so a figure that only moved
 * bytes out of index.html would show here. Timings depend on the machine's load, printed with them.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { firstPageAssets, sizes } from './bench/first-page-assets';
import { freePort, startPreview } from './bench/preview-server';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const dist = resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? 'dist');
const BUDGET = 110 * 1024;
const RUNS = Number(process.env.SIZE_RUNS ?? 5);
const SAMPLE = '#/a/putin-raisi-call';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { js, css } = firstPageAssets(dist);
console.log('First page (files dist/index.html loads, gzip -9 each):');
for (const file of [...js, ...css]) console.log(`  ${file}: ${kb(sizes(dist, [file]).gzip)}`);
const total = sizes(dist, [...js, ...css]).gzip;
console.log(`first page: ${kb(total)} (${total} bytes; budget ${kb(BUDGET)}: ${total <= BUDGET ? 'within budget' : 'OVER BUDGET'})`);

if (args.includes('--visit')) await visitSample();

/** The sample opened in Chromium: time to its painted text, and the scripts and styles fetched until then. */
async function visitSample(): Promise<void> {
  const port = await freePort();
  const stop = await startPreview(ROOT, dist, port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const painted: number[] = [];
  let fetched: string[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', locale: 'ar' });
      // Painted: the frame after the first block of the article is in the document.
      await context.addInitScript({
        content: `new MutationObserver((_, observer) => {
          if (document.querySelector('article [data-block-id]')) { observer.disconnect(); requestAnimationFrame(() => (window.__painted ??= performance.now())); }
        }).observe(document, { childList: true, subtree: true });`,
      });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/${SAMPLE}`);
      await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, null, { timeout: 30_000 });
      const result = await page.evaluate(() => {
        const at = (window as unknown as { __painted: number }).__painted;
        const files = performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime < at && /\.(js|css)$/.test(new URL(entry.name).pathname))
          .map((entry) => new URL(entry.name).pathname.replace(/^\//, ''));
        return { at, files };
      });
      painted.push(result.at);
      fetched = result.files;
      await context.close();
    }
  } finally {
    await browser.close();
    await stop();
  }
  const sorted = [...painted].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`\nThe sample (${SAMPLE}), median of ${RUNS} cold visits; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
  console.log(`text painted: ${median.toFixed(0)} ms`);
  let all = 0;
  for (const file of [...new Set(fetched)].sort()) {
    const gzip = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    all += gzip;
    console.log(`  ${file}: ${kb(gzip)}`);
  }
  console.log(`scripts and styles fetched before the text is painted: ${kb(all)}`);
}
