// npm run bench:ner [-- --model PATH] : model load time, tagging throughput, artifact size,
// sample-article time. A model with a neural section is also run on the TypeScript kernel.
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { loadModel, predictDocument, type NerModel } from '../../src/core/entities/model.ts';
import { createKernel } from '../../src/core/entities/neural/kernel.ts';
import { tagTexts } from '../../src/core/entities/entities.ts';
import { DATA_DIR, MODEL_PATH, REPO_ROOT, readConll } from './conll.ts';

const modelArg = process.argv.indexOf('--model');
const bytes = readFileSync(modelArg >= 0 ? (process.argv[modelArg + 1] as string) : MODEL_PATH);
let t0 = performance.now();
const model = loadModel(bytes);
console.log(`model load ${(performance.now() - t0).toFixed(1)} ms${model.neural ? ` (neural scorer on the ${model.neural.kernel.kind} kernel)` : ''}`);
console.log(`artifact ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip`);

const seed = join(REPO_ROOT, '../shared/seeds/000_543f2c3d62828e27.txt');
if (existsSync(seed)) {
  const text = readFileSync(seed, 'utf8');
  // In the browser the worker does exactly this on its first message: load the model, then tag.
  t0 = performance.now();
  const m2 = loadModel(bytes);
  const r = tagTexts(m2, text.split(/\n\s*\n/));
  console.log(`sample article (cold: load + first tag) ${(performance.now() - t0).toFixed(1)} ms, ${r.mentions.length} mentions`);
  t0 = performance.now();
  tagTexts(m2, text.split(/\n\s*\n/));
  console.log(`sample article (warm) ${(performance.now() - t0).toFixed(1)} ms`);
}

const devPath = join(DATA_DIR, 'dev.tsv');
const sentences = existsSync(devPath) ? readConll(devPath).sentences.map((s) => s.map((l) => l.token)) : [];
if (sentences.length) {
  // Article-sized documents of 20 sentences (about 600 tokens), both passes, as the browser runs them.
  const docs: string[][][] = [];
  for (let i = 0; i < sentences.length; i += 20) docs.push(sentences.slice(i, i + 20));
  const run = (m: NerModel, label: string, reps: number): void => {
    for (const d of docs) predictDocument(m, d); // warm-up
    let tokens = 0;
    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    // Ten passes over dev (~125k tokens, about a second): three were too short for a steady figure.
    for (let rep = 0; rep < reps; rep++) for (const d of docs) { predictDocument(m, d); for (const s of d) tokens += s.length; }
    const sec = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time is the fairer one-core figure when other processes share the machine.
    console.log(`throughput${label} ${Math.round(tokens / sec)} tokens/s wall, ${Math.round(tokens / ((cpu.user + cpu.system) / 1e6))} tokens/s per CPU-second (${tokens} tokens in 20-sentence documents; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  };
  run(model, '', 10);
  if (model.neural) run(loadModel(bytes, { kernel: createKernel('ts') }), ' (TypeScript kernel)', 2);
}
