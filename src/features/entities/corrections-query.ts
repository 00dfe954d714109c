import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Correction } from '../../core/entities/corrections';
import { deleteCorrection, readCorrections, saveCorrection } from '../../core/entities/correction-store';
import type { Store } from '../../core/storage/storage';
import { entityKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

export const fetchCorrections = (store: Store, articleId: string): Correction[] => readCorrections(store, articleId);

export const correctionsQueryOptions = (store: Store, articleId: string) =>
  queryOptions({ queryKey: entityKeys.corrections(articleId), queryFn: () => fetchCorrections(store, articleId), staleTime: Infinity });

export function useCorrections(articleId: string): Correction[] {
  const store = useStore();
  return useQuery({ ...correctionsQueryOptions(store, articleId), initialData: () => fetchCorrections(store, articleId) }).data;
}

/** Saving or removing a correction refreshes the article's corrections and the personal lists. */
export function useCorrectionMutations(articleId: string) {
  const store = useStore();
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: entityKeys.allCorrections() });
  const save = useMutation({
    mutationFn: async (correction: Correction) => {
      const result = saveCorrection(store, articleId, correction);
      if (!result.ok) throw new Error(result.reason);
      return correction;
    },
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: async (id: string) => {
      const result = deleteCorrection(store, articleId, id);
      if (!result.ok) throw new Error(result.reason);
      return id;
    },
    onSuccess,
  });
  return { save, remove };
}
