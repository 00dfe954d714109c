import { queryOptions, useQuery } from '@tanstack/react-query';
import { type PersonalLists } from '../../core/entities/corrections';
import { readPersonalLists } from '../../core/entities/correction-store';
import type { Store } from '../../core/storage/storage';
import { entityKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

/** The reader's names and non-names "in every article" (changed through the corrections mutations). */
export const fetchEntityLists = (store: Store): PersonalLists => readPersonalLists(store);

export const entityListsQueryOptions = (store: Store) =>
  queryOptions({ queryKey: entityKeys.lists(), queryFn: () => fetchEntityLists(store), staleTime: Infinity });

export function useEntityLists(): PersonalLists {
  const store = useStore();
  return useQuery({ ...entityListsQueryOptions(store), initialData: () => fetchEntityLists(store) }).data;
}
