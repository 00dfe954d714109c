// Which entity types the reader switched off in the legend; remembered across articles and reloads.
import * as v from 'valibot';
import { storageKeys } from '../storage/keys';
import type { Store, StoredValue, WriteResult } from '../storage/storage';
import { ENTITY_TYPES, entityTypeSchema, type EntityType } from './entity-types.ts';

export const hiddenTypesSpec: StoredValue<EntityType[]> = {
  key: storageKeys.hiddenEntityTypes,
  version: 1,
  schema: v.array(entityTypeSchema),
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

/**
 * The switches beside the per-type ones: all names on or off (legend and `e`), whether names in
 * the headline and headings are marked (off by default: a headline reads better plain), and whether
 * only confident names are marked.
 */
export interface EntityDisplay {
  readonly namesOn: boolean;
  readonly markHeadings: boolean;
  /** Only names the tagger is sure of (see CONFIDENT_NAME); the reader's own and listed names always show. */
  readonly confidentOnly: boolean;
}

export const defaultEntityDisplay: EntityDisplay = { namesOn: true, markHeadings: false, confidentOnly: false };

export const entityDisplaySpec: StoredValue<EntityDisplay> = {
  key: storageKeys.entityDisplay,
  version: 1,
  schema: v.object({ namesOn: v.fallback(v.boolean(), true), markHeadings: v.fallback(v.boolean(), false), confidentOnly: v.fallback(v.boolean(), false) }),
  fallback: () => defaultEntityDisplay,
};

export function readEntityDisplay(store: Store): EntityDisplay {
  return store.read(entityDisplaySpec);
}

export function writeEntityDisplay(store: Store, display: EntityDisplay): WriteResult {
  return store.write(entityDisplaySpec, { ...display });
}
