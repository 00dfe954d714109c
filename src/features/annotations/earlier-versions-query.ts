import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAnnotations } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import { listImported } from '../../core/article/imported-articles';
import { normalizeForSearch } from '../../core/annotations/search';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

/**
 * Re-importing an edited article gives it a new id (ids hash the content). Its notes are still
 * filed under the earlier version: other imported articles with the same title that have notes.
 */
export interface EarlierVersion {
  readonly articleId: string;
  readonly title: string;
  readonly count: number;
}

export function fetchEarlierVersions(store: Store, article: Pick<Article, 'id' | 'title'>): EarlierVersion[] {
  const title = normalizeForSearch(article.title);
  if (!title) return [];
  return listImported(store)
    .filter((item) => item.article.id !== article.id && normalizeForSearch(item.article.title) === title)
    .map((item) => ({ articleId: item.article.id, title: item.article.title, count: listAnnotations(store, item.article.id).length }))
    .filter((v) => v.count > 0);
}

export const earlierVersionsQueryOptions = (store: Store, article: Pick<Article, 'id' | 'title'>) =>
  queryOptions({
    queryKey: [...queryKeys.annotations(article.id), 'earlier-versions'] as const,
    queryFn: () => fetchEarlierVersions(store, article),
    staleTime: Infinity,
  });

export function useEarlierVersions(article: Pick<Article, 'id' | 'title'>): EarlierVersion[] {
  const store = useStore();
  return useQuery({ ...earlierVersionsQueryOptions(store, article), initialData: () => fetchEarlierVersions(store, article) }).data;
}
