import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EntityType } from '../../core/entities/entity-types';
import { readHiddenTypes, writeHiddenTypes } from '../../core/entities/entity-display-store';
import type { Store } from '../../core/storage/storage';
import { entityKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

export const fetchHiddenTypes = (store: Store): EntityType[] => readHiddenTypes(store);

export const hiddenTypesQueryOptions = (store: Store) =>
  queryOptions({ queryKey: entityKeys.hiddenTypes(), queryFn: () => fetchHiddenTypes(store), staleTime: Infinity });

export function useHiddenTypes(): EntityType[] {
  const store = useStore();
  return useQuery({ ...hiddenTypesQueryOptions(store), initialData: () => fetchHiddenTypes(store) }).data;
}

/** Set straight into the cache: the toggle is instant, storage follows. */
export function useSetHiddenTypes() {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (hidden: EntityType[]) => {
      writeHiddenTypes(store, hidden);
      return hidden;
    },
    onMutate: (hidden) => client.setQueryData(entityKeys.hiddenTypes(), hidden),
  });
}
