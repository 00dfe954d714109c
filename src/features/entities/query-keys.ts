import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The entities feature's react-query keys: corrections, personal lists, display switches, tagging results. */
export const entityKeys = {
  corrections: (articleId: string) => ['entities', 'corrections', articleId] as const,
  allCorrections: () => ['entities', 'corrections'] as const,
  lists: () => ['entities', 'lists'] as const,
  hiddenTypes: () => ['entities', 'hidden-types'] as const,
  display: () => ['entities', 'display'] as const,
  /** The tagger's answer for an article's text and the lists (keyed by both, so never stale). */
  tagged: (articleId: string, revision: string) => ['entities', 'tagged', articleId, revision] as const,
};

export const refreshEntityQueries: RefreshQueries = (client, change) => {
  switch (change.domain) {
    case 'corrections':
      return invalidate(client, ...(change.articleIds === 'all' ? [entityKeys.allCorrections()] : change.articleIds.map(entityKeys.corrections)));
    case 'entity-lists':
      return invalidate(client, entityKeys.lists());
    case 'entity-display':
      return invalidate(client, entityKeys.hiddenTypes(), entityKeys.display());
  }
};
