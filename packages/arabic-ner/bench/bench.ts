// npm run bench -w arabic-ner -- [--model PATH] [--conll FILE] [--text FILE]
// Model load time, artifact size, a document tagged cold (load + first tag, as a worker's first
// request) and warm, and throughput in tokens per second on one core (both passes over
// article-sized documents of 20 sentences). --conll: token<TAB>tag sentences for the throughput
// (ANERcorp dev in the repository's `npm run bench:ner`); --text: the document to tag (the app's
// sample article there). Without them, the package's own test text.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { tagDocument } from '../src/document.ts';
import { predictDocument, readModel, type NerModel } from '../src/model.ts';
import { createKernel } from '../src/neural/kernel.ts';
import { splitSentences } from '../src/document.ts';
import { tokenize } from '../src/tokenize.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const FALLBACK_TEXT = 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا وإيران شريكتان، وإن وفدا من الأمم المتحدة سيزور طهران الأسبوع المقبل.\n\nوأكد وزير الخارجية الإيراني أن بلاده ترحب بالزيارة.';
const bytes = readFileSync(arg('model') ?? fileURLToPath(new URL('../model/ner-model.bin', import.meta.url)));
let t0 = performance.now();
const model = readModel(bytes);
console.log(`model load ${(performance.now() - t0).toFixed(1)} ms${model.neural ? ` (neural scorer on the ${model.neural.kernel.kind} kernel)` : ''}`);
console.log(`artifact ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip`);

const textFile = arg('text');
const text = textFile ? readFileSync(textFile, 'utf8') : FALLBACK_TEXT;
const blocks = text.split(/\n\s*\n/);
t0 = performance.now();
const spans = tagDocument(readModel(bytes), blocks);
console.log(`document${textFile ? '' : ' (built-in text)'} cold (load + first tag) ${(performance.now() - t0).toFixed(1)} ms, ${spans.length} spans`);
t0 = performance.now();
tagDocument(model, blocks);
console.log(`document warm ${(performance.now() - t0).toFixed(1)} ms`);

const conll = arg('conll');
const sentences: string[][] = conll
  ? readFileSync(conll, 'utf8').replace(/\r/g, '').split(/\n\s*\n/).filter((b) => b.trim()).map((b) => b.split('\n').filter(Boolean).map((row) => (row.includes('\t') ? row.slice(0, row.lastIndexOf('\t')) : row)))
  : blocks.flatMap((b) => { const toks = tokenize(b); return splitSentences(b, toks).map(([s, e]) => toks.slice(s, e).map((t) => t.text)); });
// Article-sized documents of 20 sentences, both passes, as the browser runs them.
const docs: string[][][] = [];
for (let i = 0; i < sentences.length; i += 20) docs.push(sentences.slice(i, i + 20));
const perRep = sentences.reduce((a, s) => a + s.length, 0);
const run = (m: NerModel, label: string, minTokens: number): void => {
  for (const d of docs) predictDocument(m, d); // warm-up
  let tokens = 0;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // At least ~a second of work: shorter runs were not steady.
  const reps = Math.max(1, Math.ceil(minTokens / Math.max(1, perRep)));
  for (let rep = 0; rep < reps; rep++) for (const d of docs) { predictDocument(m, d); for (const s of d) tokens += s.length; }
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time is the fairer one-core figure when other processes share the machine.
  console.log(`throughput${label} ${Math.round(tokens / sec)} tokens/s wall, ${Math.round(tokens / ((cpu.user + cpu.system) / 1e6))} tokens/s per CPU-second (${tokens} tokens in 20-sentence documents; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
};
run(model, '', 125_000);
if (model.neural) run(readModel(bytes, { kernel: createKernel('ts') }), ' (TypeScript kernel)', 25_000);
