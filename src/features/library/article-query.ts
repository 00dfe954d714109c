import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { getImported } from '../../core/article/article-store';
import type { IdbStore } from '../../core/storage/idb-store';
import { libraryKeys } from './query-keys';
import { useIdbStore } from '../../shared/store-context';
import type { BundledEntry } from '../../core/article/bundled';
import { parseBundledArticle } from '../../core/article/parse-text';
import { bundledTextQueryOptions, manifestQueryOptions } from './bundled-articles-query';

export type ArticleLookup = { status: 'found'; article: Article; origin: 'bundled' | 'import' | 'shared' } | { status: 'unknown' };

/**
 * An article by id: the reader's own imports first, then the bundled ones. `manifest` is the
 * bundled list and `bundled` loads one of them, both usually already on their way (main.tsx asks
 * for them first thing, while IndexedDB opens, since the first paint waits for all three).
 */
export async function fetchArticle(
  db: IdbStore,
  id: string,
  manifest: Promise<BundledEntry[]>,
  bundled: (entry: BundledEntry) => Promise<Article>,
): Promise<ArticleLookup> {
  manifest.catch(() => undefined); // an import found first makes a failed manifest irrelevant
  const imported = await getImported(db, id);
  if (imported) return { status: 'found', article: imported.article, origin: imported.origin };
  const entry = (await manifest).find((e) => e.id === id);
  if (!entry) return { status: 'unknown' };
  return { status: 'found', article: await bundled(entry), origin: 'bundled' };
}

export const articleQueryOptions = (db: IdbStore, id: string) =>
  queryOptions({
    queryKey: libraryKeys.article(id),
    queryFn: ({ client }) => fetchArticle(db, id, client.fetchQuery(manifestQueryOptions()), (entry) => client.fetchQuery(bundledArticleQueryOptions(entry))),
    staleTime: Infinity,
  });

/** A bundled article, parsed from its text (fetched once, usually already asked for by main.tsx). */
export const bundledArticleQueryOptions = (entry: BundledEntry) =>
  queryOptions({
    queryKey: libraryKeys.bundledArticle(entry.id),
    queryFn: async ({ client }) => parseBundledArticle(entry, await client.fetchQuery(bundledTextQueryOptions(entry))),
    staleTime: Infinity,
  });

export function useArticle(id: string) {
  return useQuery(articleQueryOptions(useIdbStore(), id));
}
