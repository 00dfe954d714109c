// The NER model: one or two linear passes (hashed int8 weights, BIO transitions) sharing a hashed
// gazetteer, plus the compact binary format the app ships. The second pass sees, for each word,
// how the first pass tagged the same word elsewhere in the document.
import { DOCUMENT_GROUP, documentBits, documentFeatures, sentenceFeatures, type Gazetteer, type WordInfo } from './features.ts';
import { NUM_TAGS, spanConfidences, spansFromTags, viterbi, type ModelEntityType } from './tags.ts';
import { mendNameBoundaries } from './boundaries.ts';
import { neuralInputs } from './neural-features.ts';
import { NeuralFormatError, NeuralScorer, neuralSize, readNeural, writeNeural, type NeuralWeights } from './neural/scorer.ts';
import type { Kernel } from './neural/kernel.ts';

export interface LinearModel {
  readonly logBuckets: number;
  readonly groups: number;
  /** Weight per bucket × tag: floats while training, int8 codes into `lut` once shipped. */
  readonly weights: Float32Array | Int8Array;
  /** Dequantisation table indexed by code + 128 (absent for float weights). */
  readonly lut?: Float32Array;
  readonly trans: Float32Array;
  readonly start: Float32Array;
  /** Weight columns per bucket: the 9 tags, or 11 with shared "any name" B and I columns whose
   *  weights count for every type (pooling the evidence that a word is a name at all). */
  readonly cols: number;
}

export interface NerModel {
  readonly gazetteer: Gazetteer;
  readonly passes: readonly LinearModel[];
  /** Document window in sentences (each side) used by the second pass on files; 0 = whole text. */
  readonly window: number;
  /** The neural scorer, when the file has one: its emissions (and transitions) replace the
   *  perceptron's, which it may read as inputs. */
  readonly neural?: NeuralScorer;
  /** Scores are divided by this before span confidences are read from them (fitted on dev so
   *  that they are calibrated probabilities; a perceptron's raw scores are far too sure). */
  readonly temperature: number;
}

const MAGIC = 0x524e4848; // "HHNR" little-endian
/** 3: gazetteer and perceptron passes; 4: the same, then flags, the confidence temperature and the optional neural section. */
const VERSION = 4;

export type Features = { offsets: Int32Array; buckets: Int32Array };

/** Adds the pass's weights for every feature of every token into scores (n × T). */
export function addScores(lin: Pick<LinearModel, 'weights' | 'lut' | 'cols'>, f: Features, n: number, scores: Float32Array): void {
  const T = NUM_TAGS;
  const C = lin.cols;
  const w = lin.weights;
  const lut = lin.lut;
  if (C === 9 && T === 9 && lut && w instanceof Int8Array) {
    addShippedScores(w, lut, f, n, scores);
    return;
  }
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const e = f.offsets[i + 1] as number;
    if (C === T && lut) {
      // The shipped case, kept branch-free in the inner loop.
      for (let k = f.offsets[i] as number; k < e; k++) {
        const b = (f.buckets[k] as number) * T;
        for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (lut[(w[b + t] as number) + 128] as number);
      }
      continue;
    }
    let anyB = 0, anyI = 0;
    for (let k = f.offsets[i] as number; k < e; k++) {
      const b = (f.buckets[k] as number) * C;
      if (lut) {
        for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (lut[(w[b + t] as number) + 128] as number);
        if (C > T) { anyB += lut[(w[b + T] as number) + 128] as number; anyI += lut[(w[b + T + 1] as number) + 128] as number; }
      } else {
        for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (w[b + t] as number);
        if (C > T) { anyB += w[b + T] as number; anyI += w[b + T + 1] as number; }
      }
    }
    if (C > T) for (let t = 1; t < T; t++) scores[base + t] = (scores[base + t] as number) + (t % 2 === 1 ? anyB : anyI);
  }
}

/**
 * The shipped case (9 tag columns of int8 codes), the tagger's hottest loop: one accumulator per
 * tag in registers instead of a load and store of `scores` per feature and tag. Math.fround after
 * each addition rounds exactly as the Float32Array store did, so the scores are bit-identical.
 */
