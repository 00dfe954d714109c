import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passageAround } from '../../../src/core/library/passage';
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
