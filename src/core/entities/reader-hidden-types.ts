// Which entity types the reader switched off in the legend; remembered across articles and reloads.
import * as v from 'valibot';
import { storageKeys } from '../storage/keys';
import type { Store, StoredValue, WriteResult } from '../storage/storage';
import type { EntityType } from './entities.ts';
import { ENTITY_TYPES } from './reader-entities.ts';

export const hiddenTypesSpec: StoredValue<EntityType[]> = {
  key: storageKeys.hiddenEntityTypes,
  version: 1,
  schema: v.array(v.picklist(ENTITY_TYPES as [EntityType, ...EntityType[]])),
  fallback: () => [],
};

export function readHiddenTypes(store: Store): EntityType[] {
  return store.read(hiddenTypesSpec);
}

/** Hidden types in the legend's order, without duplicates. */
export function toggleType(hidden: readonly EntityType[], type: EntityType): EntityType[] {
  const next = new Set(hidden);
  if (next.has(type)) next.delete(type);
  else next.add(type);
  return ENTITY_TYPES.filter((t) => next.has(t));
}

export function writeHiddenTypes(store: Store, hidden: readonly EntityType[]): WriteResult {
  return store.write(hiddenTypesSpec, [...hidden]);
}
