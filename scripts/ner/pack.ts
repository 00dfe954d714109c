// npm run ner:pack -- EXPORT_DIR [--perceptron MODEL] [--out MODEL] — builds a model file with a
// neural section from the weights scripts/ner/neural.py exported: word vectors keyed by hash and
// product-quantised codes as trained, every weight matrix int8 with a scale per output. The
// gazetteer (and, when the network reads them, the perceptron's passes) come from MODEL (default:
// the shipped model). Prints ANERcorp dev and WikiFANE dev as the browser will score them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readModel, serializeModel, type LinearModel } from '../../packages/arabic-ner/src/model.ts';
import { vectorKey } from '../../packages/arabic-ner/src/neural-features.ts';
import { quantiseRows, type NeuralWeights, type PerceptronMode, type VectorTable } from '../../packages/arabic-ner/src/neural/scorer.ts';
import { NUM_TAGS, TAGS, tagId } from '../../packages/arabic-ner/src/tags.ts';
import { confidenceTable, fitTemperature, printConfidenceTable } from './calibrate.ts';
import { DATA_DIR, MODEL_PATH, readConll } from './conll.ts';
import { evaluateSentences } from './run-model.ts';
import { readWikifane } from './wikifane.ts';
import { toLabelled } from './conll.ts';

interface Manifest {
  args: { log_buckets: number; bag_dim: number; width: number; kernel: number; perceptron: PerceptronMode };
  scoreScale: number;
  arrays: Record<string, number[]>;
  tables: Array<{ words: string; kind: string; dim: number; m?: number }>;
  dilations: number[];
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

export function packNeural(dir: string, groups: number): NeuralWeights {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const f32 = (name: string): Float32Array => {
    const b = readFileSync(join(dir, `${name}.f32`));
    return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  };
  const shape = (name: string): number[] => manifest.arrays[name] ?? [];
  const tables: VectorTable[] = manifest.tables.map((t, k) => {
    if (t.kind !== 'pq' || !t.m) throw new Error('only product-quantised vector tables are packed');
    const m = t.m;
    const words = readFileSync(join(dir, t.words), 'utf8').split('\n').slice(0, -1);
    const codes = new Uint8Array(readFileSync(join(dir, `table${k}.codes.u8`)));
    // Sorted by key; on a (rare) hash collision the more frequent word (listed first) keeps the key.
    const byKey = new Map<number, number>();
    words.forEach((w, i) => { const key = vectorKey(w); if (key && !byKey.has(key)) byKey.set(key, i); });
    const keys = Uint32Array.from([...byKey.keys()].sort((a, b) => a - b));
    const sorted = new Uint8Array(keys.length * m);
    keys.forEach((key, i) => sorted.set(codes.subarray((byKey.get(key) as number) * m, (byKey.get(key) as number) * m + m), i * m));
    return { keys, codes: sorted, m, dim: t.dim, books: f32(`table${k}.books`), oov: f32(`table${k}.oov`) };
  });
  const B = 1 << manifest.args.log_buckets, D = manifest.args.bag_dim;
  const bag = f32('bag'); // B × D → one row per dimension
  const bagT = new Float32Array(B * D);
  for (let i = 0; i < B; i++) for (let d = 0; d < D; d++) bagT[d * B + i] = bag[i * D + d] as number;
  const W = manifest.args.width, K = manifest.args.kernel;
  const [inRows, inCols] = shape('inp.w') as [number, number];
  return {
    logBuckets: manifest.args.log_buckets, groups, bagDim: D, width: W, kernel: K, dilations: manifest.dilations,
    perceptron: manifest.args.perceptron, scoreScale: manifest.scoreScale, tables,
    bag: quantiseRows(bagT, D, B),
    inp: quantiseRows(f32('inp.w'), inRows, inCols), inpBias: f32('inp.b'),
    convs: manifest.dilations.map((_, l) => quantiseRows(f32(`conv${l}.w`), W, W * K)),
    convBias: manifest.dilations.map((_, l) => f32(`conv${l}.b`)),
    out: quantiseRows(f32('out.w'), NUM_TAGS, W), outBias: f32('out.b'),
    trans: f32('trans'), start: f32('start'),
  };
}

if (process.argv[1]?.endsWith('pack.ts') && process.argv[2] === '--recalibrate') {
  // The shipped model's weights as they are, with its confidence temperature fitted anew.
  const bytes = readFileSync(MODEL_PATH);
  const base = readModel(bytes);
  const dev = readConll(join(DATA_DIR, 'dev.tsv')).sentences;
  const devTokens = dev.map((s) => s.map((l) => l.token)), devGold = dev.map((s) => s.map((l) => tagId(l.tag ?? 'O')));
  const temperature = fitTemperature(base, devTokens, devGold, base.window);
  writeFileSync(MODEL_PATH, serializeModel({ gazetteer: gazetteerEntries(bytes), passes: base.passes as Array<LinearModel & { weights: Int8Array }>, window: base.window, temperature }));
  console.log(`confidence temperature ${temperature.toFixed(3)} → ${MODEL_PATH}`);
  printConfidenceTable(confidenceTable(readModel(readFileSync(MODEL_PATH)), devTokens, devGold, base.window));
} else if (process.argv[1]?.endsWith('pack.ts')) {
  const dir = process.argv[2];
  if (!dir) { console.error('usage: npm run ner:pack -- EXPORT_DIR [--perceptron MODEL] [--out MODEL]'); process.exit(2); }
  const base = readModel(readFileSync(arg('perceptron') ?? MODEL_PATH));
  const first = base.passes[0] as LinearModel;
  const neural = packNeural(dir, first.groups);
  const parts = { gazetteer: gazetteerEntries(readFileSync(arg('perceptron') ?? MODEL_PATH)), passes: neural.perceptron === 'none' ? [] : base.passes as Array<LinearModel & { weights: Int8Array }>, window: base.window, neural };
  const dev = readConll(join(DATA_DIR, 'dev.tsv')).sentences;
  const devTokens = dev.map((s) => s.map((l) => l.token)), devGold = dev.map((s) => s.map((l) => tagId(l.tag ?? 'O')));
  const temperature = fitTemperature(readModel(serializeModel(parts)), devTokens, devGold, base.window);
  const bytes = serializeModel({ ...parts, temperature });
  const out = arg('out') ?? join(dir, 'model.bin');
  writeFileSync(out, bytes);
  console.log(`${out}: ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip; confidence temperature ${temperature.toFixed(3)}`);
  const model = readModel(bytes);
  printConfidenceTable(confidenceTable(model, devTokens, devGold, model.window));
  const anerTrain = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
  const wf = readWikifane(anerTrain).dev.map((s) => s.tokens.map((token, i) => ({ token, tag: TAGS[s.tags[i] as number] ?? 'O' })));
  for (const [name, sentences] of [['ANERcorp dev', readConll(join(DATA_DIR, 'dev.tsv')).sentences], ['WikiFANE dev', wf]] as const) {
    const r = evaluateSentences(model, sentences);
    const per = Object.entries(r.perType).map(([t, x]) => `${t} ${x.f1.toFixed(4)}`).join(' ');
    console.log(`${name}: P ${r.micro.precision.toFixed(4)} R ${r.micro.recall.toFixed(4)} F1 ${r.micro.f1.toFixed(4)} | ${per} | ${Math.round(r.tokensPerSecond)} tokens/s`);
  }
}

/** The gazetteer entries of a model file (keys and values as stored). */
export function gazetteerEntries(bytes: Uint8Array): Map<number, number> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(20, true);
  const map = new Map<number, number>();
  for (let i = 0; i < count; i++) map.set(dv.getUint32(24 + i * 4, true), dv.getUint32(24 + (count + i) * 4, true));
  return map;
}
