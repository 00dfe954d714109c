/**
 * One key factory for every react-query query. Everything read from localStorage sits under
 * 'store', so a change made in another tab invalidates it all in one call.
 */
export const queryKeys = {
  store: ['store'] as const,
  progress: (articleId: string) => ['store', 'progress', articleId] as const,
  imported: () => ['store', 'imported'] as const,
  /** Reading positions and note counts of every article, for the library's filters. */
  libraryState: () => ['store', 'library-state'] as const,
  librarySearch: (query: string) => ['store', 'library-search', query] as const,
  /** Entities of every stored article, merged (names pages). */
  libraryEntities: () => ['store', 'library-entities'] as const,
  annotations: (articleId: string) => ['store', 'annotations', articleId] as const,
  allAnnotations: () => ['store', 'annotations'] as const,
  corrections: () => ['store', 'corrections'] as const,
  articleCorrections: (articleId: string) => ['store', 'corrections', 'article', articleId] as const,
  entityLists: () => ['store', 'corrections', 'lists'] as const,
  hiddenEntityTypes: () => ['store', 'hidden-entity-types'] as const,
  entityDisplay: () => ['store', 'entity-display'] as const,
  bundledManifest: () => ['bundled', 'manifest'] as const,
  bundledArticle: (id: string) => ['bundled', 'article', id] as const,
  entities: (articleId: string, revision: string) => ['entities', articleId, revision] as const,
  /** An article decoded from a self-contained link (not under 'store': it is not stored). */
  sharedLink: (version: string, data: string) => ['shared-link', version, data] as const,
};
