import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../src/core/article/article';
import type { EntityDecoration } from '../../../src/core/decorations/runs';
import { useProgressiveDecorations } from '../../../src/features/entities/use-progressive-decorations';
import { createReaderHandle } from '../../../src/shared/reader-handle';

const reader = createReaderHandle();

const blocks: Block[] = Array.from({ length: 40 }, (_, i) => ({ id: `p-${i}`, kind: 'paragraph', text: 'نص '.repeat(30) }));
const deco = (id: string, start: number): EntityDecoration => ({ kind: 'entity', start, end: start + 2, id, type: 'PERS', mentionIndex: 0 });
const full = (key = 'a') => new Map<string, EntityDecoration[]>(blocks.map((b) => [b.id, [deco(key, 0), deco('b', 4)]]));

describe('useProgressiveDecorations', () => {
  it('delivers a long article in chunks, then everything', async () => {
    vi.useFakeTimers();
    const { result } = renderHook(({ map }) => useProgressiveDecorations(reader, map, blocks, 10), { initialProps: { map: full() } });
    expect(result.current?.size).toBe(5);
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(result.current?.size).toBe(40);
    vi.useRealTimers();
  });

  it('reuses arrays that did not change, so only changed blocks re-render', async () => {
    const first = full();
    const { result, rerender } = renderHook(({ map }) => useProgressiveDecorations(reader, map, blocks, 1000), { initialProps: { map: first } });
    expect(result.current?.get('p-3')).toBe(first.get('p-3'));
    const second = full();
    second.set('p-7', [deco('c', 0)]);
    rerender({ map: second });
    expect(result.current?.get('p-3')).toBe(first.get('p-3'));
    expect(result.current?.get('p-7')).toEqual([deco('c', 0)]);
  });

  it('gives nothing before the tagger answered', () => {
    const { result } = renderHook(() => useProgressiveDecorations(reader, undefined, blocks));
    expect(result.current).toBeUndefined();
  });
});
