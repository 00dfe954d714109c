import type { Article } from '../article/article';
import { getImported, listImported } from '../article/imported-articles';
import type { IdbStore } from '../storage/idb-store';
import { createLibraryIndex, type SearchHit } from './search-index';

/**
 * The search index kept in step with the library: `sync` indexes what IndexedDB holds that the
 * index does not (all of it the first time) and drops what was deleted; `refresh` re-reads given
 * articles after an edit. Articles that are not stored (the bundled ones) are added with `addArticles`.
 * Runs in the search worker; on the main thread only when workers are unavailable.
 */
export interface SearchEngine {
  sync(): Promise<{ articles: number; ms: number }>;
  refresh(ids: readonly string[]): Promise<void>;
  addArticles(articles: readonly Article[]): void;
  search(query: string, limit?: number): SearchHit[];
}

export function createSearchEngine(db: IdbStore, now: () => number = () => performance.now()): SearchEngine {
  const index = createLibraryIndex();
  const extra = new Set<string>();
  let syncing: Promise<{ articles: number; ms: number }> | null = null;

  const runSync = async () => {
    const started = now();
    const stored = new Set(await db.ids('articles'));
    for (const id of index.articleIds()) if (!stored.has(id) && !extra.has(id)) index.remove(id);
    const missing = [...stored].filter((id) => !index.has(id));
    // The first sync reads everything at once (one transaction); later ones only the newcomers.
    if (missing.length > 20) {
      for (const item of await listImported(db)) if (!index.has(item.article.id)) index.upsert(item.article);
    } else {
      for (const id of missing) {
        const item = await getImported(db, id);
        if (item) index.upsert(item.article);
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
        const item = await getImported(db, id);
        if (item) index.upsert(item.article);
        else if (!extra.has(id)) index.remove(id);
      }
    },
    addArticles(articles) {
      for (const article of articles) {
        extra.add(article.id);
        index.upsert(article);
      }
    },
    search: (query, limit) => index.search(query, limit),
  };
}
