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

/** A training sentence's features: bucket ids per token, word-identity ones first (up to lexEnd). */
export type SentenceFeatures = ReturnType<typeof sentenceFeatures>;

/** One training step: a sentence, its features, and where each token's features start after word
 *  dropout (past its word-identity features for a `wordDropout` share of tokens, so context and
 *  spelling learn to carry unseen names). */
export interface TrainingStep { index: number; sentence: LabelledSentence; features: SentenceFeatures; from: Int32Array }

/**
 * The loop both learners share (perceptron, CRF): every sentence's features once, then per epoch a
 * seeded shuffle, `learn` for each non-empty sentence, and `onEpoch` with `snapshot()`. The order of
 * random draws (shuffle, then dropout per sentence) is what makes a seed reproduce a model.
 */
export function trainEpochs(data: readonly LabelledSentence[], opts: TrainOptions, snapshot: () => FloatModel, learn: (step: TrainingStep) => void): void {
  const mask = (1 << opts.logBuckets) - 1;
  const feats = data.map((s, i) => sentenceFeatures(s.tokens, opts.gazetteerFor(i), opts.groups, mask, opts.docBitsFor?.(i)));
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed ?? 12345);
  const dropout = opts.wordDropout ?? 0;
  let from = new Int32Array(0);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const index of order) {
      const sentence = data[index] as LabelledSentence;
      const features = feats[index] as SentenceFeatures;
      const n = sentence.tokens.length;
      if (n === 0) continue;
      if (from.length < n) from = new Int32Array(n * 2);
      for (let i = 0; i < n; i++) from[i] = dropout > 0 && rand() < dropout ? (features.lexEnd[i] as number) : (features.offsets[i] as number);
      learn({ index, sentence, features, from });
    }
    if (opts.onEpoch && opts.onEpoch(epoch, snapshot()) === false) break;
  }
}

/**
 * A step's emission scores (n × 9, in `buffer` when it is long enough) under the sum of weight
 * tables of `cols` columns, each token from its first kept feature, times `scale`; with
 * `opts.margin`, every wrong tag gets that bonus (times `recallWeight` on a name token:
 * loss-augmented decoding).
 */
export function stepScores(step: TrainingStep, tables: ReadonlyArray<Float32Array>, cols: number, opts: Pick<TrainOptions, 'margin' | 'recallWeight'>, buffer: Float32Array, scale = 1): Float32Array {
  const T = NUM_TAGS;
  const { sentence: s, features: f, from } = step;
  const n = s.tokens.length;
  const scores = buffer.length < n * T ? new Float32Array(n * T * 2) : buffer;
  scores.fill(0, 0, n * T);
  for (let i = 0; i < n; i++) {
    const view = { offsets: Int32Array.of(from[i] as number, f.offsets[i + 1] as number), buckets: f.buckets };
    for (const weights of tables) addScores({ weights, cols }, view, 1, scores.subarray(i * T, i * T + T));
    if (scale !== 1) for (let t = 0; t < T; t++) scores[i * T + t] = (scores[i * T + t] as number) * scale;
  }
  const margin = opts.margin ?? 0;
  if (margin > 0) {
    const recallWeight = opts.recallWeight ?? 1;
    for (let i = 0; i < n; i++) {
      const g = s.tags[i] as number;
      const c = g === 0 ? margin : margin * recallWeight;
      for (let t = 0; t < T; t++) if (t !== g) scores[i * T + t] = (scores[i * T + t] as number) + c;
    }
  }
  return scores;
}

export function trainPerceptron(data: readonly LabelledSentence[], opts: TrainOptions): FloatModel {
  const T = NUM_TAGS;
  const C = opts.anyColumns ? T + 2 : T;
  const size = (1 << opts.logBuckets) * C;
  const w = new Float32Array(size);
  const u = new Float32Array(size); // Σ c·Δ for lazy averaging
  const tr = new Float32Array(T * T), trU = new Float32Array(T * T);
  const st = new Float32Array(T), stU = new Float32Array(T);
  const domains = opts.domainOf ? (opts.domains ?? 2) : 0;
  const dw = Array.from({ length: domains }, () => new Float32Array(size));
  const du = Array.from({ length: domains }, () => new Float32Array(size));
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
  let scores: Float32Array = new Float32Array(0);
  trainEpochs(data, opts, averaged, (step) => {
    const { sentence: s, features: f, from } = step;
    const n = s.tokens.length;
    const dom = opts.domainOf?.(step.index) ?? -1;
    const wd = dw[dom], ud = du[dom];
    // Word dropout: each token scores from `from[i]`, its word-identity features hidden.
    scores = stepScores(step, wd ? [w, wd] : [w], C, opts, scores);
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
  });
  return averaged();
}
