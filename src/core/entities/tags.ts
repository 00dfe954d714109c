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
