import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { bundledArticleUrl, MANIFEST_PATH, parseBundledArticle, parseManifest, type BundledEntry } from '../../core/article/bundled';
import { libraryKeys } from './query-keys';

/** Bundled articles are static files in public/articles, fetched relative to the page. */
async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

export async function fetchManifest(): Promise<BundledEntry[]> {
  return parseManifest(await (await fetchOk(MANIFEST_PATH)).json());
}

export const manifestQueryOptions = () =>
  queryOptions({ queryKey: libraryKeys.bundledManifest(), queryFn: fetchManifest, staleTime: Infinity });

export function useManifest() {
  return useQuery(manifestQueryOptions());
}

export async function fetchBundledArticle(entry: BundledEntry): Promise<Article> {
  return parseBundledArticle(entry, await (await fetchOk(bundledArticleUrl(entry))).text());
}

export const bundledArticleQueryOptions = (entry: BundledEntry) =>
  queryOptions({ queryKey: libraryKeys.bundledArticle(entry.id), queryFn: () => fetchBundledArticle(entry), staleTime: Infinity });
