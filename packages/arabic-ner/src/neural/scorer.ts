// The neural scorer: emission scores for the BIO-masked Viterbi decoder from word vectors, hashed
// word properties (neural-features.ts) and, optionally, the perceptron's own scores; a 1-D dilated
// convolutional network trained by scripts/ner/neural.py and packed by scripts/ner/pack.ts into the
// model file's neural section (format below). Weights are int8 (one scale per output), word vectors
// product-quantised (m bytes each); everything is expanded once at load onto the kernel's heap.
import { NUM_TAGS } from '../tags.ts';
import { createKernel, LINEAR, RESIDUAL, type Kernel } from './kernel.ts';

export const NEURAL_MAGIC = 0x5255454e; // "NEUR"
/** How the perceptron's scores take part: not at all, as inputs, or as inputs added to the output. */
export const PERCEPTRON_MODES = ['none', 'input', 'sum'] as const;
export type PerceptronMode = (typeof PERCEPTRON_MODES)[number];

/** A product-quantised vector table: `count` keys (sorted), m one-byte codes each, m codebooks of
 *  256 sub-vectors of dim/m floats, and the learnt vector for words without one. */
export interface VectorTable { keys: Uint32Array; codes: Uint8Array; m: number; dim: number; books: Float32Array; oov: Float32Array }
/** An int8 matrix (rows × cols, row-major) with one scale per row. */
export interface Int8Matrix { rows: number; cols: number; scales: Float32Array; codes: Int8Array }

export interface NeuralWeights {
  logBuckets: number;
  groups: number;
  bagDim: number;
  width: number;
  kernel: number;
  dilations: number[];
  perceptron: PerceptronMode;
  scoreScale: number;
  tables: VectorTable[];
  /** (2^logBuckets) × bagDim, stored transposed: one row (with its scale) per bag dimension. */
  bag: Int8Matrix;
  /** width × (Σ table dims + bagDim + 9 if the perceptron is an input), as PyTorch's Linear. */
  inp: Int8Matrix; inpBias: Float32Array;
  /** Per layer: width × (width · kernel), PyTorch's Conv1d layout out × in × k. */
  convs: Int8Matrix[]; convBias: Float32Array[];
  out: Int8Matrix; outBias: Float32Array;
  trans: Float32Array; start: Float32Array;
}

const pad4 = (x: number): number => (x + 3) & ~3;

/** Quantises a row-major float matrix to int8 with one symmetric scale per row. */
export function quantiseRows(values: Float32Array, rows: number, cols: number): Int8Matrix {
  const scales = new Float32Array(rows);
  const codes = new Int8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < cols; c++) max = Math.max(max, Math.abs(values[r * cols + c] as number));
    const s = max / 127 || 1;
    scales[r] = s;
    for (let c = 0; c < cols; c++) codes[r * cols + c] = Math.round((values[r * cols + c] as number) / s);
  }
  return { rows, cols, scales, codes };
}

/** Bytes of the neural section (see writeNeural). */
export function neuralSize(w: NeuralWeights): number {
  let size = 4 * (11 + w.dilations.length);
  for (const t of w.tables) size += 12 + t.keys.length * 4 + pad4(t.codes.length) + t.books.length * 4 + t.dim * 4;
  for (const m of [w.bag, w.inp, ...w.convs, w.out]) size += 8 + m.rows * 4 + pad4(m.codes.length);
  size += 4 * (w.inpBias.length + w.convBias.reduce((a, b) => a + b.length, 0) + w.outBias.length + w.trans.length + w.start.length);
  return size;
}

