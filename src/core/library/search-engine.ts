import type { Article } from '../article/article';
import { getImported, listImported, summaryRecordSpec } from '../article/article-store';
import type { IdbStore } from '../storage/idb-store';
import { createLibraryIndex, type SearchHit } from './search-index';

/**
 * The search index kept in step with the library. `sync` indexes what IndexedDB holds that the
 * index lacks or holds in an older version (by each article's text revision, from its summary) and
 * drops what was deleted; `refresh` re-reads given articles after an edit. Articles that are not
 * stored (the bundled ones) are added with `addArticles`. The index is rebuilt each session: saving
 * it was measured, and serialising and reloading a million-word MiniSearch index takes longer than
 * building it. Runs in the search worker; on the main thread only when workers are unavailable.
 */
export interface SearchEngine {
  sync(): Promise<{ articles: number; ms: number }>;
  refresh(ids: readonly string[]): Promise<void>;
  addArticles(articles: readonly Article[]): Promise<void>;
  search(query: string, limit?: number): SearchHit[];
}

export interface SearchEngineOptions {
  readonly now?: () => number;
}

export function createSearchEngine(db: IdbStore, options: SearchEngineOptions = {}): SearchEngine {
  const now = options.now ?? (() => performance.now());
  const index = createLibraryIndex();
  const revisions = new Map<string, string>();
  const extra = new Set<string>();
  let syncing: Promise<{ articles: number; ms: number }> | null = null;

  const put = (article: Article, revision: string | undefined) => {
    index.upsert(article);
    if (revision) revisions.set(article.id, revision);
    else revisions.delete(article.id);
  };
  const drop = (id: string) => {
    index.remove(id);
    revisions.delete(id);
  };

  const runSync = async () => {
    const started = now();
    const stored = new Map((await db.getAll(summaryRecordSpec)).map(({ id, value }) => [id, value.revision]));
    const gone = index.articleIds().filter((id) => !stored.has(id) && !extra.has(id));
    for (const id of gone) drop(id);
    const stale = [...stored].filter(([id, revision]) => !index.has(id) || (revision !== undefined && revisions.get(id) !== revision)).map(([id]) => id);
    // Many at once (the first session) are read in one transaction; a few one by one.
    if (stale.length > 20) {
      const wanted = new Set(stale);
      for (const item of await listImported(db)) if (wanted.has(item.article.id)) put(item.article, stored.get(item.article.id));
    } else {
      for (const id of stale) {
        const item = await getImported(db, id);
        if (item) put(item.article, stored.get(id));
      }
    }
    return { articles: index.size, ms: now() - started };
  };

  return {
    // Overlapping calls share one run.
    sync() {
      syncing ??= runSync().finally(() => (syncing = null));
      return syncing;
    },
    async refresh(ids) {
      for (const id of ids) {
        const [item, summary] = await Promise.all([getImported(db, id), db.get(summaryRecordSpec, id)]);
        if (item) put(item.article, summary?.revision);
        else if (!extra.has(id)) drop(id);
      }
    },
    async addArticles(articles) {
      for (const article of articles) {
        extra.add(article.id);
        index.upsert(article);
      }
    },
    search: (query, limit) => index.search(query, limit),
  };
}
