// A linear-chain CRF over the perceptron's hashed features, trained by stochastic gradient ascent
// on the log-likelihood with an L2 penalty (and optionally a softmax-margin recall cost). It
// writes the same weight table as the perceptron (FloatModel), so the shipped format, decoder and
// speed do not change: only how the weights are learnt.
import { stepScores, trainEpochs, type FloatModel, type LabelledSentence, type TrainOptions } from './perceptron.ts';
import { NUM_TAGS, isAllowedTransition, isInside } from './tags.ts';

export interface CrfOptions extends Omit<TrainOptions, 'anyColumns' | 'domainOf' | 'domains'> {
  /** L2 strength λ of the objective Σ log p(gold) − λ/2 ‖w‖² (over all sentences). */
  l2: number;
  /** Initial learning rate; it decays as η₀ / (1 + step / sentences). */
  learningRate: number;
}

/** log Σ exp over a small array slice (−Infinity entries allowed). */
function logSumExp(xs: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if ((xs[i] as number) > m) m = xs[i] as number;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp((xs[i] as number) - m);
  return m + Math.log(s);
}

/**
 * Node and edge marginals of one sentence under the BIO mask: `node` (n × T) and `edge` summed over
 * positions (T × T, i ≥ 1), `first` (T) for position 0. Returns the log partition.
 */
export function marginals(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array, node: Float64Array, edge: Float64Array, first: Float64Array): number {
  const T = NUM_TAGS;
  const alpha = new Float64Array(n * T).fill(-Infinity);
  const beta = new Float64Array(n * T).fill(-Infinity);
  const tmp = new Float64Array(T);
  for (let t = 0; t < T; t++) if (!isInside(t)) alpha[t] = (start[t] as number) + (scores[t] as number);
  for (let i = 1; i < n; i++) for (let t = 0; t < T; t++) {
    for (let p = 0; p < T; p++) tmp[p] = isAllowedTransition(p, t) ? (alpha[(i - 1) * T + p] as number) + (trans[p * T + t] as number) : -Infinity;
    alpha[i * T + t] = logSumExp(tmp, T) + (scores[i * T + t] as number);
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 0;
  for (let i = n - 2; i >= 0; i--) for (let t = 0; t < T; t++) {
    for (let u = 0; u < T; u++) tmp[u] = isAllowedTransition(t, u) ? (trans[t * T + u] as number) + (scores[(i + 1) * T + u] as number) + (beta[(i + 1) * T + u] as number) : -Infinity;
    beta[i * T + t] = logSumExp(tmp, T);
  }
  for (let t = 0; t < T; t++) tmp[t] = alpha[(n - 1) * T + t] as number;
  const logZ = logSumExp(tmp, T);
  for (let k = 0; k < n * T; k++) node[k] = Math.exp((alpha[k] as number) + (beta[k] as number) - logZ);
  for (let t = 0; t < T; t++) first[t] = node[t] as number;
  edge.fill(0);
  for (let i = 1; i < n; i++) for (let p = 0; p < T; p++) {
    const a = alpha[(i - 1) * T + p] as number;
    if (a === -Infinity) continue;
    for (let t = 0; t < T; t++) {
      if (!isAllowedTransition(p, t)) continue;
      edge[p * T + t] = (edge[p * T + t] as number) + Math.exp(a + (trans[p * T + t] as number) + (scores[i * T + t] as number) + (beta[i * T + t] as number) - logZ);
    }
  }
  return logZ;
}

export function trainCrf(data: readonly LabelledSentence[], opts: CrfOptions): FloatModel {
  const T = NUM_TAGS;
  const size = (1 << opts.logBuckets) * T;
  // The weights are scale · v, so the L2 shrinkage of every weight at each step is one multiply.
  const v = new Float32Array(size);
  let scale = 1;
  const tr = new Float32Array(T * T), st = new Float32Array(T);
  const N = data.length;
  let step = 0;
  let scores: Float32Array = new Float32Array(0), node = new Float64Array(0);
  const edge = new Float64Array(T * T), first = new Float64Array(T);
  const snapshot = (): FloatModel => ({ logBuckets: opts.logBuckets, groups: opts.groups, weights: v.map((x) => x * scale), trans: tr.slice(), start: st.slice(), cols: T });
  trainEpochs(data, opts, snapshot, (sentenceStep) => {
    const { sentence: s, features: f, from } = sentenceStep;
    const n = s.tokens.length;
    const lr = opts.learningRate / (1 + step / N);
    step++;
    scale *= 1 - lr * opts.l2 / N;
    if (scale < 1e-6) { for (let k = 0; k < size; k++) v[k] = (v[k] as number) * scale; scale = 1; }
    // With a margin, softmax-margin: every wrong tag made likelier in the partition, more on name tokens.
    scores = stepScores(sentenceStep, [v], T, opts, scores, scale);
    if (node.length < n * T) node = new Float64Array(scores.length);
    marginals(scores, n, tr, st, node, edge, first);
    const g0 = s.tags[0] as number;
    for (let t = 0; t < T; t++) st[t] = (st[t] as number) + lr * ((t === g0 ? 1 : 0) - (first[t] as number));
    for (let i = 1; i < n; i++) { const k = (s.tags[i - 1] as number) * T + (s.tags[i] as number); tr[k] = (tr[k] as number) + lr; }
    for (let k = 0; k < T * T; k++) tr[k] = (tr[k] as number) - lr * (edge[k] as number);
    const step1 = lr / scale;
    for (let i = 0; i < n; i++) {
      const g = s.tags[i] as number;
      const e = f.offsets[i + 1] as number;
      for (let k = from[i] as number; k < e; k++) {
        const b = (f.buckets[k] as number) * T;
        for (let t = 0; t < T; t++) v[b + t] = (v[b + t] as number) + step1 * ((t === g ? 1 : 0) - (node[i * T + t] as number));
      }
    }
  });
  return snapshot();
}
