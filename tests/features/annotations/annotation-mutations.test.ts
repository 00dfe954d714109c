import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { listAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { createStore } from '../../../src/core/storage/storage';
import { moveAnnotations } from '../../../src/features/annotations/annotation-mutations';
import { MemoryStorage } from '../../helpers/memory-storage';
import { ARTICLE } from './fixtures';

const make = (start: number, end: number, articleId = ARTICLE.id) => createAnnotation({ articleId, selectors: describeRange(ARTICLE, { start, end }) });

describe('moveAnnotations', () => {
  it('moves every note of one article id to another, keeping ids and dates', () => {
    const store = createStore(new MemoryStorage(), null);
    const a = make(30, 40, 'old');
    saveAnnotation(store, a);
    expect(moveAnnotations(store, 'old', 'new')).toEqual({ ok: true });
    expect(listAnnotations(store, 'old')).toEqual([]);
    expect(listAnnotations(store, 'new')).toEqual([{ ...a, articleId: 'new' }]);
  });

  it('describes the notes that anchor afresh in the new version; orphans keep their selectors', () => {
    const store = createStore(new MemoryStorage(), null);
    const old = { ...ARTICLE, id: 'old', blocks: [ARTICLE.blocks[0]!, { id: 'p-old', kind: 'paragraph' as const, text: 'مقدمة حذفت. ' + ARTICLE.blocks[1]!.text }, { id: 'p-gone', kind: 'paragraph' as const, text: 'فقرة كاملة حذفت من النسخة الجديدة ولن تعود أبدًا.' }] };
    const oldText = old.blocks.map((b) => b.text).join('\n\n');
    const q = 'خمسين ألف زائر';
    const kept = createAnnotation({ articleId: 'old', selectors: describeRange(old, { start: oldText.indexOf(q), end: oldText.indexOf(q) + q.length }) });
    const g = 'فقرة كاملة حذفت من النسخة الجديدة';
    const lost = createAnnotation({ articleId: 'old', selectors: describeRange(old, { start: oldText.indexOf(g), end: oldText.indexOf(g) + g.length }) });
    saveAnnotation(store, kept);
    saveAnnotation(store, lost);
    expect(moveAnnotations(store, 'old', ARTICLE)).toEqual({ ok: true });
    const moved = listAnnotations(store, ARTICLE.id);
    const k = moved.find((a) => a.id === kept.id)!;
    expect(k.target.blockId).toBe('p-1');
    expect(k.target.selectors[0].exact).toBe(q);
    expect(moved.find((a) => a.id === lost.id)!.target).toEqual(lost.target);
  });
});
