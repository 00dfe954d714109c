// npm run ner:train — trains the shipped NER model from ANERcorp train.tsv; dev.tsv selects epochs.
// Needs the word classes of `npm run ner:clusters` (or --without cluster).
import { join } from 'node:path';
// Options: --epochs N, --buckets LOG2, --without group,group, --without-lists news,cities,gate,
// --wikifane-share S, --wikifane-adapt, --prune K, --wikifane-gazetteer, --pass2-news,
// --aner-repeat N, --dict, --one-pass, --seed N, --out PATH, --no-write
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { ALL_GROUPS_MASK, DOCUMENT_GROUP, FEATURE_GROUPS, documentBits, type FeatureGroup, type Gazetteer } from '../../src/core/entities/features.ts';
import { curatedGazetteer, trainingGazetteer, type CuratedLists } from '../../src/core/entities/gazetteer.ts';
import { CITIES, GIVEN_NAMES, LOC_WORDS, MISC_NAMES, MORE_GIVEN_NAMES, ORGANISATIONS, ORG_WORDS, PERSON_TITLES } from '../../src/core/entities/lexicon.ts';
import { loadModel, predictDocument, predictLinear, serializeModel, type LinearModel } from '../../src/core/entities/model.ts';
import { trainPerceptron, type FloatModel, type LabelledSentence } from '../../src/core/entities/perceptron.ts';
import { evaluateSpans } from '../../src/core/entities/evaluate.ts';
import { DATA_DIR, MODEL_PATH, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { gateLists, newsNames, worldCities } from './gazetteers.ts';
import { CLUSTERS_PATH } from './clusters-path.ts';
import { addClusters, parseClusters } from '../../src/core/entities/clusters.ts';

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

export function currencyNames(): string[] {
  const dn = new Intl.DisplayNames(['ar'], { type: 'currency' });
  const codes = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency') ?? [];
  return codes.map((c) => dn.of(c) ?? c).filter((n) => /[\u0600-\u06FF]/.test(n));
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

const anerTrain = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
const dev = toLabelled(readConll(join(DATA_DIR, 'dev.tsv')).sentences);
// WikiFANE (in ANERcorp's conventions): its dev split is never trained on and gives the
// out-of-domain figure. --wikifane-share S adds that share of its train sentences to the training
// data (alone it costs ANERcorp dev 0.01-0.02; with --wikifane-adapt about even, see docs/ner.md);
// --wikifane-gazetteer uses only the names it labels, as a gazetteer.
const wikifane = readWikifane(anerTrain);
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

const lists: CuratedLists = {
  countries: countryNames(), cities: CITIES, givenNames: [...GIVEN_NAMES, ...MORE_GIVEN_NAMES], titles: PERSON_TITLES, orgWords: ORG_WORDS, locWords: LOC_WORDS,
  organisations: ORGANISATIONS, miscNames: [...MISC_NAMES, ...currencyNames()],
};
// Shared lists (options to leave each out, for the ablation): today's news names, world cities, GATE.
const without = (arg('without-lists') ?? '').split(',');
if (!without.includes('news')) {
  const news = newsNames();
  lists.people = news.PERS;
  lists.cities = [...lists.cities, ...news.LOC];
  lists.organisations = [...(lists.organisations ?? []), ...news.ORG];
  lists.miscNames = [...(lists.miscNames ?? []), ...news.MISC];
  lists.newsWords = Object.values(news).flat().filter((n) => !/\s/.test(n));
}
if (!without.includes('cities')) lists.worldCities = worldCities();
if (!without.includes('gate')) {
  const g = gateLists();
  lists.givenNames = [...lists.givenNames, ...g.givenNames];
  lists.surnames = g.surnames;
  lists.titles = [...lists.titles, ...g.titles];
  lists.organisations = [...(lists.organisations ?? []), ...g.organisations];
  lists.countries = [...lists.countries, ...g.countries];
  lists.cities = [...lists.cities, ...g.places];
}
if (useDict) {
  const { dictionaryWordsFor } = await import('./dict-ar.ts');
  lists.dictionary = dictionaryWordsFor([...train, ...dev].flatMap((s) => s.tokens));
}
{
  // ~2,500 Arabic given names (arabic-name-to-en, ISC), used only to build the gazetteer.
  const db = createRequire(import.meta.url)('arabic-name-to-en/cases/fullnamedb.js') as Record<string, string>;
  lists.givenNames = [...lists.givenNames, ...Object.keys(db)];
}
const curated = WF_GAZETTEER
  // Names WikiFANE labels (train part only), as word and phrase bits; no VOCAB bit (not training text).
  ? trainingGazetteer(wikifane.train, curatedGazetteer(lists), GAZ_SHARE, Infinity, { skipPrepositionNames: true })
  : curatedGazetteer(lists);
if ((groups & (1 << FEATURE_GROUPS.indexOf('cluster'))) !== 0) {
  // Word classes from `npm run ner:clusters` (cached outside git).
  if (!existsSync(CLUSTERS_PATH)) throw new Error(`no word classes at ${CLUSTERS_PATH}: run npm run ner:clusters first (or --without cluster)`);
  addClusters(curated, parseClusters(readFileSync(CLUSTERS_PATH, 'utf8')));
}
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
  const final = trainPerceptron(data, {
    epochs: fixedEpochs ?? epochs, logBuckets, groups: g, gazetteerFor: gaz, seed: SEED, wordDropout: DROPOUT, margin: MARGIN, recallWeight: RECALL_W, anyColumns: ANY, ...(docBits ? { docBitsFor: docBits } : {}),
    ...(domainOf ? { domainOf } : {}),
    onEpoch(epoch, model) {
      if (!devPredict) return;
      const q = loadModel(serializeModel({ gazetteer: full, passes: [model], window: WINDOW })).passes[0] as LinearModel;
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
    models.push(trainPerceptron(data, {
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
    const q = loadModel(serializeModel({ gazetteer: full, passes: [mixed], window: WINDOW })).passes[0] as LinearModel;
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

const bytes = serializeModel({ gazetteer: full, passes, window: WINDOW }, { prune: PRUNE });
const shipped = loadModel(bytes);
const res = evaluateSpans(devGold, predictDocument(shipped, devTokens, shipped.window));
const report = (label: string, r: ReturnType<typeof evaluateSpans>): void => {
  console.log(label);
  for (const [t, x] of [...Object.entries(r.perType), ['micro', r.micro] as const]) console.log(`${t}\tP ${x.precision.toFixed(4)}\tR ${x.recall.toFixed(4)}\tF1 ${x.f1.toFixed(4)}\t(${x.tp + x.fn} gold)`);
};
const wfRes = evaluateSpans(wikifane.dev.map((s) => s.tags), predictDocument(shipped, wikifane.dev.map((s) => s.tokens), shipped.window));
report('WikiFANE dev', wfRes);
report('ANERcorp dev', res);
console.log(`shipped model: ${passes.length} pass(es), ${bytes.length} B raw, ${gzipSync(bytes, { level: 9 }).length} B gzip, trained in ${elapsed()}`);
if (write) { writeFileSync(out, bytes); console.log(`wrote ${out}`); }
console.log(`F1 ${res.micro.f1.toFixed(4)}  (WikiFANE dev ${wfRes.micro.f1.toFixed(4)}, ORG ${wfRes.perType.ORG?.f1.toFixed(4)})`);
