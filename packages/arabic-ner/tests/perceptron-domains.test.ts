import { ALL_GROUPS_MASK } from '../src/features.ts';
import { readModel, predictSentence, serializeModel } from '../src/model.ts';
import { trainPerceptron, type LabelledSentence } from '../src/perceptron.ts';
import { tagId } from '../src/tags.ts';

// Per-domain weights (ner:train --wikifane-adapt): the other domain labels the same word another
// way; the shipped (domain 0) model must keep domain 0's reading, which a plain mix loses.
const sentence = (tag: string): LabelledSentence => ({ tokens: ['زار', 'نادي', 'الوفد', 'أمس'], tags: ['O', 'O', tag, 'O'].map(tagId) });
const news = Array.from({ length: 2 }, () => sentence('B-PERS'));
const encyclopaedia = Array.from({ length: 20 }, () => sentence('B-ORG'));
const data = [...news, ...encyclopaedia];
const gaz = new Map<number, number>();
const opts = { epochs: 8, logBuckets: 12, groups: ALL_GROUPS_MASK, gazetteerFor: () => gaz, seed: 3 };
const tagOfWord = (model: ReturnType<typeof trainPerceptron>): number =>
  predictSentence({ gazetteer: gaz, passes: [model], window: 0, temperature: 1 }, news[0]!.tokens)[2] as number;

describe('per-domain weights', () => {
  it('keep the shipped domain’s labels where the other domain disagrees', () => {
    expect(tagOfWord(trainPerceptron(data, opts))).toBe(tagId('B-ORG'));
    expect(tagOfWord(trainPerceptron(data, { ...opts, domainOf: (i) => (i < news.length ? 0 : 1) }))).toBe(tagId('B-PERS'));
  });
});

describe('pruning the written weights', () => {
  it('zeroes small codes only and keeps the file loadable', () => {
    const model = trainPerceptron(data, opts);
    const codes = (prune: number): Int8Array => readModel(serializeModel({ gazetteer: gaz, passes: [model], window: 0 }, { prune })).passes[0]!.weights as Int8Array;
    const full = codes(0), pruned = codes(40);
    let kept = 0, zeroed = 0;
    for (let i = 0; i < full.length; i++) {
      if (Math.abs(full[i]!) <= 40) expect(pruned[i]).toBe(0);
      else { expect(pruned[i]).toBe(full[i]); kept++; }
      if (full[i] !== 0 && pruned[i] === 0) zeroed++;
    }
    expect(kept).toBeGreaterThan(0);
    expect(zeroed).toBeGreaterThan(0);
  });
});
