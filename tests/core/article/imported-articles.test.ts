import { describe, expect, it } from 'vitest';
import { storageKeys } from '../../../src/core/storage/keys';
import { createStore, type Store } from '../../../src/core/storage/storage';
import {
  deleteImported,
  getImported,
  importedArticlesSpec,
  listImported,
  renameImported,
  saveImported,
} from '../../../src/core/article/imported-articles';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { bundledText, MemoryStorage } from './helpers';

const seed = parsePlainTextArticle(bundledText('putin-raisi-call.txt'), { id: 'imp-seed' });
const jerash = parsePlainTextArticle(bundledText('jerash-mosaic.txt'), { id: 'imp-jerash' });

function setup(): { store: Store; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  return { storage, store: createStore(storage, null) };
}

describe('imported articles', () => {
  it('round-trips through storage, newest first', () => {
    const { store, storage } = setup();
    expect(listImported(store)).toEqual([]);
    expect(saveImported(store, seed, 'import', { name: 'putin.txt', now: new Date('2024-09-20T10:00:00Z') })).toEqual({ ok: true });
    expect(saveImported(store, jerash, 'shared', { now: new Date('2024-11-04T08:00:00Z') })).toEqual({ ok: true });

    const fresh = createStore(storage, null);
    const list = listImported(fresh);
    expect(list.map((s) => s.article.id)).toEqual(['imp-jerash', 'imp-seed']);
    expect(list[1]).toEqual({ article: seed, importedAt: '2024-09-20T10:00:00.000Z', name: 'putin.txt', origin: 'import' });
    expect(list[0]?.origin).toBe('shared');
    expect(JSON.parse(storage.getItem(storageKeys.importedArticles) ?? '{}')).toMatchObject({ v: 1 });
  });

  it('re-saving keeps the first import date and name', () => {
    const { store } = setup();
    saveImported(store, seed, 'import', { name: 'a.txt', now: new Date('2024-01-01T00:00:00Z') });
    saveImported(store, seed, 'import', { now: new Date('2024-02-01T00:00:00Z') });
    expect(getImported(store, 'imp-seed')).toMatchObject({ importedAt: '2024-01-01T00:00:00.000Z', name: 'a.txt' });
    expect(listImported(store)).toHaveLength(1);
  });

  it('renames the title and keeps every block id', () => {
    const { store } = setup();
    saveImported(store, seed, 'import');
    expect(renameImported(store, 'imp-seed', '  بوتين ورئيسي  ')).toEqual({ ok: true });
    const renamed = getImported(store, 'imp-seed')?.article;
    expect(renamed?.title).toBe('بوتين ورئيسي');
    expect(renamed?.blocks[0]).toEqual({ id: seed.blocks[0]?.id, kind: 'title', text: 'بوتين ورئيسي' });
    expect(renamed?.blocks.map((b) => b.id)).toEqual(seed.blocks.map((b) => b.id));
    expect(renamed?.blocks.slice(1)).toEqual(seed.blocks.slice(1));
    expect(renameImported(store, 'imp-seed', '   ')).toEqual({ ok: false, reason: 'invalid-title' });
    expect(renameImported(store, 'missing', 'x')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('deletes', () => {
    const { store } = setup();
    saveImported(store, seed, 'import');
    saveImported(store, jerash, 'import');
    expect(deleteImported(store, 'imp-seed')).toEqual({ ok: true });
    expect(listImported(store).map((s) => s.article.id)).toEqual(['imp-jerash']);
    expect(deleteImported(store, 'imp-seed')).toEqual({ ok: true });
  });

  it('survives a corrupt value: backs it up and starts empty', () => {
    const { store, storage } = setup();
    storage.setItem(storageKeys.importedArticles, '{not json');
    expect(listImported(store)).toEqual([]);
    expect(store.problems()).toEqual([expect.objectContaining({ kind: 'corrupt', key: storageKeys.importedArticles })]);
    expect(store.keys().some((k) => k.includes('backup') && storage.getItem(k) === '{not json')).toBe(true);
    expect(saveImported(store, seed, 'import')).toEqual({ ok: true });
    expect(listImported(store)).toHaveLength(1);
  });

  it('drops invalid items and keeps the valid ones', () => {
    const { store, storage } = setup();
    saveImported(store, seed, 'import', { now: new Date('2024-01-01T00:00:00Z') });
    const raw = JSON.parse(storage.getItem(storageKeys.importedArticles) ?? '') as { v: number; data: Record<string, unknown> };
    raw.data['imp-bad'] = { article: { ...seed, id: 'imp-bad', blocks: [] }, importedAt: 'yesterday', origin: 'import' };
    raw.data['imp-script'] = { article: { ...seed, id: 'imp-script', blocks: [{ id: '"><script>', kind: 'title', text: 'x' }] }, importedAt: '2024-01-01T00:00:00.000Z', origin: 'import' };
    raw.data['imp-moved'] = { article: seed, importedAt: '2024-01-01T00:00:00.000Z', origin: 'import' };
    storage.setItem(storageKeys.importedArticles, JSON.stringify(raw));
    expect(listImported(store).map((s) => s.article.id)).toEqual(['imp-seed']);
    expect(store.problems()[0]).toMatchObject({ kind: 'corrupt' });
    expect(importedArticlesSpec.version).toBe(1);
  });

  it('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = createStore(storage, null);
    expect(saveImported(store, seed, 'import')).toEqual({ ok: false, reason: 'quota' });
  });
});
