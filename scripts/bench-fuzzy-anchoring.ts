/**
 * Worst-case fuzzy anchoring (issue 15): a shared passage or a note that almost matches a
 * 1.9-million-character article of one repeated letter, where every position is a near match.
 * Before the work bound (FUZZY_LIMITS.work) the matcher ran 37–87 s in Node on these inputs.
 * Also a natural-looking 1.9 M-character article, where the whole-text search must still succeed.
 * Prints the median of 5 runs per case.   npx tsx scripts/bench-fuzzy-anchoring.ts
 */
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/core/article/article';
import { articleText } from '../src/core/article/article';
import { anchor, isOrphan } from '../src/core/annotations/anchoring';
import { locatePassage } from '../src/core/links/passage-anchor';
import { seededRandom } from 'arabic-ner';

const RUNS = 5;

function articleOf(paragraphs: readonly string[]): Article {
  const blocks = [{ id: 'p-title', kind: 'title' as const, text: 'عنوان' }, ...paragraphs.map((text, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text }))];
  return { id: 'bench', title: 'عنوان', lang: 'ar', dir: 'rtl', blocks };
}

function nearlyOneLetter(length: number, every: number, other: string): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += i % every === every - 1 ? other : 'ا';
  return text;
}

function median(run: () => unknown): { ms: number; result: unknown } {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    result = run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)] ?? NaN, result };
}

const oneLetter = articleOf(Array.from({ length: 95 }, () => 'ا'.repeat(20_000)));
const context = nearlyOneLetter(32, 3, 'ك');
let worst = 0;
for (const length of [60, 200, 500]) {
  const passage = { blockId: 'p-gone', quote: nearlyOneLetter(length, 6, 'ق'), prefix: context, suffix: context };
  const { ms, result } = median(() => locatePassage(oneLetter, passage));
  worst = Math.max(worst, ms);
  console.log(`one-letter article, ${length}-character passage: ${ms.toFixed(0)} ms → ${(result as { status: string }).status}`);
}

// Natural-looking text: random words; a 300-character passage with a few letters changed, its block gone.
const random = seededRandom(7);
const letters = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'];
const word = () => Array.from({ length: 2 + Math.floor(random() * 7) }, () => letters[Math.floor(random() * letters.length)]).join('');
const paragraphs: string[] = [];
for (let total = 0; total < 1_900_000; ) {
  let p = '';
  while (p.length < 19_000) p += `${word()} `;
  paragraphs.push(p.trim());
  total += p.length;
}
const natural = articleOf(paragraphs);
const text = articleText(natural);
const at = Math.floor(text.length * 0.7);
const original = text.slice(at, at + 300);
const edited = original.slice(0, 100) + 'ـــ' + original.slice(103, 250) + 'ثثث' + original.slice(253);
const selectors = {
  blockId: 'p-gone',
  quote: { type: 'TextQuoteSelector' as const, exact: edited, prefix: text.slice(at - 32, at), suffix: text.slice(at + 300, at + 332) },
  position: { type: 'TextPositionSelector' as const, start: 5, end: 305 },
};
const { ms, result } = median(() => anchor(natural, selectors));
const found = !isOrphan(result as never) && (result as { start: number }).start;
console.log(`natural ${(text.length / 1e6).toFixed(1)} M-character article, edited passage far from its stored place: ${ms.toFixed(0)} ms → ${found === false ? 'orphan' : `found at ${found} (expected ${at})`}`);
console.log(`worst one-letter case: ${worst.toFixed(0)} ms (before the bound: 37–87 s)`);
