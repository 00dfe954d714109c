import { queryOptions, useQuery } from '@tanstack/react-query';
import { listAnnotations } from '../../core/annotations/annotation-store';
import type { Annotation } from '../../core/annotations/annotation';
import type { Store } from '../../core/storage/storage';
import { annotationKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

/** One article's annotations, in stored reading order. */
export const fetchAnnotations = (store: Store, articleId: string): Annotation[] => listAnnotations(store, articleId);

export const annotationsQueryOptions = (store: Store, articleId: string) =>
  queryOptions({ queryKey: annotationKeys.article(articleId), queryFn: () => fetchAnnotations(store, articleId), staleTime: Infinity });

export function useAnnotations(articleId: string): Annotation[] {
  const store = useStore();
  return useQuery({ ...annotationsQueryOptions(store, articleId), initialData: () => fetchAnnotations(store, articleId) }).data;
}
