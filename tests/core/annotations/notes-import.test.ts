import { Blob } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { describeText } from '../../../src/core/annotations/anchoring';
import { createAnnotation, type Annotation } from '../../../src/core/annotations/annotation';
import { annotationsKey, listAllAnnotations, listAnnotations, saveAnnotation, saveAnnotationsPaced } from '../../../src/core/annotations/annotation-store';
import { toWebAnnotationCollection } from '../../../src/core/annotations/export';
import { importNotesFile } from '../../../src/core/annotations/notes-import';
import { LOCAL_STORAGE_LIMITS } from '../../../src/core/limits';
import { createStore } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';
const note = (articleId: string, i: number): Annotation =>
  ({ ...createAnnotation({ articleId, selectors: describeText(TEXT, { start: i % 40, end: (i % 40) + 5 }, 'p-0000001'), note: `ملاحظة ${i}` }), id: `n-${articleId}-${i}` });
// Node's Blob (jsdom's has no text()), as the browser's File would be.
const fileOf = (annotations: readonly Annotation[], extra: unknown[] = []) =>
  new Blob([JSON.stringify({ ...toWebAnnotationCollection(annotations, () => 'x'), items: [...toWebAnnotationCollection(annotations, () => 'x').items, ...extra] })]) as unknown as globalThis.Blob;
const noPause = async () => {};

describe('importNotesFile (what the notes panel and the notebook run)', () => {
  it('merges by id, does not double, reports rejects and files that are not JSON', async () => {
    const store = createStore(new MemoryStorage(), null);
    const file = fileOf([note('art-1', 1), note('art-1', 2)], [{ id: 'bad' }]);
    const first = await importNotesFile(store, file, {}, noPause);
    expect(first).toMatchObject({ ok: true, report: { added: 2, updated: 0, unchanged: 0 }, stored: 2, total: 2 });
    if (first.ok) expect(first.report.rejected).toHaveLength(1);
    expect(await importNotesFile(store, file, {}, noPause)).toMatchObject({ ok: true, report: { added: 0, unchanged: 2 }, stored: 0, total: 0 });
    expect(listAnnotations(store, 'art-1')).toHaveLength(2);
    expect(await importNotesFile(store, new Blob(['{not json']) as unknown as globalThis.Blob, {}, noPause)).toEqual({ ok: false, reason: 'not-json' });
  });

  it('writes each article once, however many notes it gets', async () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    saveAnnotation(store, note('art-1', 0));
    const writes: string[] = [];
    const setItem = backend.setItem.bind(backend);
    backend.setItem = (key, value) => {
      writes.push(key);
      setItem(key, value);
    };
    const outcome = await importNotesFile(store, fileOf([...Array.from({ length: 1_200 }, (_, i) => note('art-1', i + 1)), note('art-2', 1)]), {}, noPause);
    expect(outcome).toMatchObject({ ok: true, stored: 1_201, total: 1_201 });
    expect(writes.sort()).toEqual([annotationsKey('art-1'), annotationsKey('art-2')]);
    expect(listAnnotations(store, 'art-1')).toHaveLength(1_201);
  });

  it('with too little room, stores as many as fit, says how many, and keeps what was there', async () => {
    const kept = note('art-1', 0);
    const probe = new MemoryStorage();
    saveAnnotation(createStore(probe, null), kept);
    const oneNote = [...probe.map].reduce((n, [k, v]) => n + k.length + v.length, 0);
    // Room for the stored note and about 30 more.
    const backend = new MemoryStorage(oneNote * 31);
    const store = createStore(backend, null);
    saveAnnotation(store, kept);
    const incoming = Array.from({ length: 100 }, (_, i) => note('art-1', i + 1));
    const outcome = await importNotesFile(store, fileOf(incoming), {}, noPause);
    if (!outcome.ok) throw new Error('not read');
    expect(outcome.report.added).toBe(100);
    expect(outcome.failure).toBe('quota');
    expect(outcome.stored).toBeGreaterThan(20);
    expect(outcome.stored).toBeLessThan(100);
    const stored = listAllAnnotations(createStore(backend, null)).map((a) => a.id);
    // Exactly what the outcome claims, and the note that was there.
    expect(stored).toHaveLength(outcome.stored + 1);
    expect(stored).toContain(kept.id);
    // One more note would not have fitted: the halving found the most.
    const notStored = incoming.find((a) => !stored.includes(a.id))!;
    const more = new MemoryStorage(oneNote * 31);
    for (const [k, v] of backend.map) more.setItem(k, v);
    expect(saveAnnotation(createStore(more, null), notStored)).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('in a store of the expected size, finds the most that fit in two or three writes, not one per slice', async () => {
    const backend = new MemoryStorage(LOCAL_STORAGE_LIMITS.expectedChars);
    const store = createStore(backend, null);
    let writes = 0;
    const setItem = backend.setItem.bind(backend);
    backend.setItem = (key, value) => {
      writes += 1;
      setItem(key, value);
    };
    const saved = await saveAnnotationsPaced(store, Array.from({ length: 30_000 }, (_, i) => note('art-1', i)), noPause);
    expect(saved.failure).toBe('quota');
    expect(listAnnotations(store, 'art-1')).toHaveLength(saved.stored);
    expect(saved.stored).toBeGreaterThan(10_000);
    expect(writes).toBeLessThanOrEqual(3);
  });

  it('a change by another tab during a paced save is kept', async () => {
    const backend = new MemoryStorage();
    const target = new EventTarget();
    const store = createStore(backend, target);
    const other = createStore(backend, null);
    let pauses = 0;
    const elsewhere = note('art-1', 99);
    const saved = await saveAnnotationsPaced(store, [note('art-1', 1), note('art-1', 2)], async () => {
      pauses += 1;
      // After the first read: another tab saves a note, and the browser tells this one.
      if (pauses === 2) {
        saveAnnotation(other, elsewhere);
        target.dispatchEvent(Object.assign(new Event('storage'), { key: annotationsKey('art-1') }));
      }
    });
    expect(saved).toEqual({ stored: 2 });
    expect(listAnnotations(store, 'art-1').map((a) => a.id).sort()).toEqual(['n-art-1-1', 'n-art-1-2', elsewhere.id]);
  });
});
