import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import { annotationsKey, deleteAnnotation, listAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { BACKUP_PREFIX } from '../../../src/core/storage/keys';
import { browserStorage, createStore, type StoredCollection } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';
const note = (start: number, text = '') =>
  createAnnotation({ articleId: 'art-1', selectors: describeText(TEXT, { start, end: start + 5 }, 'p-0000001'), note: text });

const things: StoredCollection<{ name: string }> = {
  key: 'hashiya:things',
  version: 1,
  itemSchema: v.object({ name: v.string() }),
  fallback: () => ({}),
};

/** localStorage whose reads throw (for some keys) while writes still work: the fault. */
class UnreadableStorage extends MemoryStorage {
  unreadable = new Set<string>();
  override getItem(key: string): string | null {
    if (this.unreadable.has(key)) throw new DOMException('read failed', 'UnknownError');
    return super.getItem(key);
  }
}

describe('storage faults (issue 15)', () => {
  it('a read that failed blocks the write to that key and tells the reader', () => {
    const backend = new UnreadableStorage();
    const store = createStore(backend, null);
    const kept = [note(0, 'one'), note(10, 'two'), note(20, 'three')];
    for (const n of kept) saveAnnotation(store, n);
    const before = backend.getItem(annotationsKey('art-1'));

    backend.unreadable.add(annotationsKey('art-1'));
    const result = saveAnnotation(store, note(30, 'four'));
    expect(result).toEqual({ ok: false, reason: 'unreadable' });
    expect(store.problems()).toContainEqual({ kind: 'read-failed', key: annotationsKey('art-1') });
    backend.unreadable.clear();
    expect(backend.getItem(annotationsKey('art-1'))).toBe(before);
    expect(listAnnotations(store, 'art-1').map((a) => a.note)).toEqual(['one', 'two', 'three']);
    // Once the key reads again, writing works again.
    expect(saveAnnotation(store, note(30, 'four'))).toEqual({ ok: true });
    expect(listAnnotations(store, 'art-1')).toHaveLength(4);
  });

  it('when the backup of an invalid item cannot be written, the original is never overwritten', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    const good = note(0, 'good');
    saveAnnotation(store, good);
    const raw = JSON.parse(backend.getItem(annotationsKey('art-1'))!);
    raw.data['bad-one'] = { id: 'bad-one', note: 42 };
    const original = JSON.stringify(raw);
    backend.setItem(annotationsKey('art-1'), original);

    // Too little room for a backup copy of that value.
    const tight = new MemoryStorage(original.length + annotationsKey('art-1').length + 50);
    for (const [k, val] of backend.map) tight.setItem(k, val);
    const fresh = createStore(tight, null);
    expect(listAnnotations(fresh, 'art-1').map((a) => a.id)).toEqual([good.id]);
    expect(fresh.problems()).toContainEqual({ kind: 'corrupt', key: annotationsKey('art-1'), backupKey: null });

    expect(deleteAnnotation(fresh, 'art-1', good.id)).toEqual({ ok: false, reason: 'not-backed-up' });
    expect(tight.getItem(annotationsKey('art-1'))).toBe(original);
    expect(saveAnnotation(fresh, note(30))).toEqual({ ok: false, reason: 'not-backed-up' });
    expect(tight.getItem(annotationsKey('art-1'))).toBe(original);
  });

  it('once there is room for the backup, the write goes ahead after backing up', () => {
    const tight = new MemoryStorage(400);
    tight.setItem('hashiya:things', JSON.stringify({ v: 1, data: { a: { name: 'kept' }, b: { name: 7 } } }));
    tight.setItem('hashiya:filler', 'x'.repeat(250));
    const store = createStore(tight, null);
    expect(store.readCollection(things)).toEqual({ a: { name: 'kept' } });
    expect(store.updateCollection(things, (items) => ({ ...items, c: { name: 'new' } }))).toEqual({ ok: false, reason: 'not-backed-up' });
    tight.removeItem('hashiya:filler');
    expect(store.updateCollection(things, (items) => ({ ...items, c: { name: 'new' } }))).toEqual({ ok: true });
    const backups = [...tight.map.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(backups).toHaveLength(1);
    expect(tight.getItem(backups[0]!)).toContain('"b":{"name":7}');
  });

  it('a nearly full localStorage is "full", not "unavailable": what is saved still reads', () => {
    const backend = new MemoryStorage(300);
    backend.setItem('hashiya:things', JSON.stringify({ v: 1, data: { a: { name: 'saved' } } }));
    backend.setItem('filler', 'x'.repeat(300 - backend.getItem('hashiya:things')!.length - 'hashiya:things'.length - 'filler'.length));
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', { value: backend, configurable: true });
    try {
      const found = browserStorage();
      expect(found.storage).toBe(backend);
      expect(found.full).toBe(true);
      const store = createStore(found.storage, null, { full: found.full });
      expect(store.available).toBe(true);
      expect(store.readCollection(things)).toEqual({ a: { name: 'saved' } });
      expect(store.problems().map((p) => p.kind)).toEqual(['full']);
    } finally {
      if (original) Object.defineProperty(globalThis, 'localStorage', original);
    }
  });
});

describe('ids that are names of Object.prototype (issue 15)', () => {
  const hostile = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

  it('a collection stores and reads back items under any of them, and never finds one that is absent', () => {
    const store = createStore(new MemoryStorage(), null);
    expect(store.readCollection(things).constructor).toBeUndefined();
    for (const id of hostile) {
      expect(store.readCollection(things)[id]).toBeUndefined();
      expect(store.updateCollection(things, (items) => ({ ...items, [id]: { name: id } }))).toEqual({ ok: true });
    }
    const items = store.readCollection(things);
    expect(Object.keys(items).sort()).toEqual([...hostile].sort());
    for (const id of hostile) expect(items[id]).toEqual({ name: id });
  });

  it('a note whose id is __proto__ is saved, listed, and deleted', () => {
    const store = createStore(new MemoryStorage(), null);
    for (const id of hostile) expect(saveAnnotation(store, { ...note(0, id), id })).toEqual({ ok: true });
    expect(listAnnotations(store, "art-1").map((a) => a.id).sort()).toEqual([...hostile].sort());
    expect(deleteAnnotation(store, 'art-1', '__proto__')).toEqual({ ok: true });
    expect(listAnnotations(store, 'art-1').map((a) => a.id)).not.toContain('__proto__');
    expect(listAnnotations(store, 'art-1')).toHaveLength(hostile.length - 1);
  });
});
