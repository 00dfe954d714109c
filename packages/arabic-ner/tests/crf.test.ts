import { ALL_GROUPS_MASK } from '../src/features.ts';
import { marginals, trainCrf } from '../src/crf.ts';
import { readModel, predictSentence, serializeModel } from '../src/model.ts';
import { NUM_TAGS, isAllowedTransition, isInside, tagId } from '../src/tags.ts';
import { seededRandom } from '../src/random.ts';

const T = NUM_TAGS;

/** Every valid tag sequence of length n with its unnormalised log-score. */
function enumerate(scores: Float32Array, n: number, trans: Float32Array, start: Float32Array): Array<{ tags: number[]; s: number }> {
  const out: Array<{ tags: number[]; s: number }> = [];
  const rec = (tags: number[], s: number): void => {
    const i = tags.length;
    if (i === n) { out.push({ tags: [...tags], s }); return; }
    for (let t = 0; t < T; t++) {
      if (i === 0 ? isInside(t) : !isAllowedTransition(tags[i - 1] as number, t)) continue;
      const add = (i === 0 ? (start[t] as number) : (trans[(tags[i - 1] as number) * T + t] as number)) + (scores[i * T + t] as number);
      rec([...tags, t], s + add);
    }
  };
  rec([], 0);
  return out;
}

describe('CRF learner', () => {
  it('computes node and edge marginals equal to brute-force enumeration', () => {
    const rand = seededRandom(7);
    const n = 4;
    const scores = Float32Array.from({ length: n * T }, () => rand() * 4 - 2);
    const trans = Float32Array.from({ length: T * T }, () => rand() * 2 - 1);
    const start = Float32Array.from({ length: T }, () => rand() - 0.5);
    const node = new Float64Array(n * T), edge = new Float64Array(T * T), first = new Float64Array(T);
    const logZ = marginals(scores, n, trans, start, node, edge, first);
    const seqs = enumerate(scores, n, trans, start);
    const z = seqs.reduce((a, q) => a + Math.exp(q.s), 0);
    expect(logZ).toBeCloseTo(Math.log(z), 6);
    const bNode = new Float64Array(n * T), bEdge = new Float64Array(T * T);
    for (const q of seqs) {
      const p = Math.exp(q.s) / z;
      q.tags.forEach((t, i) => { bNode[i * T + t] = (bNode[i * T + t] as number) + p; if (i) bEdge[(q.tags[i - 1] as number) * T + t] = (bEdge[(q.tags[i - 1] as number) * T + t] as number) + p; });
    }
    for (let k = 0; k < n * T; k++) expect(node[k]).toBeCloseTo(bNode[k] as number, 6);
    for (let k = 0; k < T * T; k++) expect(edge[k]).toBeCloseTo(bEdge[k] as number, 6);
    for (let t = 0; t < T; t++) expect(first[t]).toBeCloseTo(bNode[t] as number, 6);
  });

  it('learns a small labelled set deterministically, through the shipped format', () => {
    const rows = [
      [['قال', 'O'], ['الرئيس', 'O'], ['كمال', 'B-PERS'], ['نور', 'I-PERS'], ['في', 'O'], ['القاهرة', 'B-LOC']],
      [['زار', 'O'], ['وفد', 'O'], ['شركة', 'O'], ['نفط', 'B-ORG'], ['الشمال', 'I-ORG'], ['مدينة', 'O'], ['أسوان', 'B-LOC']],
      [['وصل', 'O'], ['سمير', 'B-PERS'], ['إلى', 'O'], ['دمشق', 'B-LOC'], ['أمس', 'O']],
    ];
    const data = rows.map((r) => ({ tokens: r.map((x) => x[0] as string), tags: r.map((x) => tagId(x[1] as string)) }));
    const gaz = new Map<number, number>();
    const opts = { epochs: 30, logBuckets: 12, groups: ALL_GROUPS_MASK, gazetteerFor: () => gaz, seed: 3, l2: 0.01, learningRate: 0.5 };
    const m1 = trainCrf(data, opts);
    expect(Array.from(trainCrf(data, opts).weights)).toEqual(Array.from(m1.weights));
    const model = readModel(serializeModel({ gazetteer: gaz, passes: [m1], window: 0 }));
    for (const s of data) expect(Array.from(predictSentence(model, s.tokens))).toEqual(s.tags);
    // A stronger penalty keeps the weights smaller.
    const strong = trainCrf(data, { ...opts, l2: 10 });
    const norm = (w: Float32Array): number => w.reduce((a, x) => a + x * x, 0);
    expect(norm(strong.weights)).toBeLessThan(norm(m1.weights));
  });
});
