import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The names feature's react-query keys: names across the library, one article's mentions, articles per name. */
export const nameKeys = {
  all: ['names'] as const,
  library: () => ['names', 'library'] as const,
  article: (articleId: string) => ['names', 'article', articleId] as const,
  byEntity: () => ['names', 'by-entity'] as const,
};

export const refreshNameQueries: RefreshQueries = (client, change) => {
  switch (change.domain) {
    case 'articles':
      return invalidate(client, nameKeys.all);
    case 'corrections':
    case 'entity-lists':
      return invalidate(client, nameKeys.library());
    case 'notes':
      // A name's page shows the reader's notes near its mentions.
      return invalidate(client, ...(change.articleIds === 'all' ? [['names', 'article']] : change.articleIds.map(nameKeys.article)));
    case 'entities':
      // This tab fills the names cache while it reads the library: only another tab's entries are news.
      if (change.source === 'other-tab') invalidate(client, nameKeys.byEntity());
  }
};
