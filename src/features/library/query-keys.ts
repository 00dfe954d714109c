import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The library feature's react-query keys. */
export const libraryKeys = {
  /** Imported articles' summaries (the list). */
  summaries: () => ['library', 'summaries'] as const,
  /** One article, imported or bundled (the reader opens it through this). */
  article: (articleId: string) => ['library', 'article', articleId] as const,
  /** Reading positions and note counts of every article, for the filters. */
  state: () => ['library', 'state'] as const,
  search: (query: string) => ['library', 'search', query] as const,
  bundledManifest: () => ['library', 'bundled', 'manifest'] as const,
  bundledArticle: (id: string) => ['library', 'bundled', 'article', id] as const,
  /** A bundled article's text as fetched (parsed by bundledArticle). */
  bundledText: (id: string) => ['library', 'bundled', 'text', id] as const,
};

export const refreshLibraryQueries: RefreshQueries = (client, change) => {
  switch (change.domain) {
    case 'articles':
      invalidate(client, libraryKeys.summaries(), ['library', 'search']);
      return invalidate(client, ...(change.articleIds === 'all' ? [['library', 'article']] : change.articleIds.map(libraryKeys.article)));
    case 'notes':
    case 'progress':
      return invalidate(client, libraryKeys.state());
  }
};
