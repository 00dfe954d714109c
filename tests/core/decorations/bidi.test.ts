import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isolateRuns } from '../../../src/core/decorations/bidi';
import { insideWord } from '../../../src/core/decorations/words';

describe('isolateRuns', () => {
  it('isolates the Latin part of the sample dateline as one run', () => {
    const pieces = isolateRuns('الخميس 19 Sep / September 2024', 'rtl');
    expect(pieces).toEqual([
      { text: 'الخميس ', isolate: false },
      { text: '19 Sep / September 2024', isolate: true },
    ]);
  });

  it('isolates Arabic inside English text', () => {
    const pieces = isolateRuns('The word حاشية means margin note.', 'ltr');
    expect(pieces.filter((p) => p.isolate).map((p) => p.text)).toEqual(['حاشية']);
  });

  it('loses no character', () => {
    const text = 'قال Reuters إن 3.5% من G20 (مجموعة العشرين) وافقوا';
    expect(isolateRuns(text, 'rtl').map((p) => p.text).join('')).toBe(text);
  });
});

describe('isolateRuns and words', () => {
  it('isolates a Latin word with the clitic it is written after', () => {
    const pieces = isolateRuns('شركات مثل Microsoft وGoogle وOracle افتتحت', 'rtl');
    expect(pieces.filter((p) => p.isolate).map((p) => p.text)).toEqual(['Microsoft', 'وGoogle', 'وOracle']);
  });

  it('never starts or ends an isolate inside a word, and loses no character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا وab 9/.،'), { maxLength: 40 }), fc.constantFrom('rtl' as const, 'ltr' as const), (chars, dir) => {
        const text = chars.join('');
        const pieces = isolateRuns(text, dir);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        let at = 0;
        for (const piece of pieces) {
          expect(insideWord(text, at)).toBe(false);
          at += piece.text.length;
        }
      }),
    );
  });
});
