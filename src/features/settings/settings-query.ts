import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { readSettings, writeSettings, type Settings } from '../../core/settings/settings';
import type { Store } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

export const fetchSettings = (store: Store): Settings => readSettings(store);

export const settingsQueryOptions = (store: Store) =>
  queryOptions({ queryKey: queryKeys.settings(), queryFn: () => fetchSettings(store), staleTime: Infinity });

export function useSettings(): Settings {
  const store = useStore();
  // Storage reads are synchronous, so the first render already has the data.
  return useQuery({ ...settingsQueryOptions(store), initialData: () => fetchSettings(store) }).data;
}

export function useUpdateSettings() {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: Partial<Settings>) => writeSettings(store, change),
    onSuccess: ({ settings }) => client.setQueryData(queryKeys.settings(), settings),
  });
}
