/**
 * One key factory for every react-query query. Everything read from localStorage sits under
 * 'store', so a change made in another tab invalidates it all in one call.
 */
export const queryKeys = {
  store: ['store'] as const,
  settings: () => ['store', 'settings'] as const,
  progress: (articleId: string) => ['store', 'progress', articleId] as const,
  imported: () => ['store', 'imported'] as const,
  annotations: (articleId: string) => ['store', 'annotations', articleId] as const,
  allAnnotations: () => ['store', 'annotations'] as const,
  corrections: () => ['store', 'corrections'] as const,
  bundledManifest: () => ['bundled', 'manifest'] as const,
  bundledArticle: (id: string) => ['bundled', 'article', id] as const,
  entities: (articleId: string, revision: string) => ['entities', articleId, revision] as const,
};
