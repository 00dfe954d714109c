import * as v from 'valibot';
import type { Article, Block } from './article';
import { articleSchema } from './article-schema';
import { ARTICLE_LIMITS } from '../limits';
import { storageKeys } from '../storage/keys';
import type { Store, StoredCollection, WriteResult } from '../storage/storage';

/** Articles the reader imported from a file or opened from a shared link, kept in localStorage. */

export type ImportOrigin = 'import' | 'shared';

export interface StoredArticle {
  readonly article: Article;
  /** ISO timestamp of the first import. */
  readonly importedAt: string;
  /** The file name the article came from, when it came from a file. */
  readonly name?: string;
  readonly origin: ImportOrigin;
}

const storedArticleSchema = v.object({
  article: articleSchema,
  importedAt: v.pipe(v.string(), v.isoTimestamp()),
  name: v.optional(v.pipe(v.string(), v.maxLength(300))),
  origin: v.picklist(['import', 'shared']),
}) satisfies v.GenericSchema<unknown, StoredArticle>;

export const importedArticlesSpec: StoredCollection<StoredArticle> = {
  key: storageKeys.importedArticles,
  version: 1,
  itemSchema: storedArticleSchema,
  fallback: () => ({}),
};

export type RenameResult = WriteResult | { readonly ok: false; readonly reason: 'not-found' | 'invalid-title' };

/** Newest first. Items stored under a key other than their article id are ignored as corrupt. */
export function listImported(store: Store): StoredArticle[] {
  return Object.entries(store.readCollection(importedArticlesSpec))
    .filter(([id, item]) => id === item.article.id)
    .map(([, item]) => item)
    .sort((a, b) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0));
}

export function getImported(store: Store, id: string): StoredArticle | undefined {
  const item = store.readCollection(importedArticlesSpec)[id];
  return item && item.article.id === id ? item : undefined;
}

export interface SaveOptions {
  readonly name?: string;
  /** For tests; defaults to the current time. */
  readonly now?: Date;
}

/** Save (or re-save) an article. Re-importing the same content keeps its first import date. */
export function saveImported(store: Store, article: Article, origin: ImportOrigin, options: SaveOptions = {}): WriteResult {
  const now = (options.now ?? new Date()).toISOString();
  return store.updateCollection(importedArticlesSpec, (items) => {
    const previous = items[article.id];
    const name = options.name ?? previous?.name;
    const item: StoredArticle = {
      article,
      importedAt: previous?.importedAt ?? now,
      origin,
      ...(name !== undefined ? { name: name.slice(0, 300) } : {}),
    };
    return { ...items, [article.id]: item };
  });
}

/**
 * Change the title the reader sees. The title block keeps its id (it is not re-derived from the new
 * text), so links and notes pointing at blocks of this article stay valid.
 */
export function renameImported(store: Store, id: string, title: string): RenameResult {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.length > ARTICLE_LIMITS.titleLength) return { ok: false, reason: 'invalid-title' };
  if (!getImported(store, id)) return { ok: false, reason: 'not-found' };
  return store.updateCollection(importedArticlesSpec, (items) => {
    const item = items[id];
    if (!item) return items;
    const [titleBlock, ...rest] = item.article.blocks;
    const blocks: Block[] = titleBlock ? [{ ...titleBlock, text: clean }, ...rest] : [];
    return { ...items, [id]: { ...item, article: { ...item.article, title: clean, blocks } } };
  });
}

export function deleteImported(store: Store, id: string): WriteResult {
  return store.updateCollection(importedArticlesSpec, (items) => {
    const rest = { ...items };
    delete rest[id];
    return rest;
  });
}
