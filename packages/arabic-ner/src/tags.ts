// BIO tag inventory and the transition mask that keeps decoded sequences valid.

export const ENTITY_TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;
export type ModelEntityType = (typeof ENTITY_TYPES)[number];

/** Tag ids: 0 = O, then B-/I- pairs in ENTITY_TYPES order. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const NUM_TAGS = TAGS.length;

export function tagId(tag: string): number {
  const i = TAGS.indexOf(tag);
  if (i < 0) throw new Error(`Unknown tag: ${tag}`);
  return i;
}

export function isInside(tag: number): boolean {
  return tag > 0 && tag % 2 === 0;
}

export function tagType(tag: number): ModelEntityType | null {
  return tag === 0 ? null : (ENTITY_TYPES[(tag - 1) >> 1] ?? null);
}

/** I-X may only follow B-X or I-X. */
export function isAllowedTransition(prev: number, cur: number): boolean {
  if (!isInside(cur)) return true;
  return prev === cur || prev === cur - 1;
}

/** Viterbi over per-token scores (n × T) with first-order transitions; never emits invalid BIO. */
export function viterbi(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array): Int32Array {
  const T = NUM_TAGS;
  const out = new Int32Array(n);
  if (n === 0) return out;
  const delta = new Float32Array(n * T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++) delta[t] = isInside(t) ? -Infinity : (start[t] as number) + (scores[t] as number);
  for (let i = 1; i < n; i++) {
    const base = i * T;
    const prevBase = base - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      const inside = isInside(t);
      for (let p = 0; p < T; p++) {
        if (inside && p !== t && p !== t - 1) continue;
        const v = (delta[prevBase + p] as number) + (trans[p * T + t] as number);
        if (v > best) { best = v; arg = p; }
      }
      delta[base + t] = best + (scores[base + t] as number);
      back[base + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    const v = delta[last + t] as number;
    if (v > best) { best = v; arg = t; }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * T + arg] as number;
    out[i - 1] = arg;
  }
  return out;
}

/** Spans [start, end) with their type from a tag sequence (conlleval semantics for valid input). */
export function spansFromTags(tags: ArrayLike<number>): Array<{ start: number; end: number; type: ModelEntityType }> {
  const spans: Array<{ start: number; end: number; type: ModelEntityType }> = [];
  let cur: { start: number; end: number; type: ModelEntityType } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    const type = tagType(t);
    if (type && isInside(t) && cur && cur.type === type) { cur.end = i + 1; continue; }
    if (cur) { spans.push(cur); cur = null; }
    if (type) cur = { start: i, end: i + 1, type };
  }
  if (cur) spans.push(cur);
  return spans;
}

/** log(exp(a) + exp(b)) without overflow; -Infinity is the empty sum. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The probability of each span, under the linear-chain model that Viterbi decodes (scores as
 * log-potentials, the same BIO mask): P(tokens start..end-1 form exactly this name), from the
 * forward and backward sums. For a CRF-trained scorer this is the span's marginal probability.
 */
export function spanConfidences(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array, spans: ReadonlyArray<{ start: number; end: number; type: ModelEntityType }>, temperature = 1): number[] {
  if (n === 0 || spans.length === 0) return spans.map(() => 0);
  ({ scores, trans, start } = tempered(scores, trans, start, temperature));
  const T = NUM_TAGS;
  const { alpha, beta, logZ } = forwardBackward(scores, n, trans, start);
  return spans.map((sp) => {
    const b = 1 + 2 * ENTITY_TYPES.indexOf(sp.type), inside = b + 1;
    let lp = alpha[sp.start * T + b] as number;
    let prev = b;
    for (let i = sp.start + 1; i < sp.end; i++) {
      lp += (trans[prev * T + inside] as number) + (scores[i * T + inside] as number);
      prev = inside;
    }
    // The name ends here: the next tag is anything but its own I-.
    let tail = sp.end >= n ? 0 : -Infinity;
    if (sp.end < n) for (let u = 0; u < T; u++) if (u !== inside && isAllowedTransition(prev, u)) tail = logAdd(tail, (trans[prev * T + u] as number) + (scores[sp.end * T + u] as number) + (beta[sp.end * T + u] as number));
    return Math.min(1, Math.exp(lp + tail - logZ));
  });
}

/**
 * Each token's probability of each tag (n × T, row-major) under the same model: with the decoded
 * tag's, the token-level confidence.
 */
export function tokenMarginals(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array, temperature = 1): Float64Array {
  const T = NUM_TAGS;
  const out = new Float64Array(n * T);
  if (n === 0) return out;
  ({ scores, trans, start } = tempered(scores, trans, start, temperature));
  const { alpha, beta, logZ } = forwardBackward(scores, n, trans, start);
  for (let k = 0; k < n * T; k++) out[k] = Math.exp((alpha[k] as number) + (beta[k] as number) - logZ);
  return out;
}

/** Scores, transitions and start weights divided by a temperature (calibration; 1 = as they are). */
function tempered(scores: Float32Array, trans: Float32Array, start: Float32Array, temperature: number): { scores: Float32Array; trans: Float32Array; start: Float32Array } {
  if (temperature === 1) return { scores, trans, start };
  const div = (a: Float32Array): Float32Array => a.map((x) => x / temperature);
  return { scores: div(scores), trans: div(trans), start: div(start) };
}

/** Forward and backward log-sums under the BIO mask, and the log partition. */
function forwardBackward(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array): { alpha: Float64Array; beta: Float64Array; logZ: number } {
  const T = NUM_TAGS;
  const alpha = new Float64Array(n * T).fill(-Infinity);
  const beta = new Float64Array(n * T).fill(-Infinity);
  for (let t = 0; t < T; t++) if (!isInside(t)) alpha[t] = (start[t] as number) + (scores[t] as number);
  for (let i = 1; i < n; i++) for (let t = 0; t < T; t++) {
    let s = -Infinity;
    for (let p = 0; p < T; p++) if (isAllowedTransition(p, t)) s = logAdd(s, (alpha[(i - 1) * T + p] as number) + (trans[p * T + t] as number));
    alpha[i * T + t] = s + (scores[i * T + t] as number);
  }
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = 0;
  for (let i = n - 2; i >= 0; i--) for (let t = 0; t < T; t++) {
    let s = -Infinity;
    for (let u = 0; u < T; u++) if (isAllowedTransition(t, u)) s = logAdd(s, (trans[t * T + u] as number) + (scores[(i + 1) * T + u] as number) + (beta[(i + 1) * T + u] as number));
    beta[i * T + t] = s;
  }
  let logZ = -Infinity;
  for (let t = 0; t < T; t++) logZ = logAdd(logZ, alpha[(n - 1) * T + t] as number);
  return { alpha, beta, logZ };
}

/** Log-probability of a (valid) tag sequence under the same model, scores divided by `temperature`. */
export function sequenceLogProbability(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array, tags: ArrayLike<number>, temperature = 1): number {
  if (n === 0) return 0;
  ({ scores, trans, start } = tempered(scores, trans, start, temperature));
  let s = (start[tags[0] as number] as number) + (scores[tags[0] as number] as number);
  for (let i = 1; i < n; i++) s += (trans[(tags[i - 1] as number) * NUM_TAGS + (tags[i] as number)] as number) + (scores[i * NUM_TAGS + (tags[i] as number)] as number);
  return s - forwardBackward(scores, n, trans, start).logZ;
}
