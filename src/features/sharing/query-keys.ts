import { invalidate, type RefreshQueries } from '../../shared/store-queries';

/** The sharing feature's react-query keys. */
export const sharingKeys = {
  /** An article decoded from a self-contained link (not stored). */
  link: (version: string, data: string) => ['sharing', 'link', version, data] as const,
  /** Whether the reader's library already holds a shared article. */
  inLibrary: (articleId: string) => ['sharing', 'in-library', articleId] as const,
};

export const refreshSharingQueries: RefreshQueries = (client, change) => {
  if (change.domain === 'articles') invalidate(client, ['sharing', 'in-library']);
};
