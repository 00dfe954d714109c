import fc from 'fast-check';
import { isKinshipConnector, isNameTitle, mendNameBoundaries } from '../src/boundaries.ts';
import { GAZ, gazKey, type Gazetteer } from '../src/features.ts';
import { cleanWord } from '../src/normalise.ts';
import { sentenceSpans, type DocumentScores } from '../src/model.ts';
import { NUM_TAGS, TAGS, isAllowedTransition, isInside, spanConfidences, spansFromTags, tagId } from '../src/tags.ts';

/** A gazetteer that knows the given words with the given bits (normalised like the model's). */
const gazetteer = (entries: Record<string, number>): Gazetteer => {
  const m = new Map(Object.entries(entries).map(([w, b]) => [gazKey(cleanWord(w)), b]));
  return { get: (k) => m.get(k) };
};
const NAMES = gazetteer({ مكتوم: GAZ.SURNAME, راشد: GAZ.GIVEN, مازن: GAZ.GIVEN, الغيط: GAZ.TR_I_PERS, البابا: GAZ.TR_B_PERS, رجل: 0 });

/** Mends "word/TAG word/TAG …" (O when a word has no tag) and returns the tags the same way. */
function mend(sentence: string, gaz = NAMES): string {
  const pairs = sentence.split(' ').map((p) => p.split('/'));
  const tags = Int32Array.from(pairs.map(([, t]) => tagId(t ?? 'O')));
  const out = mendNameBoundaries(pairs.map(([w]) => w as string), tags, gaz);
  return pairs.map(([w], i) => (out[i] ? `${w}/${TAGS[out[i] as number]}` : w)).join(' ');
}

describe('mendNameBoundaries', () => {
  it('takes in a kinship connector and the name word after it', () => {
    expect(mend('استقبل محمد/B-PERS بن/I-PERS راشد/I-PERS آل مكتوم الوفد'))
      .toBe('استقبل محمد/B-PERS بن/I-PERS راشد/I-PERS آل/I-PERS مكتوم/I-PERS الوفد');
    expect(mend('وقال أحمد/B-PERS أبو الغيط إن'))
      .toBe('وقال أحمد/B-PERS أبو/I-PERS الغيط/I-PERS إن');
  });
  it('joins two spans the model cut at a connector into one name', () => {
    expect(mend('محمد/B-PERS بن راشد/B-PERS آل/I-PERS مكتوم/I-PERS'))
      .toBe('محمد/B-PERS بن/I-PERS راشد/I-PERS آل/I-PERS مكتوم/I-PERS');
    expect(mend('محمد/B-PERS بن/B-PERS راشد/I-PERS قال'))
      .toBe('محمد/B-PERS بن/I-PERS راشد/I-PERS قال');
  });
  it('never lets a name stop at its connector: the next word joins, or the name the model began there', () => {
    expect(mend('وقال عبادة/B-PERS بن/I-PERS الصامت إن')).toBe('وقال عبادة/B-PERS بن/I-PERS الصامت/I-PERS إن');
    expect(mend('محمود/B-PERS شهاب/I-PERS أبو/I-PERS الثناء/B-PERS الألوسي/I-PERS'))
      .toBe('محمود/B-PERS شهاب/I-PERS أبو/I-PERS الثناء/I-PERS الألوسي/I-PERS');
    // The first word of another type's span joins the name; the rest of that span stands alone.
    expect(mend('معاذ/B-PERS بن/I-PERS جبل/B-LOC وأبا/I-LOC')).toBe('معاذ/B-PERS بن/I-PERS جبل/I-PERS وأبا/B-LOC');
  });
  it('gives a name that opens with بن the known name word before it', () => {
    expect(mend('قال راشد بن/B-PERS مكتوم/I-PERS')).toBe('قال راشد/B-PERS بن/I-PERS مكتوم/I-PERS');
    expect(mend('قال إن بن/B-PERS لادن/I-PERS')).toBe('قال إن بن/B-PERS لادن/I-PERS');
  });
  it('leaves a connector that begins an ordinary phrase ("son of his uncle", "son of a man")', () => {
    expect(mend('علي/B-PERS ابن عمه')).toBe('علي/B-PERS ابن عمه');
    expect(mend('نعوم/B-PERS شومسكي/I-PERS ابن رجل متخصص')).toBe('نعوم/B-PERS شومسكي/I-PERS ابن رجل متخصص');
    // A word that is neither a known name part nor a name the model found.
    expect(mend('علي/B-PERS بن ذهب')).toBe('علي/B-PERS بن ذهب');
    expect(mend('أحمد/B-PERS بن')).toBe('أحمد/B-PERS بن');
  });
  it('takes in an opening أبو / ابن before a name', () => {
    expect(mend('وقال أبو مازن/B-PERS إن')).toBe('وقال أبو/B-PERS مازن/I-PERS إن');
    expect(mend('آل مكتوم/B-PERS')).toBe('آل مكتوم/B-PERS');
  });
  it('cuts titles off the start of a name, several in a row, with a conjunction too', () => {
    expect(mend('قال الرئيس/B-PERS محمد/I-PERS مرسي/I-PERS')).toBe('قال الرئيس محمد/B-PERS مرسي/I-PERS');
    expect(mend('وسمو/B-PERS الشيخ/I-PERS حمدان/I-PERS بن/I-PERS محمد/I-PERS'))
      .toBe('وسمو الشيخ حمدان/B-PERS بن/I-PERS محمد/I-PERS');
    expect(mend('الدكتور/B-PERS الشيخ/I-PERS')).toBe('الدكتور الشيخ/B-PERS');
  });
  it('keeps a title the training data starts names with, a one-word span, and other types', () => {
    expect(mend('البابا/B-PERS شنودة/I-PERS')).toBe('البابا/B-PERS شنودة/I-PERS');
    expect(mend('الرئيس/B-PERS')).toBe('الرئيس/B-PERS');
    expect(mend('الملك/B-ORG فهد/I-ORG')).toBe('الملك/B-ORG فهد/I-ORG');
  });
  it('always returns a valid BIO sequence of the same length, changing other types only at a name\'s edge', () => {
    const words = ['محمد', 'بن', 'آل', 'أبو', 'الرئيس', 'والشيخ', 'راشد', 'مكتوم', 'قال', 'في', 'ابن', 'عمه', 'مازن'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: words.length - 1 }), fc.integer({ min: 0, max: TAGS.length - 1 })), { minLength: 1, maxLength: 12 }), (draw) => {
      const tokens = draw.map(([w]) => words[w] as string);
      const tags = Int32Array.from(draw.map(([, t]) => t));
      for (let i = 0; i < tags.length; i++) if (isInside(tags[i] as number) && (i === 0 || !isAllowedTransition(tags[i - 1] as number, tags[i] as number))) tags[i] = (tags[i] as number) - 1;
      const out = mendNameBoundaries(tokens, tags, NAMES);
      if (out.length !== tags.length || isInside(out[0] as number)) return false;
      for (let i = 1; i < out.length; i++) if (!isAllowedTransition(out[i - 1] as number, out[i] as number)) return false;
      const pers = (t: number): boolean => t === tagId('B-PERS') || t === tagId('I-PERS');
      // O and PERS tags move among themselves; another type's span changes only when its first word
      // is taken into a name (B-LOC → I-PERS) and the rest of it begins anew (I-LOC → B-LOC).
      return out.every((t, i) => {
        const was = tags[i] as number;
        if (t === was) return true;
        if (was === 0 || pers(was)) return t === 0 || pers(t);
        return isInside(was) ? t === was - 1 : pers(t);
      });
    }));
  });
});