function addShippedScores(w: Int8Array, lut: Float32Array, f: Features, n: number, scores: Float32Array): void {
  const buckets = f.buckets, offsets = f.offsets;
  for (let i = 0; i < n; i++) {
    const base = i * 9;
    let s0 = scores[base] as number, s1 = scores[base + 1] as number, s2 = scores[base + 2] as number;
    let s3 = scores[base + 3] as number, s4 = scores[base + 4] as number, s5 = scores[base + 5] as number;
    let s6 = scores[base + 6] as number, s7 = scores[base + 7] as number, s8 = scores[base + 8] as number;
    const e = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < e; k++) {
      const b = (buckets[k] as number) * 9;
      s0 = Math.fround(s0 + (lut[(w[b] as number) + 128] as number));
      s1 = Math.fround(s1 + (lut[(w[b + 1] as number) + 128] as number));
      s2 = Math.fround(s2 + (lut[(w[b + 2] as number) + 128] as number));
      s3 = Math.fround(s3 + (lut[(w[b + 3] as number) + 128] as number));
      s4 = Math.fround(s4 + (lut[(w[b + 4] as number) + 128] as number));
      s5 = Math.fround(s5 + (lut[(w[b + 5] as number) + 128] as number));
      s6 = Math.fround(s6 + (lut[(w[b + 6] as number) + 128] as number));
      s7 = Math.fround(s7 + (lut[(w[b + 7] as number) + 128] as number));
      s8 = Math.fround(s8 + (lut[(w[b + 8] as number) + 128] as number));
    }
    scores[base] = s0; scores[base + 1] = s1; scores[base + 2] = s2;
    scores[base + 3] = s3; scores[base + 4] = s4; scores[base + 5] = s5;
    scores[base + 6] = s6; scores[base + 7] = s7; scores[base + 8] = s8;
  }
}

/** Tags (ids) of one linear pass over one sentence. */
export function predictLinear(lin: LinearModel, gaz: Gazetteer, tokens: readonly string[], docBits?: Uint16Array): Int32Array {
  const n = tokens.length;
  if (n === 0) return new Int32Array(0);
  const scores = new Float32Array(n * NUM_TAGS);
  addScores(lin, sentenceFeatures(tokens, gaz, lin.groups, (1 << lin.logBuckets) - 1, docBits), n, scores);
  return viterbi(scores, n, lin.trans, lin.start);
}

/**
 * Tags for every sentence of a document. `window` (sentences each side) bounds what the second
 * pass treats as the same document; the browser passes 0 (one article = one document).
 */
export function predictDocument(model: NerModel, sentences: ReadonlyArray<readonly string[]>, window = 0): Int32Array[] {
  return scoreDocument(model, sentences, window).tags;
}

/**
 * The last pass's emission scores (n × 9 per sentence) and its tags for a document, people's
 * names mended at their edges (boundaries.ts); `modelTags` are the decoder's own.
 */
export function scoreDocument(model: NerModel, sentences: ReadonlyArray<readonly string[]>, window = 0): DocumentScores {
  const decoded = decodeDocument(model, sentences, window);
  const tags = decoded.tags.map((t, i) => mendNameBoundaries(sentences[i] as readonly string[], t, model.gazetteer));
  return { ...decoded, tags, modelTags: decoded.tags };
}

function decodeDocument(model: NerModel, sentences: ReadonlyArray<readonly string[]>, window: number): Omit<DocumentScores, 'modelTags'> {
  const neural = model.neural;
  if (!neural) return perceptronScores(model, sentences, window);
  const w = neural.weights;
  const perceptron = w.perceptron !== 'none' && model.passes.length ? perceptronScores(model, sentences, window).scores : undefined;
  const cache = new Map<string, WordInfo>();
  const scores = sentences.map((s, i) => neural.emissions(neuralInputs(s, model.gazetteer, w.groups, w.logBuckets, cache), s.length, perceptron?.[i]));
  return { scores, tags: scores.map((sc, i) => viterbi(sc, (sentences[i] as readonly string[]).length, w.trans, w.start)), trans: w.trans, start: w.start, temperature: model.temperature };
}

