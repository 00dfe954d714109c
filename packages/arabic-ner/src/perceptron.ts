// Averaged structured perceptron over hashed features with Viterbi (BIO-constrained) decoding.
import { sentenceFeatures, type Gazetteer } from './features.ts';
import { addScores, type LinearModel } from './model.ts';
import { NUM_TAGS, isInside, viterbi } from './tags.ts';
import { seededRandom, shuffleInPlace } from './random.ts';

export interface LabelledSentence { tokens: string[]; tags: number[] }

export interface TrainOptions {
  epochs: number;
  logBuckets: number;
  groups: number;
  /** Gazetteer used for a training sentence (lets the trainer hold out a sentence's own fold). */
  gazetteerFor: (sentenceIndex: number) => Gazetteer;
  /** First-pass document bits for a training sentence (second pass only). */
  docBitsFor?: (sentenceIndex: number) => Uint16Array | undefined;
  seed?: number;
  /** Probability of hiding a token's word-identity features in a training step, so the model
   *  also learns to recognise names from context and spelling (as it must for unseen names). */
  wordDropout?: number;
  /** Loss-augmented decoding during training: a wrong tag gets this bonus (more when the gold tag
   *  is part of a name), so updates keep a margin instead of stopping at the first correct parse. */
  margin?: number;
  /** Adds the shared "any name" B/I weight columns (see LinearModel.cols). */
  anyColumns?: boolean;
  recallWeight?: number;
  /** Domain of a training sentence (0 = the domain the model ships for, news). With it, every
   *  feature weighs in twice, once in a shared table and once in its sentence's domain's table
   *  ("frustratingly easy" domain adaptation, Daumé 2007); the model returned is shared + domain 0,
   *  summed bucket by bucket, so tagging costs nothing more. */
  domainOf?: (sentenceIndex: number) => number;
  domains?: number;
  /** Called after each epoch with the averaged model; return false to stop. */
  onEpoch?: (epoch: number, model: FloatModel) => boolean | void;
}

export interface FloatModel extends LinearModel { readonly weights: Float32Array }

/**
 * Where each token's features start in a training step: after its word-identity features for a
 * `dropout` share of tokens (word dropout), else at its first feature. Reuses `buffer` when it is
 * long enough. Shared by the perceptron and the CRF learner.
 */
export function featureStarts(f: { offsets: Int32Array; lexEnd: Int32Array }, n: number, dropout: number, rand: () => number, buffer: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const from = buffer.length < n ? new Int32Array(n * 2) : buffer;
  for (let i = 0; i < n; i++) from[i] = dropout > 0 && rand() < dropout ? (f.lexEnd[i] as number) : (f.offsets[i] as number);
  return from;
}


