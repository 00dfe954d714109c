import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  articleRecordSpec,
  deleteImported,
  getImported,
  legacyArticlesSpec,
  listImported,
  listSummaries,
  migrateLegacyArticles,
  renameImported,
  restoreImported,
  saveImported,
  setArchived,
  setArticleTags,
} from '../../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { createIdbStore, LIBRARY_DB_NAME } from '../../../src/core/storage/idb-store';
import { storageKeys } from '../../../src/core/storage/keys';
import { createStore } from '../../../src/core/storage/storage';
import { bundledText, MemoryStorage } from './helpers';

const seed = parsePlainTextArticle(bundledText('putin-raisi-call.txt'), { id: 'imp-seed' });
const jerash = parsePlainTextArticle(bundledText('jerash-mosaic.txt'), { id: 'imp-jerash' });

/** A fresh IndexedDB (fake-indexeddb) per test. */
function setup() {
  const factory = new IDBFactory();
  return { factory, db: createIdbStore({ factory }) };
}

describe('imported articles in IndexedDB', () => {
  it('round-trips, newest first, with a summary per article', async () => {
    const { factory, db } = setup();
    expect(await listImported(db)).toEqual([]);
    expect(await saveImported(db, seed, 'import', { name: 'putin.txt', now: new Date('2024-09-20T10:00:00Z') })).toEqual({ ok: true });
    expect(await saveImported(db, jerash, 'shared', { now: new Date('2024-11-04T08:00:00Z') })).toEqual({ ok: true });

    const fresh = createIdbStore({ factory });
    const list = await listImported(fresh);
    expect(list.map((s) => s.article.id)).toEqual(['imp-jerash', 'imp-seed']);
    expect(list[1]).toEqual({ article: seed, importedAt: '2024-09-20T10:00:00.000Z', name: 'putin.txt', origin: 'import', tags: [], archived: false });
    const summaries = await listSummaries(fresh);
    expect(summaries.map((s) => s.id)).toEqual(['imp-jerash', 'imp-seed']);
    expect(summaries[1]).toMatchObject({ title: seed.title, origin: 'import', name: 'putin.txt', tags: [], archived: false });
    expect(summaries[1]?.words).toBeGreaterThan(100);
  });

  it('re-saving keeps the first import date, name and tags', async () => {
    const { db } = setup();
    await saveImported(db, seed, 'import', { name: 'a.txt', now: new Date('2024-01-01T00:00:00Z') });
    await setArticleTags(db, 'imp-seed', ['روسيا', '#إيران', 'روسيا']);
    await saveImported(db, seed, 'import', { now: new Date('2024-02-01T00:00:00Z') });
    expect(await getImported(db, 'imp-seed')).toMatchObject({ importedAt: '2024-01-01T00:00:00.000Z', name: 'a.txt', tags: ['روسيا', 'إيران'] });
    expect(await listImported(db)).toHaveLength(1);
  });

  it('renames the title and keeps every block id; the summary follows', async () => {
    const { db } = setup();
    await saveImported(db, seed, 'import');
    expect(await renameImported(db, 'imp-seed', '  بوتين ورئيسي  ')).toEqual({ ok: true });
    const renamed = (await getImported(db, 'imp-seed'))?.article;
    expect(renamed?.title).toBe('بوتين ورئيسي');
    expect(renamed?.blocks.map((b) => b.id)).toEqual(seed.blocks.map((b) => b.id));
    expect(renamed?.blocks.slice(1)).toEqual(seed.blocks.slice(1));
    expect((await listSummaries(db))[0]?.title).toBe('بوتين ورئيسي');
    expect(await renameImported(db, 'imp-seed', '   ')).toEqual({ ok: false, reason: 'invalid-title' });
    expect(await renameImported(db, 'missing', 'x')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('archives, deletes and restores exactly', async () => {
    const { db } = setup();
    await saveImported(db, seed, 'import');
    await saveImported(db, jerash, 'import');
    expect(await setArchived(db, 'imp-seed', true)).toEqual({ ok: true });
    expect((await listSummaries(db)).find((s) => s.id === 'imp-seed')?.archived).toBe(true);
    const before = await getImported(db, 'imp-seed');
    expect(await deleteImported(db, 'imp-seed')).toEqual({ ok: true });
    expect((await listImported(db)).map((s) => s.article.id)).toEqual(['imp-jerash']);
    expect((await listSummaries(db)).map((s) => s.id)).toEqual(['imp-jerash']);
    await restoreImported(db, before!);
    expect(await getImported(db, 'imp-seed')).toEqual(before);
  });

  it('backs up and reports a corrupt record, keeps the valid ones, and rebuilds a lost summary', async () => {
    const { factory, db } = setup();
    await saveImported(db, seed, 'import');
    await db.ready();
    await putRawVia(factory, 'articles', 'imp-bad', { v: 1, data: { article: { ...seed, id: 'imp-bad', blocks: [] }, importedAt: 'x', origin: 'import' } });
    await putRawVia(factory, 'articles', 'imp-future', { v: 9, data: {} });
    await putRawVia(factory, 'summaries', 'imp-seed', '{not an envelope');
    const fresh = createIdbStore({ factory });
    expect((await listImported(fresh)).map((s) => s.article.id)).toEqual(['imp-seed']);
    expect(fresh.problems()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'corrupt', key: 'idb:articles/imp-bad' }),
        expect.objectContaining({ kind: 'future-version', key: 'idb:articles/imp-future', version: 9 }),
      ]),
    );
    const backups = await fresh.backups();
    expect(backups.some((b) => b.key.startsWith('articles/imp-bad:'))).toBe(true);
    // The summary was unreadable: backed up, rebuilt from the article.
    expect((await listSummaries(fresh)).map((s) => s.id)).toEqual(['imp-seed']);
    expect(fresh.problems()).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'idb:summaries/imp-seed' })]));
    expect((await fresh.backups()).some((b) => b.value === '{not an envelope')).toBe(true);
    // Nothing was overwritten: the bad records are still there for a later version to read.
    expect(await putRawVia(factory, null, 'imp-bad', null)).toMatchObject({ v: 1 });
    expect(articleRecordSpec.version).toBe(1);
  });

  it('works from memory for the session when IndexedDB is unavailable, and says so', async () => {
    const db = createIdbStore({ factory: null });
    expect(await saveImported(db, seed, 'import')).toEqual({ ok: false, reason: 'unavailable' });
    expect((await listImported(db)).map((s) => s.article.id)).toEqual(['imp-seed']);
    expect(db.problems()).toEqual([{ kind: 'unavailable' }]);
  });
});

