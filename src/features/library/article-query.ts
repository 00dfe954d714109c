import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { getImported } from '../../core/article/imported-articles';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';
import { fetchBundledArticle, fetchManifest } from './bundled-articles-query';

export type ArticleLookup = { status: 'found'; article: Article; origin: 'bundled' | 'import' | 'shared' } | { status: 'unknown' };

/** An article by id: the reader's own imports first, then the bundled ones. */
export async function fetchArticle(store: Store, id: string): Promise<ArticleLookup> {
  const imported = getImported(store, id);
  if (imported) return { status: 'found', article: imported.article, origin: imported.origin };
  const entry = (await fetchManifest()).find((e) => e.id === id);
  if (!entry) return { status: 'unknown' };
  return { status: 'found', article: await fetchBundledArticle(entry), origin: 'bundled' };
}

// Keyed under 'store' as well: renaming or deleting an import must refresh an open article.
export const articleQueryOptions = (store: Store, id: string) =>
  queryOptions({ queryKey: [...queryKeys.imported(), 'article', id], queryFn: () => fetchArticle(store, id), staleTime: Infinity });

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(useStore(), id));
}
