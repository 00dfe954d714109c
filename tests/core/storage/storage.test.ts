import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { annotationsKey } from '../../../src/core/annotations/annotation-store';
import type { StoreChange } from '../../../src/core/storage/changes';
import { BACKUP_PREFIX, storageKeys } from '../../../src/core/storage/keys';
import { createStore, type StoredCollection, type StoredValue } from '../../../src/core/storage/storage';
import { MemoryStorage, ThrowingStorage } from '../../helpers/memory-storage';

const valueSpec: StoredValue<{ n: number }> = {
  key: 'hashiya:test',
  version: 2,
  schema: v.object({ n: v.number() }),
  migrations: { 1: (data) => ({ n: Number((data as { count: string }).count) }) },
  fallback: () => ({ n: 0 }),
};
const collectionSpec: StoredCollection<{ name: string }> = {
  key: 'hashiya:things',
  version: 1,
  itemSchema: v.object({ name: v.string() }),
  fallback: () => ({}),
};

describe('the storage adapter', () => {
  it('round-trips a value in a versioned envelope', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    expect(store.write(valueSpec, { n: 5 })).toEqual({ ok: true });
    expect(JSON.parse(backend.getItem('hashiya:test')!)).toEqual({ v: 2, data: { n: 5 } });
    expect(store.read(valueSpec)).toEqual({ n: 5 });
  });

  it('migrates older versions on read', () => {
    const backend = new MemoryStorage();
    backend.setItem('hashiya:test', JSON.stringify({ v: 1, data: { count: '7' } }));
    expect(createStore(backend, null).read(valueSpec)).toEqual({ n: 7 });
  });

  it('backs up corrupt JSON, reports it and falls back', () => {
    const backend = new MemoryStorage();
    backend.setItem('hashiya:test', '{not json');
    const store = createStore(backend, null);
    expect(store.read(valueSpec)).toEqual({ n: 0 });
    const [problem] = store.problems();
    expect(problem?.kind).toBe('corrupt');
    const backupKey = problem && 'backupKey' in problem ? problem.backupKey : null;
    expect(backupKey?.startsWith(BACKUP_PREFIX)).toBe(true);
    expect(backend.getItem(backupKey!)).toBe('{not json');
    // Writing afterwards never destroys the backup.
    store.write(valueSpec, { n: 1 });
    expect(backend.getItem(backupKey!)).toBe('{not json');
  });

  it('keeps a value from a future version and reports it', () => {
    const backend = new MemoryStorage();
    const raw = JSON.stringify({ v: 99, data: { whatever: true } });
    backend.setItem('hashiya:test', raw);
    const store = createStore(backend, null);
    expect(store.read(valueSpec)).toEqual({ n: 0 });
    const problem = store.problems()[0];
    expect(problem).toMatchObject({ kind: 'future-version', version: 99 });
    expect([...backend.map.values()].filter((value) => value === raw)).toHaveLength(2);
  });

  it('loads the valid items of a collection and backs up the whole value when some are invalid', () => {
    const backend = new MemoryStorage();
    backend.setItem('hashiya:things', JSON.stringify({ v: 1, data: { a: { name: 'ok' }, b: { name: 42 }, c: '<script>' } }));
    const store = createStore(backend, null);
    expect(store.readCollection(collectionSpec)).toEqual({ a: { name: 'ok' } });
    expect(store.problems()[0]?.kind).toBe('corrupt');
  });

  it('reports a full store without throwing and keeps what was saved', () => {
    const backend = new MemoryStorage(120);
    const store = createStore(backend, null);
    expect(store.updateCollection(collectionSpec, (items) => ({ ...items, a: { name: 'first' } })).ok).toBe(true);
    const result = store.updateCollection(collectionSpec, (items) => ({ ...items, b: { name: 'x'.repeat(500) } }));
    expect(result).toEqual({ ok: false, reason: 'quota' });
    expect(store.readCollection(collectionSpec)).toEqual({ a: { name: 'first' } });
    expect(store.problems().map((p) => p.kind)).toContain('quota');
  });

  it('works from memory when localStorage is unavailable or throws', () => {
    const none = createStore(null, null);
    expect(none.available).toBe(false);
    expect(none.write(valueSpec, { n: 3 })).toEqual({ ok: false, reason: 'unavailable' });
    expect(none.read(valueSpec)).toEqual({ n: 3 });

    const throwing = createStore(new ThrowingStorage(), null);
    expect(throwing.read(valueSpec)).toEqual({ n: 0 });
    // A key that could not be read is not written over (issue 15): what it holds is unknown.
    expect(throwing.write(valueSpec, { n: 1 })).toEqual({ ok: false, reason: 'unreadable' });
    expect(throwing.problems().map((p) => p.kind)).toContain('read-failed');
    expect(throwing.write({ key: 'hashiya:never-read', version: 1 }, 1)).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('announces every change, by this tab or another, as a domain and the articles it concerns', () => {
    const target = new EventTarget();
    const store = createStore(new MemoryStorage(), target);
    const seen: StoreChange[] = [];
    const stop = store.subscribe((change) => seen.push(change));
    store.write({ key: annotationsKey('art-7'), version: 1 }, {});
    store.write({ key: storageKeys.readingProgress, version: 1 }, {}, { articleIds: ['art-3'] });
    store.remove(storageKeys.settings);
    target.dispatchEvent(Object.assign(new Event('storage'), { key: `${storageKeys.entityCorrectionsPrefix}art-8` }));
    target.dispatchEvent(Object.assign(new Event('storage'), { key: storageKeys.readingProgress }));
    target.dispatchEvent(Object.assign(new Event('storage'), { key: 'someone-else' }));
    stop();
    store.write({ key: annotationsKey('art-9'), version: 1 }, {});
    expect(seen).toEqual([
      { domain: 'notes', articleIds: ['art-7'], source: 'this-tab' },
      { domain: 'progress', articleIds: ['art-3'], source: 'this-tab' },
      { domain: 'settings', articleIds: 'all', source: 'this-tab' },
      { domain: 'corrections', articleIds: ['art-8'], source: 'other-tab' },
      { domain: 'progress', articleIds: 'all', source: 'other-tab' },
    ]);
  });

  it('announces nothing for a write that failed', () => {
    const backend = new MemoryStorage();
    backend.failWrites = true;
    const store = createStore(backend, null);
    const seen: StoreChange[] = [];
    store.subscribe((change) => seen.push(change));
    expect(store.write({ key: annotationsKey('a'), version: 1 }, { x: 'y'.repeat(100) }).ok).toBe(false);
    expect(seen).toEqual([]);
  });
});

describe('collections the store already knows', () => {
  const counting = () => {
    let checks = 0;
    const spec: StoredCollection<{ name: string }> = {
      ...collectionSpec,
      itemSchema: v.pipe(
        v.object({ name: v.string() }),
        v.check(() => ((checks += 1), true)),
      ),
    };
    return { spec, checks: () => checks };
  };

  it('are not validated again while the stored text is what this store wrote or validated', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    const { spec, checks } = counting();
    store.write(spec, { a: { name: 'A' }, b: { name: 'B' } });
    expect(store.readCollection(spec)).toEqual({ a: { name: 'A' }, b: { name: 'B' } });
    expect(checks()).toBe(0);
    // Another tab's write changes the text: read and validated as ever.
    backend.setItem(spec.key, JSON.stringify({ v: 1, data: { a: { name: 'A' }, c: { name: 3 } } }));
    expect(store.readCollection(spec)).toEqual({ a: { name: 'A' } });
    expect(store.problems()).toEqual([expect.objectContaining({ kind: 'corrupt', key: spec.key })]);
    expect(checks()).toBe(1);
  });

  it('a clean read is remembered, and a caller changing the record it got changes nothing stored', () => {
    const backend = new MemoryStorage();
    backend.setItem('hashiya:things', JSON.stringify({ v: 1, data: { a: { name: 'A' } } }));
    const store = createStore(backend, null);
    const { spec, checks } = counting();
    const first = store.readCollection(spec);
    expect(checks()).toBe(1);
    delete first.a;
    expect(store.readCollection(spec)).toEqual({ a: { name: 'A' } });
    expect(checks()).toBe(1);
  });

  it('forgets a key that is removed', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    const { spec, checks } = counting();
    store.write(spec, { a: { name: 'A' } });
    store.remove(spec.key);
    expect(store.readCollection(spec)).toEqual({});
    backend.setItem(spec.key, JSON.stringify({ v: 1, data: { a: { name: 'A' } } }));
    expect(store.readCollection(spec)).toEqual({ a: { name: 'A' } });
    expect(checks()).toBe(1);
  });
});
