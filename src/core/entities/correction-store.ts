// Where the reader's entity corrections and personal name lists are kept (localStorage, through the
// storage adapter): one key per article's corrections, one for the lists.
import * as v from 'valibot';
import { correctionSchema, personalListsSchema, type Correction, type PersonalLists } from '../schema/correction';
import { storageKeys } from '../storage/keys';
import type { Store, StoredValue, WriteResult } from '../storage/storage';
import { listsWith } from './corrections.ts';

export const correctionsSpec = (articleId: string): StoredValue<Correction[]> => ({
  key: `${storageKeys.entityCorrectionsPrefix}${articleId}`,
  version: 1,
  schema: v.array(correctionSchema),
  fallback: () => [],
});

export const personalListsSpec: StoredValue<PersonalLists> = {
  key: storageKeys.entityLists,
  version: 1,
  schema: personalListsSchema,
  fallback: () => ({ names: [], nonNames: [] }),
};

export function readCorrections(store: Store, articleId: string): Correction[] {
  return store.read(correctionsSpec(articleId));
}

export function readPersonalLists(store: Store): PersonalLists {
  return store.read(personalListsSpec);
}

/** Saves a correction for the article (replacing earlier ones on the same span), and the lists if it applies everywhere. */
export function saveCorrection(store: Store, articleId: string, c: Correction): WriteResult {
  const spec = correctionsSpec(articleId);
  const kept = readCorrections(store, articleId).filter((o) => !(o.blockId === c.blockId && o.start < c.end && c.start < o.end));
  const result = store.write(spec, [...kept, c]);
  if (!result.ok || c.scope !== 'everywhere') return result;
  return store.write(personalListsSpec, listsWith(readPersonalLists(store), c));
}

/** Removes a correction; one applied everywhere also leaves the personal lists. */
export function deleteCorrection(store: Store, articleId: string, id: string): WriteResult {
  const all = readCorrections(store, articleId);
  const gone = all.find((c) => c.id === id);
  const result = store.write(correctionsSpec(articleId), all.filter((c) => c.id !== id));
  if (!result.ok || !gone || gone.scope !== 'everywhere') return result;
  return store.write(personalListsSpec, listsWith(readPersonalLists(store), gone, true));
}