export function writeNeural(w: NeuralWeights, dv: DataView, at: number): number {
  let o = at;
  const u32 = (v: number): void => { dv.setUint32(o, v, true); o += 4; };
  const f32s = (a: Float32Array): void => { for (const v of a) { dv.setFloat32(o, v, true); o += 4; } };
  const bytes = (a: Uint8Array | Int8Array): void => { new Uint8Array(dv.buffer, dv.byteOffset + o, a.length).set(new Uint8Array(a.buffer, a.byteOffset, a.length)); o = pad4(o + a.length); };
  u32(NEURAL_MAGIC); u32(w.logBuckets); u32(w.groups); u32(w.bagDim); u32(w.width); u32(w.kernel);
  u32(PERCEPTRON_MODES.indexOf(w.perceptron)); f32s(Float32Array.of(w.scoreScale)); u32(w.tables.length); u32(w.dilations.length);
  u32(0); // reserved
  for (const d of w.dilations) u32(d);
  for (const t of w.tables) {
    u32(t.keys.length); u32(t.dim); u32(t.m);
    for (const k of t.keys) u32(k);
    bytes(t.codes); f32s(t.books); f32s(t.oov);
  }
  for (const m of [w.bag, w.inp, ...w.convs, w.out]) { u32(m.rows); u32(m.cols); f32s(m.scales); bytes(m.codes); }
  f32s(w.inpBias); for (const b of w.convBias) f32s(b); f32s(w.outBias); f32s(w.trans); f32s(w.start);
  return o;
}

export class NeuralFormatError extends Error { override name = 'NeuralFormatError'; }

/** Reads the neural section at `at`; returns the weights (views into the buffer) and its end. */
export function readNeural(dv: DataView, at: number): { weights: NeuralWeights; end: number } {
  let o = at;
  const need = (bytes: number): void => { if (o + bytes > dv.byteLength) throw new NeuralFormatError('NER model file is truncated (neural section)'); };
  const u32 = (): number => { need(4); const v = dv.getUint32(o, true); o += 4; return v; };
  const f32s = (n: number): Float32Array => { need(n * 4); const a = new Float32Array(n); for (let i = 0; i < n; i++, o += 4) a[i] = dv.getFloat32(o, true); return a; };
  const u8s = (n: number): Uint8Array => { need(n); const a = new Uint8Array(dv.buffer, dv.byteOffset + o, n); o = pad4(o + n); return a; };
  if (u32() !== NEURAL_MAGIC) throw new NeuralFormatError('Corrupt NER model (no neural section)');
  const logBuckets = u32(), groups = u32(), bagDim = u32(), width = u32(), kernel = u32();
  const perceptron = PERCEPTRON_MODES[u32()];
  const scoreScale = (f32s(1)[0] as number);
  const tableCount = u32(), layers = u32();
  u32();
  if (!perceptron || logBuckets > 22 || bagDim > 256 || width > 512 || width % 4 || kernel > 9 || kernel % 2 === 0 || tableCount > 4 || layers > 8) throw new NeuralFormatError('Corrupt NER model (neural header)');
  const dilations = Array.from({ length: layers }, () => u32());
  if (dilations.some((d) => d < 1 || d > 64)) throw new NeuralFormatError('Corrupt NER model (neural header)');
  const tables: VectorTable[] = [];
  for (let k = 0; k < tableCount; k++) {
    const count = u32(), dim = u32(), m = u32();
    if (m < 1 || dim % m || dim > 1024 || count > 1 << 22) throw new NeuralFormatError('Corrupt NER model (vector table)');
    need(count * 4);
    const keys = new Uint32Array(count);
    for (let i = 0; i < count; i++, o += 4) keys[i] = dv.getUint32(o, true);
    for (let i = 1; i < count; i++) if ((keys[i] as number) <= (keys[i - 1] as number)) throw new NeuralFormatError('Corrupt NER model (vector keys not sorted)');
    const codes = u8s(count * m);
    tables.push({ keys, codes, m, dim, books: f32s(m * 256 * (dim / m)), oov: f32s(dim) });
  }
  const matrix = (rows: number, cols: number): Int8Matrix => {
    if (u32() !== rows || u32() !== cols) throw new NeuralFormatError('Corrupt NER model (matrix shape)');
    const scales = f32s(rows);
    const u = u8s(rows * cols);
    return { rows, cols, scales, codes: new Int8Array(u.buffer, u.byteOffset, u.length) };
  };
  const inDim = tables.reduce((a, t) => a + t.dim, 0) + bagDim + (perceptron === 'none' ? 0 : NUM_TAGS);
  const bag = matrix(bagDim, 1 << logBuckets);
  const inp = matrix(width, inDim);
  const convs = dilations.map(() => matrix(width, width * kernel));
  const out = matrix(NUM_TAGS, width);
  const inpBias = f32s(width);
  const convBias = dilations.map(() => f32s(width));
  const outBias = f32s(NUM_TAGS);
  const trans = f32s(NUM_TAGS * NUM_TAGS), start = f32s(NUM_TAGS);
  return { weights: { logBuckets, groups, bagDim, width, kernel, dilations, perceptron, scoreScale, tables, bag, inp, inpBias, convs, convBias, out, outBias, trans, start }, end: o };
}

