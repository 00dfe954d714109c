// The NER model: hashed feature weights (int8), BIO transitions and a hashed gazetteer, plus the
// compact binary format the app ships.
import { sentenceFeatures, type Gazetteer } from './features.ts';
import { NUM_TAGS, viterbi } from './tags.ts';

export interface NerModel {
  readonly logBuckets: number;
  readonly groups: number;
  /** Weight per bucket × tag: floats while training, int8 codes into `lut` once shipped. */
  readonly weights: Float32Array | Int8Array;
  /** Dequantisation table indexed by code + 128 (absent for float weights). */
  readonly lut?: Float32Array;
  readonly trans: Float32Array;
  readonly start: Float32Array;
  readonly gazetteer: Gazetteer;
}

const MAGIC = 0x524e4848; // "HHNR" little-endian
const VERSION = 1;

/** Tags (ids) for one sentence of tokens. */
export function predictSentence(model: NerModel, tokens: readonly string[]): Int32Array {
  const n = tokens.length;
  if (n === 0) return new Int32Array(0);
  const T = NUM_TAGS;
  const { offsets, buckets } = sentenceFeatures(tokens, model.gazetteer, model.groups, (1 << model.logBuckets) - 1);
  const scores = new Float32Array(n * T);
  const w = model.weights;
  const lut = model.lut;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = offsets[i] as number, e = offsets[i + 1] as number; k < e; k++) {
      const b = (buckets[k] as number) * T;
      if (lut) for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (lut[(w[b + t] as number) + 128] as number);
      else for (let t = 0; t < T; t++) scores[base + t] = (scores[base + t] as number) + (w[b + t] as number);
    }
  }
  return viterbi(scores, n, model.trans, model.start);
}

/**
 * Quantises float weights to int8 codes on a square-law scale (fine steps near zero, where most
 * averaged-perceptron weights live; coarse for the few large ones) and serialises the model.
 */
export function serializeModel(m: { logBuckets: number; groups: number; weights: Float32Array; trans: Float32Array; start: Float32Array; gazetteer: Gazetteer }): Uint8Array {
  let scale = 0;
  for (let i = 0; i < m.weights.length; i++) scale = Math.max(scale, Math.abs(m.weights[i] as number));
  scale = scale || 1;
  const q = new Int8Array(m.weights.length);
  for (let i = 0; i < q.length; i++) {
    const v = m.weights[i] as number;
    q[i] = Math.sign(v) * Math.round(127 * Math.sqrt(Math.abs(v) / scale));
  }
  const gaz = [...m.gazetteer.entries()].sort((a, b) => a[0] - b[0]);
  const T = NUM_TAGS;
  const headerBytes = 6 * 4 + (T * T + T) * 4 + 4;
  const gazBytes = gaz.length * 6;
  const buf = new ArrayBuffer(headerBytes + gazBytes + q.length);
  const dv = new DataView(buf);
  let o = 0;
  const u32 = (v: number): void => { dv.setUint32(o, v, true); o += 4; };
  const f32 = (v: number): void => { dv.setFloat32(o, v, true); o += 4; };
  u32(MAGIC); u32(VERSION); u32(m.logBuckets); u32(T); u32(m.groups); f32(scale);
  for (const v of m.trans) f32(v);
  for (const v of m.start) f32(v);
  u32(gaz.length);
  for (const [k] of gaz) u32(k);
  for (const [, v] of gaz) { dv.setUint16(o, v, true); o += 2; }
  new Int8Array(buf, o).set(q);
  return new Uint8Array(buf);
}

export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

/** Parses a model file. Weights stay int8 (a view, no copy) and are scaled at scoring time. */
export function loadModel(bytes: ArrayBuffer | Uint8Array): NerModel {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // Copy when unaligned so typed-array views are legal.
  const buf = u8.byteOffset % 4 === 0 ? u8 : u8.slice();
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 24 || dv.getUint32(0, true) !== MAGIC) throw new ModelFormatError('Not a Hashiya NER model file');
  if (dv.getUint32(4, true) !== VERSION) throw new ModelFormatError('Unsupported NER model version');
  const logBuckets = dv.getUint32(8, true);
  const T = dv.getUint32(12, true);
  if (T !== NUM_TAGS || logBuckets > 24) throw new ModelFormatError('Corrupt NER model header');
  const groups = dv.getUint32(16, true);
  const scale = dv.getFloat32(20, true);
  let o = 24;
  const trans = new Float32Array(T * T);
  for (let i = 0; i < T * T; i++, o += 4) trans[i] = dv.getFloat32(o, true);
  const start = new Float32Array(T);
  for (let i = 0; i < T; i++, o += 4) start[i] = dv.getFloat32(o, true);
  const gazCount = dv.getUint32(o, true);
  o += 4;
  const expected = o + gazCount * 6 + (1 << logBuckets) * T;
  if (buf.byteLength !== expected) throw new ModelFormatError(`NER model is truncated (${buf.byteLength} of ${expected} bytes)`);
  const gazetteer = new Map<number, number>();
  const valOff = o + gazCount * 4;
  for (let i = 0; i < gazCount; i++) gazetteer.set(dv.getUint32(o + i * 4, true), dv.getUint16(valOff + i * 2, true));
  o = valOff + gazCount * 2;
  const weights = new Int8Array(buf.buffer, buf.byteOffset + o, (1 << logBuckets) * T);
  const lut = new Float32Array(256);
  for (let c = -128; c <= 127; c++) lut[c + 128] = Math.sign(c) * scale * (c / 127) ** 2;
  return { logBuckets, groups, weights, lut, trans, start, gazetteer };
}
