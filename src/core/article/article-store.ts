import * as v from 'valibot';
import type { Article, Block } from './article';
import { hash53 } from './hash';
import { articleLeadPreview, articleWordCount } from './summary';
import { ARTICLE_LIMITS } from '../limits';
import { articleSchema } from '../schema/article';
import { articleMetaEntries, articleSummarySchema, storedArticleSchema, type ArticleSummary, type ImportOrigin, type StoredArticle } from '../schema/stored-article';
import { normaliseTags } from '../schema/tags';
import type { IdbStore, RecordSpec, RecordWrite } from '../storage/idb-store';
import { storageKeys } from '../storage/keys';
import type { Store, StoredCollection, WriteFailure, WriteResult } from '../storage/storage';

export type { ArticleSummary, ImportOrigin, SharedBy, StoredArticle } from '../schema/stored-article';

/**
 * Articles the reader imported from a file or opened from a shared link, kept in IndexedDB
 * (core/storage/idb-store): the full article in `articles`, and a small summary (what a library
 * card shows and what the filters need) in `summaries`, written in the same transaction, so the
 * library opens without reading a million words. Before IndexedDB they lived in one localStorage
 * key; `migrateLegacyArticles` moves them over on first start.
 */

/** A digest of the article's blocks: what is derived from the text (cached names) is keyed by it. */
export function articleRevision(article: Pick<Article, 'blocks'>): string {
  return hash53(article.blocks.map((b) => `${b.id}\u0000${b.text}`).join('\u0001')).toString(36);
}

export const articleRecordSpec: RecordSpec<StoredArticle> = { store: 'articles', version: 1, schema: storedArticleSchema };
export const summaryRecordSpec: RecordSpec<ArticleSummary> = { store: 'summaries', version: 1, schema: articleSummarySchema };

/** Where imported articles lived before IndexedDB: one localStorage collection. */
export const legacyArticlesSpec: StoredCollection<Omit<StoredArticle, 'tags' | 'archived'>> = {
  key: storageKeys.importedArticles,
  version: 1,
  itemSchema: v.object({ article: articleSchema, importedAt: articleMetaEntries.importedAt, name: articleMetaEntries.name, origin: articleMetaEntries.origin }),
  fallback: () => ({}),
};

export function summarize(item: StoredArticle): ArticleSummary {
  const { article } = item;
  return {
    id: article.id,
    title: article.title,
    lang: article.lang,
    dir: article.dir,
    lead: articleLeadPreview(article),
    words: articleWordCount(article),
    ...(article.dateline?.date ? { published: article.dateline.date } : {}),
    importedAt: item.importedAt,
    ...(item.name !== undefined ? { name: item.name } : {}),
    origin: item.origin,
    tags: item.tags,
    archived: item.archived,
    revision: articleRevision(article),
    ...(item.groups?.length ? { groups: item.groups } : {}),
    ...(item.sharedBy ? { sharedBy: item.sharedBy } : {}),
  };
}

/** The article and its summary, together (one transaction). */
const writeItem = (item: StoredArticle): RecordWrite[] => [
  { spec: articleRecordSpec as RecordSpec<unknown>, id: item.article.id, value: item },
  { spec: summaryRecordSpec as RecordSpec<unknown>, id: item.article.id, value: summarize(item) },
];

export type ChangeResult = WriteResult | { readonly ok: false; readonly reason: 'not-found' | 'invalid-title' };

const newestFirst = (a: { importedAt: string }, b: { importedAt: string }) => (a.importedAt < b.importedAt ? 1 : a.importedAt > b.importedAt ? -1 : 0);

/**
 * Every imported article's summary, newest first. A missing or unreadable summary is rebuilt from
 * its article (the article is what matters; the summary is derived).
 */
export async function listSummaries(db: IdbStore): Promise<ArticleSummary[]> {
  const [summaries, articleIds] = await Promise.all([db.getAll(summaryRecordSpec), db.ids('articles')]);
  const byId = new Map(summaries.filter(({ id, value }) => id === value.id).map(({ id, value }) => [id, value]));
  const rebuilt: ArticleSummary[] = [];
  for (const id of articleIds) {
    if (byId.has(id)) continue;
    const item = await getImported(db, id);
    if (!item) continue;
    const summary = summarize(item);
    byId.set(id, summary);
    rebuilt.push(summary);
  }
  if (rebuilt.length > 0) await db.write(rebuilt.map((s) => ({ spec: summaryRecordSpec as RecordSpec<unknown>, id: s.id, value: s })));
  // A summary whose article is gone (deleted in another tab mid-write) is not listed.
  const present = new Set(articleIds);
  return [...byId.values()].filter((s) => present.has(s.id)).sort(newestFirst);
}

