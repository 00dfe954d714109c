import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { listAllAnnotations, listAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { toWebAnnotationCollection } from '../../../src/core/annotations/export';
import { createStore } from '../../../src/core/storage/storage';
import { importJson, moveAnnotations } from '../../../src/features/annotations/annotation-mutations';
import { MemoryStorage } from '../../helpers/memory-storage';
import { ARTICLE } from './fixtures';

const make = (start: number, end: number, articleId = ARTICLE.id) => createAnnotation({ articleId, selectors: describeRange(ARTICLE, { start, end }) });

describe('importJson', () => {
  it('merges by id, does not double, reports rejects and bad files', () => {
    const source = createStore(new MemoryStorage(), null);
    const a = make(30, 40);
    const b = make(50, 60);
    saveAnnotation(source, a);
    saveAnnotation(source, b);
    const json = JSON.stringify({ ...toWebAnnotationCollection(listAllAnnotations(source), () => 'x'), items: [...toWebAnnotationCollection([a, b], () => 'x').items, { id: 'bad' }] });
    const target = createStore(new MemoryStorage(), null);
    const first = importJson(target, json);
    expect(first).toMatchObject({ ok: true, report: { added: 2, updated: 0, unchanged: 0 } });
    if (first.ok) expect(first.report.rejected).toHaveLength(1);
    expect(importJson(target, json)).toMatchObject({ ok: true, report: { added: 0, unchanged: 2 } });
    expect(listAnnotations(target, ARTICLE.id)).toHaveLength(2);
    expect(importJson(target, '{not json')).toEqual({ ok: false, reason: 'not-json' });
  });

  it('a full store reports quota and saves nothing', () => {
    const source = toWebAnnotationCollection([make(30, 40)], () => 'x');
    const target = createStore(new MemoryStorage(10), null);
    expect(importJson(target, JSON.stringify(source))).toMatchObject({ ok: false, reason: 'quota' });
  });
});

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