/** Open-addressing index from a table's sorted keys to their rows (built at load). */
function keyIndex(keys: Uint32Array): (key: number) => number {
  let size = 1024;
  while (size < keys.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size);
  for (let i = 0; i < keys.length; i++) {
    let s = (keys[i] as number) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }
  return (key) => {
    if (key === 0) return -1;
    for (let s = key & mask; ; s = (s + 1) & mask) {
      const at = slots[s] as number;
      if (at === 0) return -1;
      if (keys[at - 1] === key) return at - 1;
    }
  };
}

export interface NeuralToken { ids: ArrayLike<number>; from: number; to: number; wordKey: number; stemKey: number }

/** Where each weight lives on the kernel's heap, and the tables expanded for fast lookups. */
export class NeuralScorer {
  readonly kernel: Kernel;
  readonly weights: NeuralWeights;
  private readonly bag: Float32Array; // (2^B) × bagDim, dequantised
  private readonly rowOf: Array<(key: number) => number>;
  /** Per table: the first layer's contribution of each sub-vector code, m × 256 × width, then the
   *  out-of-vocabulary vector's, width: a word vector costs m additions of a row, not a product. */
  private readonly proj: Float32Array[];
  private readonly restIn: number; // bag + perceptron inputs of the first layer
  private readonly wRest: number; private readonly bIn: number;
  private readonly wConv: number[]; private readonly bConv: number[];
  private readonly wOut: number; private readonly bOut: number;
  private readonly pad: number;
  static readonly OUT_COLS = 12; // 9 tags padded to the kernel's multiple of 4

  constructor(weights: NeuralWeights, kernel: Kernel = createKernel()) {
    this.weights = weights;
    this.kernel = kernel;
    const w = weights, W = w.width;
    const deq = (m: Int8Matrix, r: number, c: number): number => (m.codes[r * m.cols + c] as number) * (m.scales[r] as number);
    const B = 1 << w.logBuckets;
    this.bag = new Float32Array(B * w.bagDim);
    for (let d = 0; d < w.bagDim; d++) for (let i = 0; i < B; i++) this.bag[i * w.bagDim + d] = deq(w.bag, d, i);
    this.rowOf = w.tables.map((t) => keyIndex(t.keys));
    let col = 0;
    this.proj = w.tables.map((t) => {
      const sub = t.dim / t.m;
      const p = new Float32Array((t.m * 256 + 1) * W);
      for (let j = 0; j < t.m; j++) for (let c = 0; c < 256; c++) {
        const base = (j * 256 + c) * W;
        for (let o = 0; o < W; o++) {
          let s = 0;
          for (let d = 0; d < sub; d++) s += (t.books[(j * 256 + c) * sub + d] as number) * deq(w.inp, o, col + j * sub + d);
          p[base + o] = s;
        }
      }
      for (let o = 0; o < W; o++) {
        let s = 0;
        for (let d = 0; d < t.dim; d++) s += (t.oov[d] as number) * deq(w.inp, o, col + d);
        p[t.m * 256 * W + o] = s;
      }
      col += t.dim;
      return p;
    });
    // Kernel layouts: w[t][c][j] (tap, input, output).
    this.restIn = w.inp.cols - col;
    const heapMatrix = (rows: number, cols: number, taps: number, get: (j: number, c: number, t: number) => number, outCols = rows): number => {
      const at = kernel.alloc(taps * cols * outCols);
      const h = kernel.heap();
      for (let t = 0; t < taps; t++) for (let c = 0; c < cols; c++) for (let j = 0; j < rows; j++) h[at + (t * cols + c) * outCols + j] = get(j, c, t);
      return at;
    };
    const heapVector = (v: Float32Array, len = v.length): number => {
      const at = kernel.alloc(len);
      kernel.heap().set(v, at);
      return at;
    };
    this.wRest = heapMatrix(W, this.restIn, 1, (j, c) => deq(w.inp, j, col + c));
    this.bIn = heapVector(w.inpBias);
    this.wConv = w.convs.map((m) => heapMatrix(W, W, w.kernel, (j, c, t) => deq(m, j, c * w.kernel + t)));
    this.bConv = w.convBias.map((b) => heapVector(b));
    const OUT = NeuralScorer.OUT_COLS;
    this.wOut = heapMatrix(NUM_TAGS, W, 1, (j, c) => deq(w.out, j, c), OUT);
    this.bOut = heapVector(w.outBias, OUT);
    this.pad = Math.max(0, ...w.dilations) * (w.kernel >> 1);
  }

