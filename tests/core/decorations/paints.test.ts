import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PAINT_NAMES, paintName, paintsOf } from '../../../src/core/decorations/paints';
import { segmentText, type Decoration } from '../../../src/core/decorations/runs';
import { DECORATION_LIMITS } from '../../../src/core/limits';

const text = 'في المجالات السياسية والاقتصادية لروسيا وإيران';

describe('paints', () => {
  it('paints a mark on its exact span, inside words included', () => {
    const from = text.indexOf('جالات');
    const to = text.indexOf('لاقتصادية');
    const paints = paintsOf(segmentText(text, [{ kind: 'highlight', start: from, end: to, id: 'inside', variant: 'green' }, { kind: 'shared', start: 0, end: 2, id: 'passage' }]));
    expect(paints).toEqual([
      { name: 'shared', start: 0, end: 2, id: 'passage' },
      { name: 'highlight-green', start: from, end: to, id: 'inside' },
    ]);
    expect(text.slice(from, to)).toBe('جالات السياسية وا');
  });

  it('paints nothing inside a name: the mark’s elements there paint themselves', () => {
    const russia = text.indexOf('روسيا');
    const decorations: Decoration[] = [
      { kind: 'entity', start: russia, end: russia + 'روسيا'.length, id: 'LOC:روسيا', type: 'LOC', mentionIndex: 0 },
      { kind: 'highlight', start: text.indexOf('والاقتصادية'), end: text.length, id: 'h' },
    ];
    const segments = segmentText(text, decorations);
    expect(paintsOf(segments).map((p) => text.slice(p.start, p.end))).toEqual(['والاقتصادية ', ' وإيران']);
    const name = segments.find((s) => s.entity)!;
    expect(name.runs.map((r) => [r.text, r.marks.map((m) => m.id)])).toEqual([['لروسيا', ['h']]]);
  });

  it('names another member’s highlight apart, falls back to yellow for an unknown colour, and lists every name', () => {
    expect(paintName({ kind: 'highlight', variant: 'blue', owner: 'salma' })).toBe('highlight-others-blue');
    expect(paintName({ kind: 'highlight', variant: 'not a colour' })).toBe('highlight-yellow');
    expect(paintName({ kind: 'highlight' })).toBe('highlight-yellow');
    for (const name of ['highlight-yellow', 'highlight-others-purple', 'shared', 'search'] as const) expect(PAINT_NAMES).toContain(name);
    for (const name of PAINT_NAMES) expect(name).toMatch(/^[a-z-]+$/);
  });

  it('paints no more highlights over the same words than get elements', () => {
    const many: Decoration[] = Array.from({ length: 100 }, (_, i) => ({ kind: 'highlight', start: 3, end: 11, id: `h${i}` }));
    expect(paintsOf(segmentText(text, many))).toHaveLength(DECORATION_LIMITS.highlightsPerRun);
  });

  it('covers every character of a mark exactly once: by a paint outside names, by its element inside one', () => {
    const span = fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 40 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'لروسيا وإن،.ab '), { maxLength: 36 }), fc.array(span, { maxLength: 5 }), fc.array(span, { maxLength: 3 }), (chars, marks, names) => {
        const s = chars.join('');
        const decorations: Decoration[] = [
          ...marks.map(([a, b], i): Decoration => ({ kind: 'highlight', start: a, end: b, id: `h${i}` })),
          ...names.map(([a, b], i): Decoration => ({ kind: 'entity', start: a, end: b, id: `e${i}`, type: 'PERS', mentionIndex: 0 })),
        ];
        const segments = segmentText(s, decorations);
        const paints = paintsOf(segments);
        const inName = (i: number) => segments.some((seg) => seg.entity && seg.start <= i && seg.end > i);
        for (const [k, [a, b]] of marks.entries()) {
          for (let i = Math.max(0, a); i < Math.min(s.length, b); i += 1) {
            const painted = paints.filter((p) => p.id === `h${k}` && p.start <= i && p.end > i).length;
            expect(painted).toBe(inName(i) ? 0 : 1);
            if (inName(i)) expect(segments.flatMap((seg) => seg.runs).find((r) => r.start <= i && r.end > i)?.marks.some((m) => m.id === `h${k}`)).toBe(true);
          }
        }
        for (const p of paints) expect(p.end > p.start).toBe(true);
      }),
    );
  });
});
