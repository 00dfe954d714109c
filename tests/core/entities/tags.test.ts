import fc from 'fast-check';
import { isAllowedTransition, isInside, NUM_TAGS, spansFromTags, tagId, viterbi } from '../../../src/core/entities/tags.ts';

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
