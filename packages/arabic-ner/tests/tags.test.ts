import fc from 'fast-check';
import { isAllowedTransition, isInside, NUM_TAGS, spanConfidences, spansFromTags, tagId, viterbi } from '../src/tags.ts';

describe('BIO decoding', () => {
  it('never emits an invalid sequence, whatever the scores', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (n, seed) => {
      let s = seed;
      const rnd = (): number => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff - 0.5; };
      const scores = Float32Array.from({ length: n * NUM_TAGS }, () => rnd() * 10);
      // Transitions that would love invalid moves.
      const trans = Float32Array.from({ length: NUM_TAGS * NUM_TAGS }, (_, k) => (isInside(k % NUM_TAGS) ? 50 : rnd()));
      const start = Float32Array.from({ length: NUM_TAGS }, (_, t) => (isInside(t) ? 50 : 0));
      const tags = viterbi(scores, n, trans, start);
      if (isInside(tags[0] as number)) return false;
      for (let i = 1; i < n; i++) if (!isAllowedTransition(tags[i - 1] as number, tags[i] as number)) return false;
      return true;
    }));
  });
  it('reads spans like conlleval', () => {
    const t = ['B-PERS', 'I-PERS', 'O', 'B-LOC', 'B-LOC', 'I-ORG'].map(tagId);
    expect(spansFromTags(t)).toEqual([
      { start: 0, end: 2, type: 'PERS' }, { start: 3, end: 4, type: 'LOC' }, { start: 4, end: 5, type: 'LOC' }, { start: 5, end: 6, type: 'ORG' },
    ]);
  });
});

describe('span confidence', () => {
  it('is the exact probability of the span among all valid tag sequences (brute force)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.integer(), (n, seed) => {
      let s = seed;
      const rnd = (): number => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff - 0.5; };
      const scores = Float32Array.from({ length: n * NUM_TAGS }, () => rnd() * 4);
      const trans = Float32Array.from({ length: NUM_TAGS * NUM_TAGS }, () => rnd() * 2);
      const start = Float32Array.from({ length: NUM_TAGS }, () => rnd());
      // Every valid sequence with its weight.
      const seqs: Array<{ tags: number[]; w: number }> = [];
      const walk = (tags: number[]): void => {
        if (tags.length === n) {
          let lw = (start[tags[0] as number] as number) + (scores[tags[0] as number] as number);
          for (let i = 1; i < n; i++) lw += (trans[(tags[i - 1] as number) * NUM_TAGS + (tags[i] as number)] as number) + (scores[i * NUM_TAGS + (tags[i] as number)] as number);
          seqs.push({ tags, w: Math.exp(lw) });
          return;
        }
        for (let t = 0; t < NUM_TAGS; t++) {
          if (tags.length === 0 ? isInside(t) : !isAllowedTransition(tags[tags.length - 1] as number, t)) continue;
          walk([...tags, t]);
        }
      };
      walk([]);
      const z = seqs.reduce((a, x) => a + x.w, 0);
      const best = viterbi(scores, n, trans, start);
      const spans = spansFromTags(best);
      const conf = spanConfidences(scores, n, trans, start, spans);
      spans.forEach((sp, k) => {
        const key = `${sp.start}:${sp.end}:${sp.type}`;
        const p = seqs.filter((x) => spansFromTags(x.tags).some((o) => `${o.start}:${o.end}:${o.type}` === key)).reduce((a, x) => a + x.w, 0) / z;
        expect(conf[k]).toBeCloseTo(p, 6);
      });
    }), { numRuns: 40 });
  });
});
