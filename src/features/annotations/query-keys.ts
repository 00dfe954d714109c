import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The annotations feature's react-query keys: an article's notes (and its earlier versions' offer), the notebook. */
export const annotationKeys = {
  all: ['annotations'] as const,
  article: (articleId: string) => ['annotations', 'article', articleId] as const,
  earlierVersions: (articleId: string) => ['annotations', 'article', articleId, 'earlier-versions'] as const,
  notebook: () => ['annotations', 'notebook'] as const,
};

export const refreshAnnotationQueries: RefreshQueries = (client, change) => {
  if (change.domain === 'notes') {
    if (change.articleIds === 'all') return invalidate(client, annotationKeys.all);
    invalidate(client, ...change.articleIds.map(annotationKeys.article), annotationKeys.notebook());
  } else if (change.domain === 'articles') {
    // The notebook shows article titles; the earlier-versions offer compares imported articles.
    invalidate(client, annotationKeys.notebook());
    void client.invalidateQueries({ queryKey: annotationKeys.all, predicate: (query) => query.queryKey[3] === 'earlier-versions' });
  }
};
