import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readEntityDisplay, writeEntityDisplay, type EntityDisplay } from '../../core/entities/entity-display-store';
import type { Store } from '../../core/storage/storage';
import { entityKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

export const fetchEntityDisplay = (store: Store): EntityDisplay => readEntityDisplay(store);

export const entityDisplayQueryOptions = (store: Store) =>
  queryOptions({ queryKey: entityKeys.display(), queryFn: () => fetchEntityDisplay(store), staleTime: Infinity });

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
    onMutate: (display) => client.setQueryData(entityKeys.display(), display),
  });
}
