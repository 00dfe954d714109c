// npm run bench:ner : model load time, tagging throughput, artifact size, sample-article time.
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { loadModel, predictDocument } from '../../src/core/entities/model.ts';
import { tagTexts } from '../../src/core/entities/entities.ts';
import { DATA_DIR, MODEL_PATH, REPO_ROOT, readConll } from './conll.ts';

const bytes = readFileSync(MODEL_PATH);
let t0 = performance.now();
const model = loadModel(bytes);
console.log(`model load ${(performance.now() - t0).toFixed(1)} ms`);
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
  for (const d of docs) predictDocument(model, d); // warm-up
  let tokens = 0;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // Ten passes over dev (~125k tokens, about a second): three were too short for a steady figure.
  for (let rep = 0; rep < 10; rep++) for (const d of docs) { predictDocument(model, d); for (const s of d) tokens += s.length; }
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time is the fairer one-core figure when other processes share the machine.
  console.log(`throughput ${Math.round(tokens / sec)} tokens/s wall, ${Math.round(tokens / ((cpu.user + cpu.system) / 1e6))} tokens/s per CPU-second (two-pass model, ${tokens} tokens in 20-sentence documents; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
}
