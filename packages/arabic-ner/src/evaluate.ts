// Exact-span precision / recall / F1 as conlleval computes them.
import { ENTITY_TYPES, spansFromTags } from './tags.ts';

export interface TypeScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface EvalResult { perType: Record<string, TypeScore>; micro: TypeScore }

function score(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function evaluateSpans(gold: ReadonlyArray<ArrayLike<number>>, pred: ReadonlyArray<ArrayLike<number>>): EvalResult {
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of ENTITY_TYPES) c[t] = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const gs = spansFromTags(g);
    const ps = spansFromTags(pred[i] ?? []);
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
    const gset = new Set(gs.map(key));
    const pset = new Set(ps.map(key));
    for (const s of ps) { const e = c[s.type]; if (e) { if (gset.has(key(s))) e.tp++; else e.fp++; } }
    for (const s of gs) { const e = c[s.type]; if (e && !pset.has(key(s))) e.fn++; }
  });
  const perType: Record<string, TypeScore> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const t of ENTITY_TYPES) {
    const e = c[t] as { tp: number; fp: number; fn: number };
    perType[t] = score(e.tp, e.fp, e.fn);
    tp += e.tp; fp += e.fp; fn += e.fn;
  }
  return { perType, micro: score(tp, fp, fn) };
}
