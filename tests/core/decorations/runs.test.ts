import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentText, type Decoration } from '../../../src/core/decorations/runs';
import { DECORATION_LIMITS } from '../../../src/core/limits';

const text = 'وقال الرئيس فلاديمير بوتين إن روسيا وإيران';

describe('segmentText', () => {
  it('returns one plain run without decorations', () => {
    const segments = segmentText(text, []);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.runs[0]?.text).toBe(text);
  });

  it('keeps an entity whole and splits a highlight that crosses it into runs', () => {
    const putin = text.indexOf('فلاديمير');
    const decorations: Decoration[] = [
      { kind: 'entity', start: putin, end: putin + 'فلاديمير بوتين'.length, id: 'putin', type: 'PERS', mentionIndex: 0 },
      { kind: 'highlight', start: 5, end: putin + 4, id: 'h1', variant: 'yellow' },
    ];
    const segments = segmentText(text, decorations);
    const entitySegment = segments.find((s) => s.entity);
    expect(entitySegment?.runs.map((r) => r.text).join('')).toBe('فلاديمير بوتين');
    expect(entitySegment?.runs[0]?.marks.map((m) => m.id)).toEqual(['h1']);
    expect(entitySegment?.runs[1]?.marks).toEqual([]);
  });

  it('renders only the topmost highlights where thousands cover the same words, and every other kind of mark', () => {
    const many: Decoration[] = Array.from({ length: 5_000 }, (_, i) => ({ kind: 'highlight', start: 5, end: 10, id: `h${i}` }));
    const decorations: Decoration[] = [{ kind: 'shared', start: 0, end: 12, id: 'passage' }, ...many, { kind: 'search', start: 6, end: 8, id: 'hit' }];
    const runs = segmentText(text, decorations).flatMap((s) => s.runs);
    const covered = runs.find((r) => r.start === 6)!;
    expect(covered.marks.map((m) => m.id)).toEqual(['passage', ...many.slice(-DECORATION_LIMITS.highlightsPerRun).map((m) => m.id), 'hit']);
    // A few overlapping highlights are all kept.
    const few = segmentText(text, many.slice(0, 3)).flatMap((s) => s.runs);
    expect(few.find((r) => r.start === 5)?.marks.map((m) => m.id)).toEqual(['h0', 'h1', 'h2']);
  });

  it('clamps decorations outside the text and drops empty ones', () => {
    const segments = segmentText('abc', [
      { kind: 'highlight', start: -5, end: 1, id: 'a' },
      { kind: 'highlight', start: 2, end: 2, id: 'empty' },
      { kind: 'highlight', start: 2, end: 99, id: 'b' },
    ]);
    expect(segments[0]?.runs.map((r) => [r.text, r.marks.map((m) => m.id)])).toEqual([
      ['a', ['a']],
      ['b', []],
      ['c', ['b']],
    ]);
  });

  it('always reproduces the text exactly, whatever the decorations', () => {
    const range = fc.tuple(fc.integer({ min: -3, max: 50 }), fc.integer({ min: -3, max: 50 }));
    fc.assert(
      fc.property(fc.string({ maxLength: 45 }), fc.array(range, { maxLength: 8 }), fc.array(range, { maxLength: 4 }), (s, highlights, entities) => {
        const decorations: Decoration[] = [
          ...highlights.map(([a, b], i) => ({ kind: 'highlight' as const, start: Math.min(a, b), end: Math.max(a, b), id: `h${i}` })),
          ...entities.map(([a, b], i) => ({ kind: 'entity' as const, start: Math.min(a, b), end: Math.max(a, b), id: `e${i}`, type: 'LOC' as const, mentionIndex: 0 })),
        ];
        const segments = segmentText(s, decorations);
        expect(segments.flatMap((seg) => seg.runs.map((r) => r.text)).join('')).toBe(s);
        for (const seg of segments) for (const run of seg.runs) for (const m of run.marks) expect(m.start <= run.start && m.end >= run.end).toBe(true);
      }),
    );
  });
});