/** Emission scores of a document (n × 9 per sentence), the transitions they are decoded with, the
 *  model's confidence temperature, the tags, and the decoder's tags before names were mended. */
export interface DocumentScores { scores: Float32Array[]; tags: Int32Array[]; modelTags: Int32Array[]; trans: Float32Array; start: Float32Array; temperature: number }

/**
 * The spans of sentence `i` with their confidence: the model's probability of exactly that span,
 * or, for a name whose edges were mended, the best of the model's spans it overlaps.
 */
export function sentenceSpans(doc: DocumentScores, i: number): Array<{ start: number; end: number; type: ModelEntityType; confidence: number }> {
  const tags = doc.tags[i] as Int32Array, own = doc.modelTags[i] as Int32Array;
  const modelSpans = spansFromTags(own);
  const confidence = spanConfidences(doc.scores[i] as Float32Array, own.length, doc.trans, doc.start, modelSpans, doc.temperature);
  return spansFromTags(tags).map((s) => {
    const exact = modelSpans.findIndex((m) => m.start === s.start && m.end === s.end && m.type === s.type);
    if (exact >= 0) return { ...s, confidence: confidence[exact] as number };
    let best = 0;
    modelSpans.forEach((m, k) => { if (m.start < s.end && s.start < m.end) best = Math.max(best, confidence[k] as number); });
    return { ...s, confidence: best };
  });
}

function perceptronScores(model: NerModel, sentences: ReadonlyArray<readonly string[]>, window: number): Omit<DocumentScores, 'modelTags'> {
  const [first, second] = model.passes;
  if (!first) return { scores: sentences.map((s) => new Float32Array(s.length * NUM_TAGS)), tags: sentences.map((s) => new Int32Array(s.length)), trans: new Float32Array(NUM_TAGS * NUM_TAGS), start: new Float32Array(NUM_TAGS), temperature: 1 };
  const mask = (1 << first.logBuckets) - 1;
  const cache = new Map<string, WordInfo>(); // words repeat within a document
  const feats = sentences.map((s) => sentenceFeatures(s, model.gazetteer, first.groups, mask, undefined, cache));
  const emissions = (lin: LinearModel, i: number, extra?: Features): Float32Array => {
    const n = (sentences[i] as readonly string[]).length;
    const scores = new Float32Array(n * NUM_TAGS);
    if (n === 0) return scores;
    addScores(lin, feats[i] as Features, n, scores);
    if (extra) addScores(lin, extra, n, scores);
    return scores;
  };
  const decodeAll = (lin: LinearModel, scores: Float32Array[]): Int32Array[] => scores.map((sc, i) => viterbi(sc, (sentences[i] as readonly string[]).length, lin.trans, lin.start));
  const scores1 = sentences.map((_, i) => emissions(first, i));
  const pass1 = decodeAll(first, scores1);
  if (!second) return { scores: scores1, tags: pass1, trans: first.trans, start: first.start, temperature: model.temperature };
  const bits = documentBits(sentences, pass1, window, cache);
  // The second pass shares the first pass's base features and adds the document ones.
  const scores2 = (second.groups & ~DOCUMENT_GROUP) === first.groups && second.logBuckets === first.logBuckets
    ? sentences.map((_, i) => emissions(second, i, documentFeatures(bits[i] as Uint16Array, mask)))
    : sentences.map((s, i) => {
      const sc = new Float32Array(s.length * NUM_TAGS);
      if (s.length) addScores(second, sentenceFeatures(s, model.gazetteer, second.groups, (1 << second.logBuckets) - 1, bits[i]), s.length, sc);
      return sc;
    });
  return { scores: scores2, tags: decodeAll(second, scores2), trans: second.trans, start: second.start, temperature: model.temperature };
}

export function predictSentence(model: NerModel, tokens: readonly string[]): Int32Array {
  return predictDocument(model, [tokens])[0] as Int32Array;
}

