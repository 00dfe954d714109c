import { PHRASE_SHIFT } from '../src/features.ts';
import { phraseKey, trainingGazetteer } from '../src/gazetteer.ts';
import { tagId } from '../src/tags.ts';

// WikiFANE labels a book "في اندونيسيا" as a name: as a phrase entry it would fire on every
// "in Indonesia" of the news (it did, on the sample article), so WikiFANE training leaves it out.
const labelled = (tokens: string[], tags: string[]) => ({ tokens, tags: tags.map(tagId) });
const data = [
  labelled(['صدر', 'كتاب', 'في', 'إندونيسيا', 'أمس'], ['O', 'O', 'B-MISC', 'I-MISC', 'O']),
  labelled(['زار', 'قطاع', 'غزة'], ['O', 'B-LOC', 'I-LOC']),
];
const phraseType = (map: Map<number, number>, words: string[]): number => ((map.get(phraseKey(words)) ?? 0) >>> PHRASE_SHIFT) & 0xf;

describe('training gazetteer phrases', () => {
  it('leaves out names that start with a preposition when asked, and only those', () => {
    const plain = trainingGazetteer(data, new Map());
    const skipping = trainingGazetteer(data, new Map(), 0.3, 1, { skipPrepositionNames: true });
    expect(phraseType(plain, ['في', 'اندونيسيا'])).toBe(1 << 3);
    expect(phraseType(skipping, ['في', 'اندونيسيا'])).toBe(0);
    expect(phraseType(skipping, ['قطاع', 'غزة'])).toBe(1 << 1);
  });
});
