import { useMutation, useQueryClient } from '@tanstack/react-query';
import { anchor, describe, isOrphan } from '../../core/annotations/anchoring';
import { selectorsOf, type Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import {
  deleteAnnotation,
  listAnnotations,
  mergeConflictCopy,
  restoreAnnotation,
  saveAnnotation,
  saveAnnotations,
  saveEdit,
  type EditResult,
  type SaveResult,
} from '../../core/annotations/annotation-store';
import type { Store } from '../../core/storage/storage';
import { annotationKeys } from './query-keys';
import { useStore } from '../../shared/store-context';

/**
 * Every write goes through the core store (which re-reads before writing, so two tabs editing
 * different notes both keep theirs) and then invalidates every annotations query: the article's
 * list and the notebook share the ['store', 'annotations'] prefix.
 */
function useAnnotationsMutation<Input, Output>(write: (store: Store, input: Input) => Output) {
  const store = useStore();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => write(store, input),
    onSettled: () => client.invalidateQueries({ queryKey: annotationKeys.all }),
  });
}

export const useSaveAnnotation = () => useAnnotationsMutation((store, annotation: Annotation): SaveResult => saveAnnotation(store, annotation));

export const useDeleteAnnotation = () =>
  useAnnotationsMutation((store, annotation: Annotation): SaveResult => deleteAnnotation(store, annotation.articleId, annotation.id));

/** Save an edit of the version the editor opened: a concurrent change elsewhere is kept as a conflict copy. */
export const useSaveEdit = () =>
  useAnnotationsMutation((store, input: { base: Annotation; edited: Annotation }): EditResult => saveEdit(store, input.base, input.edited));

export const useMergeConflictCopy = () => useAnnotationsMutation((store, copy: Annotation): SaveResult => mergeConflictCopy(store, copy));

export const useRestoreAnnotation = () => useAnnotationsMutation((store, annotation: Annotation): SaveResult => restoreAnnotation(store, annotation));

/**
 * Give an earlier version's notes to this article (same ids, notes and dates). Each one that anchors
 * in the new text is described afresh there (so its block id and links point into the new version);
 * the others keep their selectors and show as orphans.
 */
export function moveAnnotations(store: Store, fromArticleId: string, to: Article | string): SaveResult {
  const moving = listAnnotations(store, fromArticleId);
  if (moving.length === 0) return { ok: true };
  const article = typeof to === 'string' ? null : to;
  const toArticleId = typeof to === 'string' ? to : to.id;
  const saved = saveAnnotations(
    store,
    moving.map((a) => {
      const placed = article ? anchor(article, selectorsOf(a)) : null;
      const selectors = article && placed && !isOrphan(placed) ? describe(article, placed) : null;
      return selectors ? { ...a, articleId: toArticleId, target: { blockId: selectors.blockId, selectors: [selectors.quote, selectors.position] as const } } : { ...a, articleId: toArticleId };
    }),
  );
  if (!saved.ok) return saved;
  for (const a of moving) {
    const removed = deleteAnnotation(store, fromArticleId, a.id);
    if (!removed.ok) return removed;
  }
  return { ok: true };
}

export const useMoveAnnotations = () =>
  useAnnotationsMutation((store, input: { from: string; to: Article }): SaveResult => moveAnnotations(store, input.from, input.to));
