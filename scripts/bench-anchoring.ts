/**
 * Re-anchoring benchmark: a 50,000-word Arabic-like article, 1,000 annotations, random small edits,
 * then every annotation re-anchored. Prints the median of 5 runs; the target is under 100 ms.
 *   npx tsx scripts/bench-anchoring.ts
 */
import { performance } from 'node:perf_hooks';
import { articleText, type Article } from '../src/core/article/article';
import { assignBlockIds } from '../src/core/article/block-id';
import { anchor, describe, isOrphan, snapToWords, type Selectors } from '../src/core/annotations/anchoring';
import { seededRandom } from 'arabic-ner';

const WORDS = 50_000;
const ANNOTATIONS = 1_000;
const EDITS = 300;
const RUNS = 5;

const random = seededRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإ'];
const COMMON = ['في', 'من', 'على', 'إلى', 'أن', 'قال', 'هذا', 'التي', 'وزير', 'الحكومة'];
function word(): string {
  if (random() < 0.3) return pick(COMMON);
  let w = '';
  const length = 2 + Math.floor(random() * 7);
  for (let i = 0; i < length; i += 1) w += pick(LETTERS);
  return w;
}

function makeArticle(paragraphs: readonly string[]): Article {
  return { id: 'bench', title: paragraphs[0] ?? '', lang: 'ar', dir: 'rtl', blocks: assignBlockIds(paragraphs.map((text) => ({ kind: 'paragraph', text }))) };
}

// Article: paragraphs of 30–90 words.
const paragraphs: string[] = [];
for (let total = 0; total < WORDS; ) {
  const count = Math.min(WORDS - total, 30 + Math.floor(random() * 61));
  paragraphs.push(Array.from({ length: count }, word).join(' ') + '.');
  total += count;
}
const original = makeArticle(paragraphs);
const text = articleText(original);

// Annotations: word-snapped selections of 1–40 words, a few of them short (one common word).
const selectors: Selectors[] = [];
for (let i = 0; i < ANNOTATIONS; i += 1) {
  const start = Math.floor(random() * (text.length - 400));
  const length = random() < 0.1 ? 2 : 5 + Math.floor(random() * 250);
  selectors.push(describe(original, snapToWords(text, { start, end: start + length })));
}

// Edits: insert, delete or replace a few characters inside random paragraphs (their block ids change).
const edited = [...paragraphs];
for (let i = 0; i < EDITS; i += 1) {
  const p = Math.floor(random() * edited.length);
  const body = edited[p] ?? '';
  const at = Math.floor(random() * body.length);
  const kind = random();
  const insert = kind < 0.66 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(LETTERS)).join('') : '';
  const remove = kind < 0.33 ? 0 : 1 + Math.floor(random() * 8);
  edited[p] = body.slice(0, at) + insert + body.slice(at + remove);
}

const times: number[] = [];
const methods = new Map<string, number>();
for (let run = 0; run < RUNS; run += 1) {
  // A fresh article object each run, so building its text is part of the measured time.
  const article = makeArticle(edited);
  methods.clear();
  const t0 = performance.now();
  for (const s of selectors) {
    const result = anchor(article, s);
    const method = isOrphan(result) ? 'orphan' : result.method;
    methods.set(method, (methods.get(method) ?? 0) + 1);
  }
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(RUNS / 2)] ?? NaN;

console.log(`article: ${WORDS} words, ${text.length} characters, ${paragraphs.length} paragraphs; ${EDITS} edits`);
console.log(`re-anchored ${ANNOTATIONS} annotations: median ${median.toFixed(1)} ms of ${RUNS} (runs: ${times.map((t) => t.toFixed(1)).join(', ')})`);
console.log(`methods: ${[...methods].map(([m, n]) => `${m} ${n}`).join(', ')}`);
console.log(median < 100 ? 'OK: under 100 ms' : 'SLOW: over the 100 ms target');
