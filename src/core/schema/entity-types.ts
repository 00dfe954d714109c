import * as v from 'valibot';

/**
 * The kinds of entity the reader marks, in the order the legend, the names panel and the names
 * page show them. Their ids are stored (corrections, personal lists, cached names) and synced, so
 * this list is part of the schema; everything else about a type (its label, colour and underline)
 * is derived from it in core/entities/entity-types.ts.
 */
export const ENTITY_TYPES = ['PERS', 'LOC', 'ORG', 'MISC', 'DATE'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const entityTypeSchema = v.picklist(ENTITY_TYPES);
