import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insideWord, isWordChar, wholeWords } from '../../../src/core/decorations/words';

describe('words', () => {
  it('counts letters, harakat, tatweel, digits and joiners as word characters, not spaces or punctuation', () => {
    for (const ch of ['ل', 'َ', 'ـ', '٣', '9', 'a', '\u200c']) expect(isWordChar(ch), ch).toBe(true);
    for (const ch of [' ', '،', '.', '"', '-', undefined]) expect(isWordChar(ch), String(ch)).toBe(false);
  });

  it('widens a name written after a clitic to its whole word', () => {
    const text = 'بزيارة لروسيا، ثم';
    const at = text.indexOf('روسيا');
    expect(insideWord(text, at)).toBe(true);
    const words = wholeWords(text, { start: at, end: at + 'روسيا'.length });
    expect(text.slice(words.start, words.end)).toBe('لروسيا');
  });

  it('keeps a span that already sits between words (the same object)', () => {
    const span = { start: 7, end: 13 };
    expect(wholeWords('بزيارة لروسيا، ثم', span)).toBe(span);
  });

  it('widens any span to edges between words, never narrowing it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا، ab.9 '), { maxLength: 30 }), fc.nat(30), fc.nat(30), (chars, a, b) => {
        const text = chars.join('');
        const span = { start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length) };
        const words = wholeWords(text, span);
        expect(words.start <= span.start && words.end >= span.end).toBe(true);
        expect(insideWord(text, words.start) || insideWord(text, words.end)).toBe(false);
        for (let i = words.start; i < span.start; i += 1) expect(isWordChar(text[i])).toBe(true);
        for (let i = span.end; i < words.end; i += 1) expect(isWordChar(text[i])).toBe(true);
      }),
    );
  });
});
