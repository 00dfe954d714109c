// npm run ner:train — trains the shipped NER model from ANERcorp train.tsv; dev.tsv selects epochs.
// Needs the word classes of `npm run ner:embed-corpus` + `npm run ner:embed` (or --clusters PATH,
// e.g. the table of `npm run ner:clusters`, or --without cluster).
import { join } from 'node:path';
// Options: --epochs N, --buckets LOG2, --without group,group, --without-lists news,cities,gate,
// --wikifane-share S, --wikifane-adapt, --prune K, --wikifane-gazetteer, --pass2-news,
// --aner-repeat N, --dict, --one-pass, --seed N, --clusters PATH, --clusters-top N, --out PATH, --no-write
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ALL_GROUPS_MASK, DOCUMENT_GROUP, FEATURE_GROUPS, documentBits, type FeatureGroup, type Gazetteer } from '../../packages/arabic-ner/src/features.ts';
import { curatedGazetteer, trainingGazetteer } from '../../packages/arabic-ner/src/gazetteer.ts';
import { readModel, predictDocument, predictLinear, scoreDocument, serializeModel, type LinearModel } from '../../packages/arabic-ner/src/model.ts';
import { trainPerceptron, type FloatModel, type LabelledSentence, type TrainOptions } from '../../packages/arabic-ner/src/perceptron.ts';
import { trainCrf } from '../../packages/arabic-ner/src/crf.ts';
import { evaluateSpans } from '../../packages/arabic-ner/src/evaluate.ts';
import { DATA_DIR, MODEL_PATH, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { addWordClasses, curatedLists } from './gazetteers.ts';
import { confidenceTable, fitTemperature, printConfidenceTable } from './calibrate.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const epochs = Number(arg('epochs') ?? 12);
const logBuckets = Number(arg('buckets') ?? 18);
const VOCAB_MIN = Number(arg('vocab-min') ?? 1);
const GAZ_SHARE = Number(arg('gaz-share') ?? 0.3);
const WINDOW = Number(arg('window') ?? 15); // sentences each side stand in for the unknown document
const FOLDS = 5;
const SEEDS = Number(arg('seeds') ?? 1);
const ANY = process.argv.includes('--any');
const MARGIN = Number(arg('margin') ?? 0);
const RECALL_W = Number(arg('recall-weight') ?? 1);
const DROPOUT = Number(arg('dropout') ?? 0.4);
const SEED = Number(arg('seed') ?? 20261129);
// --learner crf: the same features and passes, weights learnt as a CRF (log-likelihood, L2 --l2,
// learning rate --lr) instead of by the averaged perceptron.
const LEARNER = arg('learner') ?? 'perceptron';
const L2 = Number(arg('l2') ?? 1);
const LR = Number(arg('lr') ?? 0.1);
const learn = (data: readonly LabelledSentence[], o: TrainOptions): FloatModel => {
  if (LEARNER === 'perceptron') return trainPerceptron(data, o);
  if (LEARNER !== 'crf') throw new Error(`unknown learner ${LEARNER}`);
  if (o.domainOf || o.anyColumns) throw new Error('the CRF learner has no per-domain weights or shared columns');
  return trainCrf(data, { ...o, l2: L2, learningRate: LR });
};
let groups = ALL_GROUPS_MASK;
for (const g of (arg('without') ?? '').split(',').filter(Boolean)) {
  if (!FEATURE_GROUPS.includes(g as FeatureGroup)) throw new Error(`unknown feature group ${g}`);
  groups &= ~(1 << FEATURE_GROUPS.indexOf(g as FeatureGroup));
}
const twoPass = !process.argv.includes('--one-pass') && (groups & DOCUMENT_GROUP) === 0 && !(arg('without') ?? '').includes('document');
const useDict = process.argv.includes('--dict');
if (useDict) groups |= 1 << FEATURE_GROUPS.indexOf('dictionary');
const write = !process.argv.includes('--no-write');
const out = arg('out') ?? MODEL_PATH;

// --holdout-fold F: train on ANERcorp train without fold F (blocks of 100 sentences, every fifth)
// and, with --scores-out DIR, write the model's emission scores for the held-out sentences: the
// neural scorer learns on top of scores the perceptron gives text it has not seen.
const HOLDOUT = arg('holdout-fold');
const SCORES_OUT = arg('scores-out');
const holdoutFold = (i: number): number => Math.floor(i / 100) % 5;
const anerAll = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
const anerTrain = HOLDOUT === undefined ? anerAll : anerAll.filter((_, i) => holdoutFold(i) !== Number(HOLDOUT));
const dev = toLabelled(readConll(join(DATA_DIR, 'dev.tsv')).sentences);
// WikiFANE (in ANERcorp's conventions): its dev split is never trained on and gives the
// out-of-domain figure. --wikifane-share S adds that share of its train sentences to the training
// data (alone it costs ANERcorp dev 0.01-0.02; with --wikifane-adapt about even, see docs/ner.md);
// --wikifane-gazetteer uses only the names it labels, as a gazetteer.
const wikifane = readWikifane(anerAll);
const WF_SHARE = Number(arg('wikifane-share') ?? 0);
const WF_GAZETTEER = process.argv.includes('--wikifane-gazetteer');
const wfTrain = wikifane.train.filter((_, i) => (i % 100) < WF_SHARE * 100);
// --aner-repeat N: ANERcorp sentences N times over, so news outweighs encyclopaedic text.
const ANER_REPEAT = Number(arg('aner-repeat') ?? 1);
const train = [...Array.from({ length: ANER_REPEAT }, () => anerTrain).flat(), ...wfTrain];
// --wikifane-adapt: WikiFANE sentences train a shared weight table and one of their own, ANERcorp
// ones the shared table and the news table; the model ships shared + news (no cost at tagging).
const ADAPT = process.argv.includes('--wikifane-adapt') && wfTrain.length > 0;
// --prune K: quantised weight codes of magnitude <= K are zeroed in the written file (trained on
// WikiFANE, the tables fill with tiny weights that do not compress: 2.4 MB gzip, 1.37 MB at K = 16).
const PRUNE = Number(arg('prune') ?? 0);
const isWikifane = (i: number): boolean => i >= ANER_REPEAT * anerTrain.length;
console.log(`training sentences: ANERcorp ${anerTrain.length}, WikiFANE ${wfTrain.length}`);

const without = (arg('without-lists') ?? '').split(',');
const lists = curatedLists(without, useDict ? [...train, ...dev].flatMap((s) => s.tokens) : undefined);
const curated = WF_GAZETTEER
  // Names WikiFANE labels (train part only), as word and phrase bits; no VOCAB bit (not training text).
  ? trainingGazetteer(wikifane.train, curatedGazetteer(lists), GAZ_SHARE, Infinity, { skipPrepositionNames: true })
  : curatedGazetteer(lists);
// --clusters PATH: another word-class table in place of the 8.6 M-word skip-gram classes of
// `ner:embed` (e.g. node_modules/.cache/hashiya-ner/clusters.tsv of `ner:clusters`, which the model
// before issue 20's last retrain used); --clusters-top N keeps its N most frequent words (both
// files list the most frequent first).
const CLUSTERS_TOP = Number(arg('clusters-top') ?? Infinity);
if ((groups & (1 << FEATURE_GROUPS.indexOf('cluster'))) !== 0) addWordClasses(curated, arg('clusters'), CLUSTERS_TOP);
// WikiFANE labels titles of books that start with a preposition; kept out of the phrase entries.
const gazOptions = { skipPrepositionNames: wfTrain.length > 0 };
const full = trainingGazetteer(train, curated, GAZ_SHARE, VOCAB_MIN, gazOptions);
// Jackknife: a training sentence sees the gazetteer built from the other folds, as unseen text would.
// A repeated sentence stays in the fold of its first copy, so no fold sees its own labels.
const fold = (i: number): number => (i < ANER_REPEAT * anerTrain.length ? i % anerTrain.length : i) % FOLDS;
const foldGaz = Array.from({ length: FOLDS }, (_, f) => trainingGazetteer(train.filter((_, i) => fold(i) !== f), curated, GAZ_SHARE, VOCAB_MIN, gazOptions));
const gazFor = (i: number): Gazetteer => foldGaz[fold(i)] ?? full;

const devGold = dev.map((s) => s.tags);
const devTokens = dev.map((s) => s.tokens);

/** Trains one pass, keeping the epoch with the best dev F1 (after quantisation). */
function fit(name: string, data: readonly LabelledSentence[], g: number, gaz: (i: number) => Gazetteer, docBits: ((i: number) => Uint16Array | undefined) | undefined, devPredict: ((m: LinearModel) => Int32Array[]) | null, fixedEpochs?: number, domainOf?: (i: number) => number): FloatModel {
  let best: { f1: number; epoch: number; model: FloatModel | null } = { f1: -1, epoch: 0, model: null };
  const final = learn(data, {
    epochs: fixedEpochs ?? epochs, logBuckets, groups: g, gazetteerFor: gaz, seed: SEED, wordDropout: DROPOUT, margin: MARGIN, recallWeight: RECALL_W, anyColumns: ANY, ...(docBits ? { docBitsFor: docBits } : {}),
    ...(domainOf ? { domainOf } : {}),
    onEpoch(epoch, model) {
      if (!devPredict) return;
      const q = readModel(serializeModel({ gazetteer: full, passes: [model], window: WINDOW })).passes[0] as LinearModel;
      const res = evaluateSpans(devGold, devPredict(q));
      console.log(`${name} epoch ${epoch}  dev F1 ${res.micro.f1.toFixed(4)}  (P ${res.micro.precision.toFixed(4)} R ${res.micro.recall.toFixed(4)})  ${elapsed()}`);
      if (res.micro.f1 > best.f1) best = { f1: res.micro.f1, epoch, model };
    },
  });
  if (best.model) console.log(`${name}: best epoch ${best.epoch}, dev F1 ${best.f1.toFixed(4)}`);
  const chosen = best.model ?? final;
  if (SEEDS <= 1) return chosen;
  // Parameter mixing: average perceptrons trained on different shuffles (same size, steadier).
  const models: FloatModel[] = [chosen];
  for (let k = 1; k < SEEDS; k++) {
    models.push(learn(data, {
      epochs: best.epoch || (fixedEpochs ?? epochs), logBuckets, groups: g, gazetteerFor: gaz, seed: SEED + 7919 * k, wordDropout: DROPOUT, ...(docBits ? { docBitsFor: docBits } : {}),
    }));
  }
  const avg = (get: (m: FloatModel) => Float32Array): Float32Array => {
    const out = new Float32Array(get(chosen).length);
    for (const m of models) { const a = get(m); for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (a[i] as number) / models.length; }
    return out;
  };
  const mixed: FloatModel = { ...chosen, weights: avg((m) => m.weights), trans: avg((m) => m.trans), start: avg((m) => m.start) };
  if (devPredict) {
    const q = readModel(serializeModel({ gazetteer: full, passes: [mixed], window: WINDOW })).passes[0] as LinearModel;
    console.log(`${name}: ${SEEDS} shuffles mixed, dev F1 ${evaluateSpans(devGold, devPredict(q)).micro.f1.toFixed(4)}  ${elapsed()}`);
  }
  return mixed;
}

const trainDomain = ADAPT ? (i: number): number => (isWikifane(i) ? 1 : 0) : undefined;
const pass1 = fit('pass1', train, groups, gazFor, undefined, (q) => devTokens.map((s) => predictLinear(q, full, s)), undefined, trainDomain);
const passes: FloatModel[] = [pass1];
if (twoPass) {
  // Out-of-fold first-pass tags for training sentences, so the second pass learns how far to
  // trust them on unseen text.
  const oof: Int32Array[] = new Array<Int32Array>(train.length);
  for (let f = 0; f < FOLDS; f++) {
    const idx = train.map((_, i) => i).filter((i) => fold(i) !== f);
    const sub = idx.map((i) => train[i] as LabelledSentence);
    const subGaz = trainingGazetteer(sub, curated, GAZ_SHARE, VOCAB_MIN, gazOptions);
    const m = fit(`fold${f}`, sub, groups, (k) => foldGaz[fold(idx[k] as number)] ?? full, undefined, null, 8, trainDomain && ((k) => trainDomain(idx[k] as number)));
    train.forEach((s, i) => { if (fold(i) === f) oof[i] = predictLinear(m, subGaz, s.tokens); });
    console.log(`fold ${f} done ${elapsed()}`);
  }
  const trainBits = documentBits(train.map((s) => s.tokens), oof, WINDOW);
  const devPass1 = devTokens.map((s) => predictLinear(pass1, full, s));
  const devBits = documentBits(devTokens, devPass1, WINDOW);
  // --pass2-news: the second pass learns from ANERcorp (news) only, WikiFANE reaching it through
  // the first pass's tags (stacking as domain adaptation).
  const pass2Data = process.argv.includes('--pass2-news') ? anerTrain : train;
  passes.push(fit('pass2', pass2Data, groups | DOCUMENT_GROUP, gazFor, (i) => trainBits[i], (q) => devTokens.map((s, i) => predictLinear(q, full, s, devBits[i])), undefined, pass2Data === train ? trainDomain : undefined));
}

// Span confidences: the temperature that makes them calibrated probabilities on dev.
const temperature = fitTemperature(readModel(serializeModel({ gazetteer: full, passes, window: WINDOW }, { prune: PRUNE })), devTokens, devGold, WINDOW);
const bytes = serializeModel({ gazetteer: full, passes, window: WINDOW, temperature }, { prune: PRUNE });
const shipped = readModel(bytes);
console.log(`confidence temperature ${temperature.toFixed(3)}`);
printConfidenceTable(confidenceTable(shipped, devTokens, devGold, WINDOW));
const res = evaluateSpans(devGold, predictDocument(shipped, devTokens, shipped.window));
const report = (label: string, r: ReturnType<typeof evaluateSpans>): void => {
  console.log(label);
  for (const [t, x] of [...Object.entries(r.perType), ['micro', r.micro] as const]) console.log(`${t}\tP ${x.precision.toFixed(4)}\tR ${x.recall.toFixed(4)}\tF1 ${x.f1.toFixed(4)}\t(${x.tp + x.fn} gold)`);
};
const wfRes = evaluateSpans(wikifane.dev.map((s) => s.tags), predictDocument(shipped, wikifane.dev.map((s) => s.tokens), shipped.window));
report('WikiFANE dev', wfRes);
report('ANERcorp dev', res);
console.log(`shipped model: ${passes.length} pass(es), ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip, trained in ${elapsed()}`);
if (write && HOLDOUT === undefined) { writeFileSync(out, bytes); console.log(`wrote ${out}`); }
if (SCORES_OUT) {
  mkdirSync(SCORES_OUT, { recursive: true });
  const dump = (name: string, sentences: ReadonlyArray<readonly string[]>, index: number[]): void => {
    const { scores } = scoreDocument(shipped, sentences, shipped.window);
    writeFileSync(join(SCORES_OUT, `${name}.f32`), Buffer.concat(scores.map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength))));
    writeFileSync(join(SCORES_OUT, `${name}.json`), JSON.stringify(index));
    console.log(`scores for ${sentences.length} sentences → ${SCORES_OUT}/${name}`);
  };
  if (HOLDOUT !== undefined) {
    const index = anerAll.map((_, i) => i).filter((i) => holdoutFold(i) === Number(HOLDOUT));
    dump(`aner-train-fold${HOLDOUT}`, index.map((i) => (anerAll[i] as LabelledSentence).tokens), index);
  } else {
    dump('aner-dev', devTokens, devTokens.map((_, i) => i));
    dump('wikifane-dev', wikifane.dev.map((s) => s.tokens), wikifane.dev.map((_, i) => i));
  }
}
console.log(`F1 ${res.micro.f1.toFixed(4)}  (WikiFANE dev ${wfRes.micro.f1.toFixed(4)}, ORG ${wfRes.perType.ORG?.f1.toFixed(4)})`);