  /**
   * Emission scores (n × 9) for one sentence. `tokens` gives each token's hashed ids and vector
   * keys; `perceptron` the perceptron's scores (n × 9) when the model uses them.
   */
  emissions(tokens: { offsets: Int32Array; ids: Int32Array; wordKeys: Uint32Array; stemKeys: Uint32Array }, n: number, perceptron?: Float32Array): Float32Array {
    const w = this.weights, W = w.width, D = w.bagDim, R = this.restIn, k = this.kernel;
    const out = new Float32Array(n * NUM_TAGS);
    if (n === 0) return out;
    const mark = k.mark();
    try {
      const x = k.alloc(n * R);
      const rows = n + 2 * this.pad;
      let h = k.alloc(rows * W), h2 = k.alloc(rows * W);
      const e = k.alloc(n * NeuralScorer.OUT_COLS);
      let heap = k.heap();
      const fr = Math.fround;
      const mask = (1 << w.logBuckets) - 1;
      const usePerceptron = w.perceptron !== 'none';
      const inv = 1 / w.scoreScale;
      for (let i = 0; i < n; i++) {
        const row = x + i * R;
        for (let q = tokens.offsets[i] as number; q < (tokens.offsets[i + 1] as number); q++) {
          const b = ((tokens.ids[q] as number) & mask) * D;
          for (let d = 0; d < D; d++) heap[row + d] = fr((heap[row + d] as number) + (this.bag[b + d] as number));
        }
        if (usePerceptron && perceptron) for (let t = 0; t < NUM_TAGS; t++) heap[row + D + t] = fr((perceptron[i * NUM_TAGS + t] as number) * inv);
      }
      const data = (buf: number): number => buf + this.pad * W;
      k.conv(x, data(h), this.wRest, this.bIn, n, R, W, 1, 1, LINEAR);
      heap = k.heap();
      // Word vectors through the first layer: m rows of the projected codebooks each.
      for (let i = 0; i < n; i++) {
        const row = data(h) + i * W;
        w.tables.forEach((t, ti) => {
          const p = this.proj[ti] as Float32Array;
          const r = (this.rowOf[ti] as (key: number) => number)(ti === 0 ? (tokens.wordKeys[i] as number) : (tokens.stemKeys[i] as number));
          if (r < 0) {
            const base = t.m * 256 * W;
            for (let o = 0; o < W; o++) heap[row + o] = fr((heap[row + o] as number) + (p[base + o] as number));
            return;
          }
          for (let j = 0; j < t.m; j++) {
            const base = (j * 256 + (t.codes[r * t.m + j] as number)) * W;
            for (let o = 0; o < W; o++) heap[row + o] = fr((heap[row + o] as number) + (p[base + o] as number));
          }
        });
        for (let o = 0; o < W; o++) heap[row + o] = Math.max(heap[row + o] as number, 0);
      }
      w.dilations.forEach((dil, l) => {
        heap = k.heap();
        heap.copyWithin(data(h2), data(h), data(h) + n * W);
        k.conv(data(h), data(h2), this.wConv[l] as number, this.bConv[l] as number, n, W, W, w.kernel, dil, RESIDUAL);
        [h, h2] = [h2, h];
      });
      k.conv(data(h), e, this.wOut, this.bOut, n, W, NeuralScorer.OUT_COLS, 1, 1, LINEAR);
      heap = k.heap();
      const add = w.perceptron === 'sum' && perceptron;
      for (let i = 0; i < n; i++) for (let t = 0; t < NUM_TAGS; t++) {
        const v = heap[e + i * NeuralScorer.OUT_COLS + t] as number;
        out[i * NUM_TAGS + t] = add ? fr(v + fr((perceptron[i * NUM_TAGS + t] as number) * inv)) : v;
      }
    } finally {
      k.reset(mark);
    }
    return out;
  }
}