/** Every imported article in full, newest first (for indexing and the names page). */
export async function listImported(db: IdbStore): Promise<StoredArticle[]> {
  return (await db.getAll(articleRecordSpec))
    .filter(({ id, value }) => id === value.article.id)
    .map(({ value }) => value)
    .sort(newestFirst);
}

/** Items stored under a key other than their article id are ignored as corrupt. */
export async function getImported(db: IdbStore, id: string): Promise<StoredArticle | undefined> {
  const item = await db.get(articleRecordSpec, id);
  return item && item.article.id === id ? item : undefined;
}

export interface SaveOptions {
  readonly name?: string;
  /** For tests; defaults to the current time. */
  readonly now?: Date;
}

/** Save (or re-save) an article. Re-importing the same content keeps its first import date, name, tags. */
export async function saveImported(db: IdbStore, article: Article, origin: ImportOrigin, options: SaveOptions = {}): Promise<WriteResult> {
  const previous = await getImported(db, article.id);
  const name = options.name ?? previous?.name;
  const item: StoredArticle = {
    article,
    importedAt: previous?.importedAt ?? (options.now ?? new Date()).toISOString(),
    origin,
    ...(name !== undefined ? { name: name.slice(0, 300) } : {}),
    tags: previous?.tags ?? [],
    archived: false,
    ...(previous?.groups ? { groups: previous.groups } : {}),
  };
  return db.write(writeItem(item));
}

/** Puts back an item exactly as it was (undo of a delete). */
export const restoreImported = (db: IdbStore, item: StoredArticle): Promise<WriteResult> => db.write(writeItem(item));

async function change(db: IdbStore, id: string, edit: (item: StoredArticle) => StoredArticle): Promise<ChangeResult> {
  const item = await getImported(db, id);
  if (!item) return { ok: false, reason: 'not-found' };
  return db.write(writeItem(edit(item)));
}

/**
 * Change the title the reader sees. The title block keeps its id (it is not re-derived from the new
 * text), so links and notes pointing at blocks of this article stay valid.
 */
export async function renameImported(db: IdbStore, id: string, title: string): Promise<ChangeResult> {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.length > ARTICLE_LIMITS.titleLength) return { ok: false, reason: 'invalid-title' };
  return change(db, id, (item) => {
    const [titleBlock, ...rest] = item.article.blocks;
    const blocks: Block[] = titleBlock ? [{ ...titleBlock, text: clean }, ...rest] : [];
    return { ...item, article: { ...item.article, title: clean, blocks } };
  });
}

export const setArticleTags = (db: IdbStore, id: string, tags: readonly string[]): Promise<ChangeResult> =>
  change(db, id, (item) => ({ ...item, tags: normaliseTags(tags) }));

/** With sync: the groups the reader shares this article with (none: shared with no group). */
export const setArticleGroups = (db: IdbStore, id: string, groups: readonly string[]): Promise<ChangeResult> =>
  change(db, id, ({ groups: _previous, ...item }) => (groups.length ? { ...item, groups: [...new Set(groups)].sort() } : item));

export const setArchived = (db: IdbStore, id: string, archived: boolean): Promise<ChangeResult> => change(db, id, (item) => ({ ...item, archived }));

export const deleteImported = (db: IdbStore, id: string): Promise<WriteResult> =>
  db.write([
    { spec: articleRecordSpec as RecordSpec<unknown>, id, value: null },
    { spec: summaryRecordSpec as RecordSpec<unknown>, id, value: null },
  ]);

export type MigrationResult = { readonly moved: number } & ({ readonly ok: true } | { readonly ok: false; readonly reason: WriteFailure });

/**
 * First start after the move to IndexedDB: copy the articles kept in localStorage into IndexedDB
 * (an article already there is left as it is), and only once that transaction has committed,
 * remove the localStorage key, which frees room for notes. If the copy fails the key stays, and
 * the next start tries again: nothing is lost. Unreadable items were backed up (hashiya:backup:…)
 * by the read; if that backup failed, the key is kept too.
 */
export async function migrateLegacyArticles(store: Store, db: IdbStore): Promise<MigrationResult> {
  if (!store.keys().includes(legacyArticlesSpec.key)) return { ok: true, moved: 0 };
  const legacy = Object.entries(store.readCollection(legacyArticlesSpec)).filter(([id, item]) => id === item.article.id);
  const existing = new Set(await db.ids('articles'));
  const items = legacy.filter(([id]) => !existing.has(id)).map(([, item]): StoredArticle => ({ ...item, tags: [], archived: false }));
  // Without IndexedDB the write still fills the session's memory, so the articles can be read.
  const result = await db.write(items.flatMap(writeItem));
  if (!result.ok) return { ...result, moved: 0 };
  // A value the read could not back up stays where it is.
  const unsaved = store.problems().some((p) => 'backupKey' in p && p.key === legacyArticlesSpec.key && p.backupKey === null);
  if (!unsaved) store.remove(legacyArticlesSpec.key);
  return { ok: true, moved: items.length };
}
