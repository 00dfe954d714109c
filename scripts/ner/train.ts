// npm run ner:train — trains the shipped NER model from ANERcorp train.tsv, selecting the epoch on dev.
// Options: --epochs N, --buckets LOG2, --without group,group, --with group, --out PATH, --no-write, --dict
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ALL_GROUPS_MASK, FEATURE_GROUPS, type FeatureGroup } from '../../src/core/entities/features.ts';
import { curatedGazetteer, trainingGazetteer, type CuratedLists } from '../../src/core/entities/gazetteer.ts';
import { CITIES, GIVEN_NAMES, LOC_WORDS, ORG_WORDS, PERSON_TITLES } from '../../src/core/entities/lexicon.ts';
import { loadModel, predictSentence, serializeModel } from '../../src/core/entities/model.ts';
import { trainPerceptron } from '../../src/core/entities/perceptron.ts';
import { evaluateSpans } from '../../src/core/entities/evaluate.ts';
import { DATA_DIR, MODEL_PATH, readConll, toLabelled } from './conll.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function countryNames(): string[] {
  const dn = new Intl.DisplayNames(['ar'], { type: 'region' });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    try { const name = dn.of(code); if (name && name !== code) out.push(name); } catch { /* not a region */ }
  }
  return out;
}

const t0 = Date.now();
const epochs = Number(arg('epochs') ?? 20);
const logBuckets = Number(arg('buckets') ?? 18);
let groups = ALL_GROUPS_MASK;
for (const g of (arg('without') ?? '').split(',').filter(Boolean)) groups &= ~(1 << FEATURE_GROUPS.indexOf(g as FeatureGroup));
const useDict = process.argv.includes('--dict');
if (useDict) groups |= 1 << FEATURE_GROUPS.indexOf('dictionary');
const write = !process.argv.includes('--no-write');
const out = arg('out') ?? fileURLToPath(MODEL_PATH);

const train = toLabelled(readConll(fileURLToPath(new URL('train.tsv', DATA_DIR))).sentences);
const dev = toLabelled(readConll(fileURLToPath(new URL('dev.tsv', DATA_DIR))).sentences);

const lists: CuratedLists = {
  countries: countryNames(), cities: CITIES, givenNames: GIVEN_NAMES, titles: PERSON_TITLES, orgWords: ORG_WORDS, locWords: LOC_WORDS,
};
if (useDict) {
  const { dictionaryWordsFor } = await import('./dict-ar.ts');
  lists.dictionary = dictionaryWordsFor([...train, ...dev].flatMap((s) => s.tokens));
}
const curated = curatedGazetteer(lists);
const full = trainingGazetteer(train, curated);
// Jackknife: a training sentence sees the gazetteer built from the other folds, as unseen text would.
const FOLDS = 5;
const foldGaz = Array.from({ length: FOLDS }, (_, f) => trainingGazetteer(train.filter((_, i) => i % FOLDS !== f), curated));

let best: { f1: number; epoch: number; bytes: Uint8Array } = { f1: -1, epoch: 0, bytes: new Uint8Array(0) };
trainPerceptron(train, {
  epochs, logBuckets, groups, gazetteer: full, seed: 20261129,
  gazetteerFor: (i) => foldGaz[i % FOLDS] ?? full,
  onEpoch(epoch, model) {
    const bytes = serializeModel(model);
    const q = loadModel(bytes);
    const res = evaluateSpans(dev.map((s) => s.tags), dev.map((s) => predictSentence(q, s.tokens)));
    if (process.argv.includes('--float')) console.log('  float F1', evaluateSpans(dev.map((s) => s.tags), dev.map((s) => predictSentence(model, s.tokens))).micro.f1.toFixed(4));
    console.log(`epoch ${epoch}  dev F1 ${res.micro.f1.toFixed(4)}  (P ${res.micro.precision.toFixed(4)} R ${res.micro.recall.toFixed(4)})  ${((Date.now() - t0) / 1000).toFixed(0)}s`);
    if (res.micro.f1 > best.f1) best = { f1: res.micro.f1, epoch, bytes };
  },
});
{
  const q = loadModel(best.bytes);
  const res = evaluateSpans(dev.map((s) => s.tags), dev.map((s) => predictSentence(q, s.tokens)));
  for (const [t, r] of Object.entries(res.perType)) console.log(`${t}\tP ${r.precision.toFixed(4)}\tR ${r.recall.toFixed(4)}\tF1 ${r.f1.toFixed(4)}\t(${r.tp + r.fn} gold)`);
}
console.log(`best epoch ${best.epoch}  dev F1 ${best.f1.toFixed(4)}  size ${best.bytes.length} B raw, ${gzipSync(best.bytes, { level: 9 }).length} B gzip  ${((Date.now() - t0) / 1000).toFixed(1)}s`);
if (write) { writeFileSync(out, best.bytes); console.log(`wrote ${out}`); }
console.log(`F1 ${best.f1.toFixed(4)}`);
