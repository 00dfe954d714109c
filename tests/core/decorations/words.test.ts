import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insideWord, isSpace, wholeWords } from '../../../src/core/decorations/words';

describe('words', () => {
  it('ends words only at white space: clitics, harakat, tatweel, digits, joiners and punctuation are part of them', () => {
    for (const ch of [' ', '\n', '\u00a0', '\t']) expect(isSpace(ch), JSON.stringify(ch)).toBe(true);
    for (const ch of ['ل', 'َ', 'ـ', '٣', '9', 'a', '\u200c', '،', '.', '"', '-', undefined]) expect(isSpace(ch), String(ch)).toBe(false);
  });

  it('widens a name written after a clitic to its whole word', () => {
    const text = 'بزيارة لروسيا ثم';
    const at = text.indexOf('روسيا');
    expect(insideWord(text, at)).toBe(true);
    const words = wholeWords(text, { start: at, end: at + 'روسيا'.length });
    expect(text.slice(words.start, words.end)).toBe('لروسيا');
  });

  it('keeps the punctuation written against a word with it', () => {
    const text = 'روسيا بمسيّرات، غير أنها';
    const at = text.indexOf('بمسيّرات');
    const words = wholeWords(text, { start: at, end: at + 'بمسيّرات'.length });
    expect(text.slice(words.start, words.end)).toBe('بمسيّرات،');
  });

  it('keeps a span that already sits between words (the same object)', () => {
    const span = { start: 7, end: 13 };
    expect(wholeWords('بزيارة لروسيا ثم', span)).toBe(span);
  });

  it('widens any span to edges between words, never narrowing it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا، ab.9 '), { maxLength: 30 }), fc.nat(30), fc.nat(30), (chars, a, b) => {
        const text = chars.join('');
        const span = { start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length) };
        const words = wholeWords(text, span);
        expect(words.start <= span.start && words.end >= span.end).toBe(true);
        expect(insideWord(text, words.start) || insideWord(text, words.end)).toBe(false);
        for (let i = words.start; i < span.start; i += 1) expect(isSpace(text[i])).toBe(false);
        for (let i = span.end; i < words.end; i += 1) expect(isSpace(text[i])).toBe(false);
      }),
    );
  });
});