export function trainPerceptron(data: readonly LabelledSentence[], opts: TrainOptions): FloatModel {
  const T = NUM_TAGS;
  const C = opts.anyColumns ? T + 2 : T;
  const size = (1 << opts.logBuckets) * C;
  const mask = (1 << opts.logBuckets) - 1;
  const w = new Float32Array(size);
  const u = new Float32Array(size); // Σ c·Δ for lazy averaging
  const tr = new Float32Array(T * T), trU = new Float32Array(T * T);
  const st = new Float32Array(T), stU = new Float32Array(T);
  const domains = opts.domainOf ? (opts.domains ?? 2) : 0;
  const dw = Array.from({ length: domains }, () => new Float32Array(size));
  const du = Array.from({ length: domains }, () => new Float32Array(size));
  const feats = data.map((s, i) => sentenceFeatures(s.tokens, opts.gazetteerFor(i), opts.groups, mask, opts.docBitsFor?.(i)));
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed ?? 12345);
  let c = 1;
  const averaged = (): FloatModel => {
    const aw = new Float32Array(size);
    for (let k = 0; k < size; k++) aw[k] = (w[k] as number) - (u[k] as number) / c;
    const [w0, u0] = [dw[0], du[0]];
    if (w0 && u0) for (let k = 0; k < size; k++) aw[k] = (aw[k] as number) + (w0[k] as number) - (u0[k] as number) / c;
    const at = new Float32Array(T * T);
    for (let k = 0; k < T * T; k++) at[k] = (tr[k] as number) - (trU[k] as number) / c;
    const as = new Float32Array(T);
    for (let k = 0; k < T; k++) as[k] = (st[k] as number) - (stU[k] as number) / c;
    return { logBuckets: opts.logBuckets, groups: opts.groups, weights: aw, trans: at, start: as, cols: C };
  };
  let scores = new Float32Array(0);
  let from = new Int32Array(0);
  const dropout = opts.wordDropout ?? 0;
  const margin = opts.margin ?? 0;
  const recallWeight = opts.recallWeight ?? 1;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const si of order) {
      const s = data[si] as LabelledSentence;
      const f = feats[si] as { offsets: Int32Array; buckets: Int32Array; lexEnd: Int32Array };
      const n = s.tokens.length;
      if (n === 0) continue;
      const dom = opts.domainOf?.(si) ?? -1;
      const wd = dw[dom], ud = du[dom];
      from = featureStarts(f, n, dropout, rand, from);
      if (scores.length < n * T) scores = new Float32Array(n * T * 2);
      scores.fill(0, 0, n * T);
      // Word dropout: score from `from[i]`, hiding the token's word-identity features.
      for (let i = 0; i < n; i++) {
        const view = { offsets: Int32Array.of(from[i] as number, f.offsets[i + 1] as number), buckets: f.buckets };
        addScores({ weights: w, cols: C }, view, 1, scores.subarray(i * T, i * T + T));
        if (wd) addScores({ weights: wd, cols: C }, view, 1, scores.subarray(i * T, i * T + T));
      }
      if (margin > 0) {
        for (let i = 0; i < n; i++) {
          const g = s.tags[i] as number;
          const c = g === 0 ? margin : margin * recallWeight;
          for (let t = 0; t < T; t++) if (t !== g) scores[i * T + t] = (scores[i * T + t] as number) + c;
        }
      }
      const pred = viterbi(scores, n, tr, st);
      for (let i = 0; i < n; i++) {
        const g = s.tags[i] as number, p = pred[i] as number;
        if (g !== p) {
          // Shared columns: T for any B-, T + 1 for any I-.
          const ga = g === 0 ? -1 : T + (isInside(g) ? 1 : 0), pa = p === 0 ? -1 : T + (isInside(p) ? 1 : 0);
          for (let k = from[i] as number; k < (f.offsets[i + 1] as number); k++) {
            const b = (f.buckets[k] as number) * C;
            w[b + g] = (w[b + g] as number) + 1; u[b + g] = (u[b + g] as number) + c;
            w[b + p] = (w[b + p] as number) - 1; u[b + p] = (u[b + p] as number) - c;
            if (wd && ud) {
              wd[b + g] = (wd[b + g] as number) + 1; ud[b + g] = (ud[b + g] as number) + c;
              wd[b + p] = (wd[b + p] as number) - 1; ud[b + p] = (ud[b + p] as number) - c;
            }
            if (C > T && ga !== pa) {
              if (ga >= 0) { w[b + ga] = (w[b + ga] as number) + 1; u[b + ga] = (u[b + ga] as number) + c; }
              if (pa >= 0) { w[b + pa] = (w[b + pa] as number) - 1; u[b + pa] = (u[b + pa] as number) - c; }
            }
          }
        }
        const gp = i === 0 ? -1 : (s.tags[i - 1] as number), pp = i === 0 ? -1 : (pred[i - 1] as number);
        if (g !== p || gp !== pp) {
          if (i === 0) {
            st[g] = (st[g] as number) + 1; stU[g] = (stU[g] as number) + c;
            st[p] = (st[p] as number) - 1; stU[p] = (stU[p] as number) - c;
          } else {
            const gi = gp * T + g, pi = pp * T + p;
            tr[gi] = (tr[gi] as number) + 1; trU[gi] = (trU[gi] as number) + c;
            tr[pi] = (tr[pi] as number) - 1; trU[pi] = (trU[pi] as number) - c;
          }
        }
      }
      c++;
    }
    if (opts.onEpoch && opts.onEpoch(epoch, averaged()) === false) break;
  }
  return averaged();
}
