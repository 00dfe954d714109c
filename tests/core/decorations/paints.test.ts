import { describe, expect, it } from 'vitest';
import { PAINT_NAMES, paintName, paintsOf } from '../../../src/core/decorations/paints';
import { segmentText, type Decoration } from '../../../src/core/decorations/runs';
import { DECORATION_LIMITS } from '../../../src/core/limits';

const text = 'في المجالات السياسية والاقتصادية';

describe('paints', () => {
  it('paints each mark on its exact span, inside words included, once however many runs it spans', () => {
    const from = text.indexOf('جالات');
    const to = text.indexOf('لاقتصادية');
    const decorations: Decoration[] = [
      { kind: 'entity', start: 3, end: 11, id: 'e', type: 'MISC', mentionIndex: 0 },
      { kind: 'highlight', start: from, end: to, id: 'inside', variant: 'green' },
      { kind: 'shared', start: 0, end: 2, id: 'passage' },
    ];
    const paints = paintsOf(segmentText(text, decorations));
    expect(paints).toEqual([
      { name: 'shared', start: 0, end: 2, id: 'passage' },
      { name: 'highlight-green', start: from, end: to, id: 'inside' },
    ]);
    expect(text.slice(from, to)).toBe('جالات السياسية وا');
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
});
