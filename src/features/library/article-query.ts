import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { getImported } from '../../core/article/imported-articles';
import type { IdbStore } from '../../core/storage/idb-store';
import { queryKeys } from '../../shared/query-keys';
import { useIdbStore } from '../../shared/store-context';
import type { BundledEntry } from '../../core/article/bundled';
import { fetchBundledArticle, manifestQueryOptions } from './bundled-articles-query';

export type ArticleLookup = { status: 'found'; article: Article; origin: 'bundled' | 'import' | 'shared' } | { status: 'unknown' };

/**
 * An article by id: the reader's own imports first, then the bundled ones. `manifest` is the
 * bundled list, usually already on its way (main.tsx asks for it first thing): it is asked for
 * while IndexedDB opens, not after, since the first paint waits for both.
 */
export async function fetchArticle(db: IdbStore, id: string, manifest: Promise<BundledEntry[]>): Promise<ArticleLookup> {
  manifest.catch(() => undefined); // an import found first makes a failed manifest irrelevant
  const imported = await getImported(db, id);
  if (imported) return { status: 'found', article: imported.article, origin: imported.origin };
  const entry = (await manifest).find((e) => e.id === id);
  if (!entry) return { status: 'unknown' };
  return { status: 'found', article: await fetchBundledArticle(entry), origin: 'bundled' };
}

// Keyed under 'store' as well: renaming or deleting an import must refresh an open article.
export const articleQueryOptions = (db: IdbStore, id: string) =>
  queryOptions({ queryKey: [...queryKeys.imported(), 'article', id], queryFn: ({ client }) => fetchArticle(db, id, client.fetchQuery(manifestQueryOptions())), staleTime: Infinity });

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(useIdbStore(), id));
}
