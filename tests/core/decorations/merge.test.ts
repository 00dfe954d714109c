import { describe, expect, it } from 'vitest';
import { mergeDecorations } from '../../../src/core/decorations/merge';
import type { Decoration } from '../../../src/core/decorations/runs';

const highlight = (id: string): Decoration => ({ kind: 'highlight', start: 0, end: 1, id });

describe('mergeDecorations', () => {
  it('unions the sources block by block, later sources last', () => {
    const a = new Map([['b1', [highlight('a1')]]]);
    const b = new Map([['b1', [highlight('b1')]], ['b2', [highlight('b2')]]]);
    const merged = mergeDecorations(a, undefined, b);
    expect(merged.get('b1')?.map((d) => d.id)).toEqual(['a1', 'b1']);
    expect(merged.get('b2')?.map((d) => d.id)).toEqual(['b2']);
  });

  it('keeps the array of a block that only one source decorates', () => {
    const only = [highlight('x')];
    const a = new Map([['b1', only]]);
    const b = new Map([['b2', [highlight('y')]]]);
    expect(mergeDecorations(a, b).get('b1')).toBe(only);
    expect(mergeDecorations(a)).toBe(a);
  });
});