describe('word classes of the boundary step', () => {
  it('knows the connectors and titles, with alef and hamza spellings', () => {
    for (const w of ['بن', 'ابن', 'بنت', 'أبو', 'ابو', 'أبي', 'أبا', 'آل']) expect(isKinshipConnector(w)).toBe(true);
    for (const w of ['محمد', 'في', 'الرئيس']) expect(isKinshipConnector(w)).toBe(false);
    for (const w of ['الرئيس', 'والرئيس', 'الأمير', 'الشيخ', 'د.', 'سمو', 'وسمو']) expect(isNameTitle(w)).toBe(true);
    for (const w of ['أمين', 'محمد', 'رئيس', 'البابا']) expect(isNameTitle(w)).toBe(false);
  });
});

describe('sentenceSpans', () => {
  it("gives a mended name the confidence of the model's span it grew from, others their own", () => {
    const tags = (...t: string[]): Int32Array => Int32Array.from(t.map(tagId));
    const modelTags = tags('B-PERS', 'I-PERS', 'O', 'B-LOC');
    const mended = tags('B-PERS', 'I-PERS', 'I-PERS', 'B-LOC');
    const scores = Float32Array.from({ length: 4 * NUM_TAGS }, (_, k) => Math.sin(k) * 3);
    const trans = new Float32Array(NUM_TAGS * NUM_TAGS), start = new Float32Array(NUM_TAGS);
    const doc: DocumentScores = { scores: [scores], tags: [mended], modelTags: [modelTags], trans, start, temperature: 2 };
    const own = spanConfidences(scores, 4, trans, start, spansFromTags(modelTags), 2);
    expect(sentenceSpans(doc, 0)).toEqual([
      { start: 0, end: 3, type: 'PERS', confidence: own[0] },
      { start: 3, end: 4, type: 'LOC', confidence: own[1] },
    ]);
  });
});