/**
 * Quantises float weights to int8 codes on a square-law scale (fine steps near zero, where most
 * averaged-perceptron weights live; coarse for the few large ones) and serialises the model.
 */
export function serializeModel(m: { gazetteer: ReadonlyMap<number, number>; passes: ReadonlyArray<LinearModel & { weights: Float32Array | Int8Array }>; window: number; neural?: NeuralWeights; temperature?: number }, options: { prune?: number } = {}): Uint8Array {
  // prune: codes of magnitude <= this become 0. Trained on WikiFANE too, the tables fill with tiny
  // averaged weights that matter little but do not compress (see docs/ner.md, approach 9).
  const prune = options.prune ?? 0;
  const T = NUM_TAGS;
  const gaz = [...m.gazetteer.entries()].sort((a, b) => a[0] - b[0]);
  const pad4 = (x: number): number => (x + 3) & ~3;
  let size = 6 * 4 + gaz.length * 8;
  for (const p of m.passes) size += 4 * 4 + (T * T + T) * 4 + pad4(p.weights.length);
  size += 8 + (m.neural ? neuralSize(m.neural) : 0);
  const buf = new ArrayBuffer(size);
  const dv = new DataView(buf);
  let o = 0;
  const u32 = (v: number): void => { dv.setUint32(o, v, true); o += 4; };
  const f32 = (v: number): void => { dv.setFloat32(o, v, true); o += 4; };
  u32(MAGIC); u32(VERSION); u32(T); u32(m.passes.length); u32(m.window); u32(gaz.length);
  for (const [k] of gaz) u32(k);
  for (const [, v] of gaz) u32(v);
  for (const p of m.passes) {
    if (p.weights instanceof Int8Array) {
      // Already quantised (a shipped model's pass, carried into a new file as it is).
      const lut = p.lut as Float32Array;
      u32(p.logBuckets); u32(p.groups); u32(p.cols); f32(lut[255] as number);
      for (const v of p.trans) f32(v);
      for (const v of p.start) f32(v);
      new Int8Array(buf, o, p.weights.length).set(p.weights);
      o = pad4(o + p.weights.length);
      continue;
    }
    let scale = 0;
    for (let i = 0; i < p.weights.length; i++) scale = Math.max(scale, Math.abs(p.weights[i] as number));
    scale = scale || 1;
    u32(p.logBuckets); u32(p.groups); u32(p.cols); f32(scale);
    for (const v of p.trans) f32(v);
    for (const v of p.start) f32(v);
    const q = new Int8Array(buf, o, p.weights.length);
    for (let i = 0; i < q.length; i++) {
      const v = p.weights[i] as number;
      const code = Math.round(127 * Math.sqrt(Math.abs(v) / scale));
      q[i] = code <= prune ? 0 : Math.sign(v) * code;
    }
    o = pad4(o + q.length);
  }
  u32(m.neural ? 1 : 0); // flags: bit 0, a neural section follows
  f32(m.temperature ?? 1);
  if (m.neural) o = writeNeural(m.neural, dv, o);
  return new Uint8Array(buf);
}

export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

