import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { getImported } from '../../core/article/imported-articles';
import type { IdbStore } from '../../core/storage/idb-store';
import { queryKeys } from '../../shared/query-keys';
import { useIdbStore } from '../../shared/store-context';
import { fetchBundledArticle, fetchManifest } from './bundled-articles-query';

export type ArticleLookup = { status: 'found'; article: Article; origin: 'bundled' | 'import' | 'shared' } | { status: 'unknown' };

/** An article by id: the reader's own imports first, then the bundled ones. */
export async function fetchArticle(db: IdbStore, id: string): Promise<ArticleLookup> {
  // The bundled manifest is asked for while IndexedDB opens, not after: first paint waits for both.
  const manifest = fetchManifest();
  manifest.catch(() => undefined); // an import found first makes a failed manifest irrelevant
  const imported = await getImported(db, id);
  if (imported) return { status: 'found', article: imported.article, origin: imported.origin };
  const entry = (await manifest).find((e) => e.id === id);
  if (!entry) return { status: 'unknown' };
  return { status: 'found', article: await fetchBundledArticle(entry), origin: 'bundled' };
}

// Keyed under 'store' as well: renaming or deleting an import must refresh an open article.
export const articleQueryOptions = (db: IdbStore, id: string) =>
  queryOptions({ queryKey: [...queryKeys.imported(), 'article', id], queryFn: () => fetchArticle(db, id), staleTime: Infinity });

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(useIdbStore(), id));
}
