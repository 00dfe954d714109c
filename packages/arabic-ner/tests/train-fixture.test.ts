import { GAZ, ALL_GROUPS_MASK } from '../src/features.ts';
import { readModel, predictSentence, serializeModel } from '../src/model.ts';
import { trainPerceptron, type LabelledSentence } from '../src/perceptron.ts';
import { tagId, TAGS } from '../src/tags.ts';
import { evaluateSpans } from '../src/evaluate.ts';

const raw = `قال	O
الرئيس	O
كمال	B-PERS
نور	I-PERS
في	O
القاهرة	B-LOC

زار	O
وفد	O
شركة	O
نفط	B-ORG
الشمال	I-ORG
مدينة	O
أسوان	B-LOC

وصل	O
سمير	B-PERS
إلى	O
دمشق	B-LOC
أمس	O
`;

function parse(text: string): LabelledSentence[] {
  return text.trim().split(/\n\s*\n/).map((block) => {
    const rows = block.split('\n').map((r) => r.split('\t') as [string, string]);
    return { tokens: rows.map((r) => r[0]), tags: rows.map((r) => tagId(r[1])) };
  });
}

describe('training on a tiny fixture', () => {
  it('learns it, deterministically, and survives quantisation', () => {
    const data = parse(raw);
    const gaz = new Map<number, number>();
    void GAZ;
    const opts = { epochs: 10, logBuckets: 12, groups: ALL_GROUPS_MASK, gazetteerFor: () => gaz, seed: 1 };
    const m1 = trainPerceptron(data, opts);
    const m2 = trainPerceptron(data, opts);
    expect(Array.from(m1.weights)).toEqual(Array.from(m2.weights));
    const model = readModel(serializeModel({ gazetteer: gaz, passes: [m1], window: 0 }));
    for (const s of data) expect(Array.from(predictSentence(model, s.tokens)).map((t) => TAGS[t])).toEqual(s.tags.map((t) => TAGS[t]));
    const res = evaluateSpans(data.map((s) => s.tags), data.map((s) => predictSentence(model, s.tokens)));
    expect(res.micro.f1).toBe(1);
  });
  it('rejects corrupt model files with a clear error', () => {
    expect(() => readModel(new Uint8Array(10))).toThrow(/truncated|NER model/);
    expect(() => readModel(new Uint8Array(64))).toThrow(/Not a Hashiya NER model/);
  });
});
