import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { bundledArticleUrl, MANIFEST_PATH, parseManifest, type BundledEntry } from '../../core/article/bundled';
import { libraryKeys } from './query-keys';

/**
 * Bundled articles are static files in public/articles, fetched relative to the page. The list and
 * the texts are fetched here (the first page asks for them at once); the parsing is in
 * article-query.ts (bundledArticleQueryOptions), which comes with the screens.
 */
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

export const bundledTextQueryOptions = (entry: BundledEntry) =>
  queryOptions({ queryKey: libraryKeys.bundledText(entry.id), queryFn: async () => (await fetchOk(bundledArticleUrl(entry))).text(), staleTime: Infinity });

/**
 * For the first screen: the bundled list, and the article's text if it is a bundled one, asked for
 * at once, without waiting for IndexedDB or the screen's code (an import of the same id, looked up
 * meanwhile, still wins).
 */
export function prefetchArticleSources(client: QueryClient, id: string): void {
  void client
    .fetchQuery(manifestQueryOptions())
    .then((entries) => {
      const entry = entries.find((e) => e.id === id);
      if (entry) void client.prefetchQuery(bundledTextQueryOptions(entry));
    })
    .catch(() => undefined); // the article query reports it
}
