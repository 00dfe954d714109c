import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readEntityDisplay, writeEntityDisplay, type EntityDisplay } from '../../core/entities/reader-hidden-types';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

export const fetchEntityDisplay = (store: Store): EntityDisplay => readEntityDisplay(store);

export const entityDisplayQueryOptions = (store: Store) =>
  queryOptions({ queryKey: queryKeys.entityDisplay(), queryFn: () => fetchEntityDisplay(store), staleTime: Infinity });

export function useEntityDisplay(): EntityDisplay {
  const store = useStore();
  return useQuery({ ...entityDisplayQueryOptions(store), initialData: () => fetchEntityDisplay(store) }).data;
}

/** Set straight into the cache: the switch is instant, storage follows. */
export function useSetEntityDisplay() {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (display: EntityDisplay) => {
      writeEntityDisplay(store, display);
      return display;
    },
    onMutate: (display) => client.setQueryData(queryKeys.entityDisplay(), display),
  });
}
