import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passageAround, passageAroundAll, type PassageMark } from '../../../src/core/library/passage';
import { insideWord } from '../../../src/core/decorations/words';

describe('passageAround', () => {
  it('marks the whole words a name after a clitic falls in, and says where the name is in them', () => {
    const text = 'وبينما تقول الصين والهند الحليفتان التقليديتان لروسيا، إنهما قلقتان';
    const at = text.indexOf('روسيا');
    const passage = passageAround(text, at, at + 'روسيا'.length, 20);
    expect(passage.match).toBe('لروسيا،');
    expect(passage.match.slice(passage.exact.start, passage.exact.end)).toBe('روسيا');
    expect(passage.before.startsWith('…')).toBe(true);
    expect(passage.after).toBe(' إنهما قلقتان');
  });

  it('always rebuilds the text around the span, cutting it only between words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا، ab. '), { maxLength: 40 }), fc.nat(40), fc.nat(40), fc.nat(10), (chars, a, b, context) => {
        const text = chars.join('');
        const start = Math.min(a, b, text.length);
        const end = Math.min(Math.max(a, b), text.length);
        const p = passageAround(text, start, end, context);
        const whole = `${p.before.replace(/^…/, '')}${p.match}${p.after.replace(/…$/, '')}`;
        expect(text.includes(whole)).toBe(true);
        const matchAt = text.indexOf(p.match, start - p.exact.start);
        expect(matchAt).toBe(start - p.exact.start);
        expect(p.match.slice(p.exact.start, p.exact.end)).toBe(text.slice(start, end));
        expect(insideWord(text, matchAt) || insideWord(text, matchAt + p.match.length)).toBe(false);
      }),
    );
  });
});

describe('passageAroundAll', () => {
  it('marks every span near the first, each around whole words, and rebuilds the text between them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا، ab. '), { maxLength: 60 }), fc.uniqueArray(fc.nat(60), { maxLength: 6 }), fc.nat(10), (chars, cuts, context) => {
        const text = chars.join('');
        const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
        const spans = [];
        for (let i = 0; i + 1 < points.length; i += 2) spans.push({ start: points[i]!, end: points[i + 1]! });
        const pieces = passageAroundAll(text, spans, context, 30);
        const whole = pieces.map((p) => (typeof p === 'string' ? p : p.words)).join('').replace(/^…/, '').replace(/…$/, '');
        expect(text.includes(whole)).toBe(true);
        const marks = pieces.filter((p): p is PassageMark => typeof p !== 'string');
        expect(marks.length > 0).toBe(spans.length > 0);
        let at = text.indexOf(whole);
        for (const piece of pieces) {
          if (typeof piece === 'string') {
            at += piece.replace(/^…|…$/g, '').length;
            continue;
          }
          expect(text.slice(at, at + piece.words.length)).toBe(piece.words);
          expect(insideWord(text, at) || insideWord(text, at + piece.words.length)).toBe(false);
          expect(piece.exact.start).toBeGreaterThanOrEqual(0);
          expect(piece.exact.end).toBeLessThanOrEqual(piece.words.length);
          at += piece.words.length;
        }
      }),
    );
  });
});
