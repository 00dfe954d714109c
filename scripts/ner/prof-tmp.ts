import { readFileSync } from 'node:fs';
import { loadModel, predictDocument } from '../../src/core/entities/model.ts';
import { createKernel } from '../../src/core/entities/neural/kernel.ts';
import { readConll } from './conll.ts';
const bytes = readFileSync(process.argv[2] as string);
const s = readConll('/work/shared/data/anercorp/dev.tsv').sentences.map((x) => x.map((l) => l.token));
const docs: string[][][] = [];
for (let i = 0; i < s.length; i += 20) docs.push(s.slice(i, i + 20));
for (const kind of ['wasm', 'ts', 'wasm'] as const) {
  let c0 = process.cpuUsage();
  const m = loadModel(bytes, { kernel: createKernel(kind) });
  let c = process.cpuUsage(c0);
  console.log(kind, 'load CPU ms', ((c.user + c.system) / 1000).toFixed(0));
  for (const d of docs) predictDocument(m, d);
  c0 = process.cpuUsage();
  for (let r = 0; r < 3; r++) for (const d of docs) predictDocument(m, d);
  c = process.cpuUsage(c0);
  console.log(kind, 'tokens per CPU-second', Math.round(3 * 12505 / ((c.user + c.system) / 1e6)));
}
const p = loadModel(readFileSync('src/core/entities/model/ner-model.bin'));
for (const d of docs) predictDocument(p, d);
const c0 = process.cpuUsage();
for (let r = 0; r < 3; r++) for (const d of docs) predictDocument(p, d);
const c = process.cpuUsage(c0);
console.log('perceptron only tokens per CPU-second', Math.round(3 * 12505 / ((c.user + c.system) / 1e6)));
