import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { deleteImported, listImported, renameImported, saveImported, type ImportOrigin, type StoredArticle } from '../../core/article/imported-articles';
import type { Store, WriteResult } from '../../core/storage/storage';
import { queryKeys } from '../../shared/query-keys';
import { useStore } from '../../shared/store-context';

export const fetchImported = (store: Store): StoredArticle[] => listImported(store);

export const importedQueryOptions = (store: Store) =>
  queryOptions({ queryKey: queryKeys.imported(), queryFn: () => fetchImported(store), staleTime: Infinity });

export function useImportedArticles(): StoredArticle[] {
  const store = useStore();
  return useQuery({ ...importedQueryOptions(store), initialData: () => fetchImported(store) }).data;
}

/** Every write reports its WriteResult; a failed one leaves the library as it was. */
function useImportedMutation<Input>(write: (store: Store, input: Input) => WriteResult | { ok: false; reason: string }) {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => write(store, input),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.imported() }),
  });
}

export const useSaveImported = () =>
  useImportedMutation((store, input: { article: Article; origin: ImportOrigin; name?: string }) =>
    saveImported(store, input.article, input.origin, input.name ? { name: input.name } : {}),
  );
export const useRenameImported = () => useImportedMutation((store, input: { id: string; title: string }) => renameImported(store, input.id, input.title));
export const useDeleteImported = () => useImportedMutation((store, id: string) => deleteImported(store, id));