/** Reads (store null) or writes a raw record with a plain IndexedDB connection. */
async function putRawVia(factory: IDBFactory, store: string | null, id: string, value: unknown): Promise<unknown> {
  const conn = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open(LIBRARY_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const result = await new Promise<unknown>((resolve, reject) => {
    const tx = conn.transaction(store ?? 'articles', store ? 'readwrite' : 'readonly');
    const req = store ? tx.objectStore(store).put(value, id) : tx.objectStore('articles').get(id);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  conn.close();
  return result;
}

describe('migration from localStorage', () => {
  it('moves the articles kept in localStorage into IndexedDB, then frees the key', async () => {
    const storage = new MemoryStorage();
    const store = createStore(storage, null);
    storage.setItem(
      storageKeys.importedArticles,
      JSON.stringify({
        v: 1,
        data: {
          'imp-seed': { article: seed, importedAt: '2024-09-20T10:00:00.000Z', name: 'putin.txt', origin: 'import' },
          'imp-jerash': { article: jerash, importedAt: '2024-11-04T08:00:00.000Z', origin: 'shared' },
        },
      }),
    );
    const { db } = setup();
    expect(await migrateLegacyArticles(store, db)).toEqual({ ok: true, moved: 2 });
    expect(storage.getItem(storageKeys.importedArticles)).toBeNull();
    const list = await listImported(db);
    expect(list.map((s) => s.article.id)).toEqual(['imp-jerash', 'imp-seed']);
    expect(list[1]).toEqual({ article: seed, importedAt: '2024-09-20T10:00:00.000Z', name: 'putin.txt', origin: 'import', tags: [], archived: false });
    expect((await listSummaries(db)).map((s) => s.id)).toEqual(['imp-jerash', 'imp-seed']);
    // A second start has nothing left to move.
    expect(await migrateLegacyArticles(store, db)).toEqual({ ok: true, moved: 0 });
  });

  it('keeps an unreadable legacy item in a backup and never overwrites an article already moved', async () => {
    const storage = new MemoryStorage();
    const store = createStore(storage, null);
    const { db } = setup();
    await saveImported(db, seed, 'import', { now: new Date('2025-01-01T00:00:00Z') });
    await setArticleTags(db, 'imp-seed', ['kept']);
    const legacy = {
      v: 1,
      data: {
        'imp-seed': { article: { ...seed, title: 'older title' }, importedAt: '2024-01-01T00:00:00.000Z', origin: 'import' },
        'imp-bad': { article: { id: 'imp-bad' }, importedAt: 'x', origin: 'import' },
      },
    };
    storage.setItem(legacyArticlesSpec.key, JSON.stringify(legacy));
    expect(await migrateLegacyArticles(store, db)).toEqual({ ok: true, moved: 0 });
    expect((await getImported(db, 'imp-seed'))?.tags).toEqual(['kept']);
    const backupKey = store.keys().find((k) => k.startsWith('hashiya:backup:articles'));
    expect(backupKey && JSON.parse(storage.getItem(backupKey)!)).toEqual(legacy);
  });

  it('leaves localStorage as it was when IndexedDB cannot take the articles', async () => {
    const storage = new MemoryStorage();
    const store = createStore(storage, null);
    storage.setItem(legacyArticlesSpec.key, JSON.stringify({ v: 1, data: { 'imp-seed': { article: seed, importedAt: '2024-01-01T00:00:00.000Z', origin: 'import' } } }));
    const db = createIdbStore({ factory: null });
    expect(await migrateLegacyArticles(store, db)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(storage.getItem(legacyArticlesSpec.key)).not.toBeNull();
    // This session still has the articles (from memory).
    expect((await listImported(db)).map((s) => s.article.id)).toEqual(['imp-seed']);
  });
});
