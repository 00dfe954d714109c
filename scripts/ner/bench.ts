// npm run bench:ner : model load time, tagging throughput, artifact size, sample-article time.
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadModel, predictSentence } from '../../src/core/entities/model.ts';
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
  for (const s of sentences) predictSentence(model, s); // warm-up
  let tokens = 0;
  t0 = performance.now();
  for (let rep = 0; rep < 3; rep++) for (const s of sentences) { predictSentence(model, s); tokens += s.length; }
  const sec = (performance.now() - t0) / 1000;
  console.log(`throughput ${Math.round(tokens / sec)} tokens/s (sequence model, ${tokens} tokens)`);
}