/** Parses a model file. Weights stay int8 views (no copy) decoded through a 256-entry table. */
export function readModel(bytes: ArrayBuffer | Uint8Array, options: { kernel?: Kernel } = {}): NerModel {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // Copy when unaligned so typed-array views are legal.
  const buf = u8.byteOffset % 4 === 0 ? u8 : u8.slice();
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const need = (o: number): void => { if (o > buf.byteLength) throw new ModelFormatError('NER model file is truncated'); };
  need(24);
  if (dv.getUint32(0, true) !== MAGIC) throw new ModelFormatError('Not a Hashiya NER model file');
  const version = dv.getUint32(4, true);
  if (version !== VERSION && version !== 3) throw new ModelFormatError('Unsupported NER model version');
  const T = dv.getUint32(8, true);
  const passCount = dv.getUint32(12, true);
  const window = dv.getUint32(16, true);
  const gazCount = dv.getUint32(20, true);
  if (T !== NUM_TAGS || passCount > 2 || (passCount < 1 && version < 4)) throw new ModelFormatError('Corrupt NER model header');
  let o = 24;
  need(o + gazCount * 8);
  // Stored sorted (the file compresses better and stays canonical); looked up through a hash table.
  const keys = new Uint32Array(buf.buffer, buf.byteOffset + o, gazCount);
  const vals = new Uint32Array(buf.buffer, buf.byteOffset + o + gazCount * 4, gazCount);
  for (let i = 1; i < gazCount; i++) if ((keys[i] as number) <= (keys[i - 1] as number)) throw new ModelFormatError('NER model gazetteer is not sorted');
  const gazetteer = hashedGazetteer(keys, vals);
  o += gazCount * 8;
  const passes: LinearModel[] = [];
  for (let p = 0; p < passCount; p++) {
    need(o + 16 + (T * T + T) * 4);
    const logBuckets = dv.getUint32(o, true);
    const groups = dv.getUint32(o + 4, true);
    const cols = dv.getUint32(o + 8, true);
    const scale = dv.getFloat32(o + 12, true);
    if (logBuckets > 24 || (cols !== T && cols !== T + 2)) throw new ModelFormatError('Corrupt NER model header');
    o += 16;
    const trans = new Float32Array(T * T);
    for (let i = 0; i < T * T; i++, o += 4) trans[i] = dv.getFloat32(o, true);
    const start = new Float32Array(T);
    for (let i = 0; i < T; i++, o += 4) start[i] = dv.getFloat32(o, true);
    const len = (1 << logBuckets) * cols;
    need(o + len);
    const weights = new Int8Array(buf.buffer, buf.byteOffset + o, len);
    o = (o + len + 3) & ~3;
    const lut = new Float32Array(256);
    for (let c = -128; c <= 127; c++) lut[c + 128] = Math.sign(c) * scale * (c / 127) ** 2;
    passes.push({ logBuckets, groups, weights, lut, trans, start, cols });
  }
  let neural: NeuralScorer | undefined;
  let temperature = 1;
  if (version >= 4) {
    need(o + 8);
    const flag = dv.getUint32(o, true);
    temperature = dv.getFloat32(o + 4, true);
    o += 8;
    if (flag > 1 || !(temperature > 0 && temperature < 1e6)) throw new ModelFormatError('Corrupt NER model header');
    if (flag === 1) {
      try {
        const { weights, end } = readNeural(dv, o);
        neural = new NeuralScorer(weights, options.kernel);
        o = end;
      } catch (e) {
        throw e instanceof NeuralFormatError ? new ModelFormatError(e.message) : e;
      }
    }
  }
  if (!passes.length && !neural) throw new ModelFormatError('Corrupt NER model header');
  if (o !== buf.byteLength) throw new ModelFormatError('NER model file has trailing bytes');
  return neural ? { gazetteer, passes, window, neural, temperature } : { gazetteer, passes, window, temperature };
}

/**
 * Open-addressing table over the model's gazetteer keys (already uniform 32-bit hashes), built
 * at load (5-10 ms cold): a lookup is one or two probes instead of a 17-step binary search,
 * and the tagger makes about ten per token (word, stem, classes, phrase prefixes). Slots hold
 * index + 1 into the stored arrays, 0 = empty.
 */
function hashedGazetteer(keys: Uint32Array, vals: Uint32Array): Gazetteer {
  let size = 1024;
  while (size < keys.length * 3) size <<= 1; // load factor <= 1/3: misses end at an empty slot fast
  const mask = size - 1;
  const slots = new Int32Array(size); // index + 1 into keys/vals; 0 = empty
  for (let i = 0; i < keys.length; i++) {
    let s = (keys[i] as number) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }
  return {
    get(key: number): number | undefined {
      for (let s = key & mask; ; s = (s + 1) & mask) {
        const at = slots[s] as number;
        if (at === 0) return undefined;
        if (keys[at - 1] === key) return vals[at - 1];
      }
    },
  };
}
