import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAnnotations } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import { listSummaries } from '../../core/article/article-store';
import type { IdbStore } from '../../core/storage/idb-store';
import { searchForm } from '../../core/text/fold';
import type { Store } from '../../core/storage/storage';
import { annotationKeys } from './query-keys';
import { useIdbStore, useStore } from '../../shared/store-context';

/**
 * Re-importing an edited article gives it a new id (ids hash the content). Its notes are still
 * filed under the earlier version: other imported articles with the same title that have notes.
 */
export interface EarlierVersion {
  readonly articleId: string;
  readonly title: string;
  readonly count: number;
}

export async function fetchEarlierVersions(store: Store, db: IdbStore, article: Pick<Article, 'id' | 'title'>): Promise<EarlierVersion[]> {
  const title = searchForm(article.title);
  if (!title) return [];
  return (await listSummaries(db))
    .filter((item) => item.id !== article.id && searchForm(item.title) === title)
    .map((item) => ({ articleId: item.id, title: item.title, count: listAnnotations(store, item.id).length }))
    .filter((v) => v.count > 0);
}

export const earlierVersionsQueryOptions = (store: Store, db: IdbStore, article: Pick<Article, 'id' | 'title'>) =>
  queryOptions({
    queryKey: annotationKeys.earlierVersions(article.id),
    queryFn: () => fetchEarlierVersions(store, db, article),
    staleTime: Infinity,
  });

const NO_VERSIONS: EarlierVersion[] = [];

export function useEarlierVersions(article: Pick<Article, 'id' | 'title'>): EarlierVersion[] {
  const store = useStore();
  const db = useIdbStore();
  return useQuery(earlierVersionsQueryOptions(store, db, article)).data ?? NO_VERSIONS;
}
