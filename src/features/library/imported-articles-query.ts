import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import {
  deleteImported,
  getImported,
  listSummaries,
  renameImported,
  restoreImported,
  saveImported,
  setArchived,
  setArticleGroups,
  setArticleTags,
  type ChangeResult,
  type ImportOrigin,
  type StoredArticle,
} from '../../core/article/article-store';
import type { IdbStore } from '../../core/storage/idb-store';
import { libraryKeys } from './query-keys';
import { useIdbStore } from '../../shared/store-context';

/** The library list reads summaries only (title, lead, counts, tags), never the articles' text. */
export const fetchImported = (db: IdbStore) => listSummaries(db);

export const importedQueryOptions = (db: IdbStore) => queryOptions({ queryKey: libraryKeys.summaries(), queryFn: () => fetchImported(db), staleTime: Infinity });

export function useImportedArticles() {
  return useQuery(importedQueryOptions(useIdbStore()));
}

/** Every write reports its result; a failed one leaves the library as it was. */
function useImportedMutation<Input, Result extends ChangeResult = ChangeResult>(write: (db: IdbStore, input: Input) => Promise<Result>) {
  const db = useIdbStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => write(db, input),
    onSettled: () => client.invalidateQueries({ queryKey: libraryKeys.summaries() }),
  });
}

export const useSaveImported = () =>
  useImportedMutation((db, input: { article: Article; origin: ImportOrigin; name?: string }) =>
    saveImported(db, input.article, input.origin, input.name ? { name: input.name } : {}),
  );
export const useRenameImported = () => useImportedMutation((db, input: { id: string; title: string }) => renameImported(db, input.id, input.title));
export const useSetArticleTags = () => useImportedMutation((db, input: { id: string; tags: readonly string[] }) => setArticleTags(db, input.id, input.tags));
export const useSetArticleGroups = () => useImportedMutation((db, input: { id: string; groups: readonly string[] }) => setArticleGroups(db, input.id, input.groups));
export const useSetArchived = () => useImportedMutation((db, input: { id: string; archived: boolean }) => setArchived(db, input.id, input.archived));

/** Deleting keeps the removed item so that "undo" can put it back as it was. */
export const useDeleteImported = () =>
  useImportedMutation(async (db, id: string): Promise<ChangeResult & { removed?: StoredArticle }> => {
    const removed = await getImported(db, id);
    if (!removed) return { ok: false, reason: 'not-found' };
    const result = await deleteImported(db, id);
    return result.ok ? { ...result, removed } : result;
  });
export const useRestoreImported = () => useImportedMutation((db, item: StoredArticle) => restoreImported(db, item));
