import * as v from 'valibot';
import type { Store, StoredCollection, WriteResult } from '../storage/storage';
import { storageKeys } from '../storage/keys';

/** Where the reader stopped in each article: the block at the top of the viewport and a fraction. */
const progressSchema = v.object({
  blockId: v.pipe(v.string(), v.maxLength(200)),
  fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  updated: v.pipe(v.string(), v.maxLength(40)),
});
export type ReadingProgress = v.InferOutput<typeof progressSchema>;

/** Keep the store small: only the most recent articles' positions are remembered. */
const MAX_REMEMBERED = 200;

export const progressSpec: StoredCollection<ReadingProgress> = {
  key: storageKeys.readingProgress,
  version: 1,
  itemSchema: progressSchema,
  fallback: () => ({}),
};

export function readProgress(store: Store, articleId: string): ReadingProgress | undefined {
  return store.readCollection(progressSpec)[articleId];
}

export function writeProgress(store: Store, articleId: string, progress: ReadingProgress): WriteResult {
  return store.updateCollection(progressSpec, (all) => {
    const next = { ...all, [articleId]: progress };
    const ids = Object.keys(next);
    if (ids.length <= MAX_REMEMBERED) return next;
    const newest = ids.sort((a, b) => (next[b]?.updated ?? '').localeCompare(next[a]?.updated ?? '')).slice(0, MAX_REMEMBERED);
    return Object.fromEntries(newest.map((id) => [id, next[id]!]));
  }, { articleIds: [articleId] });
}
