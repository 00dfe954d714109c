import * as v from 'valibot';
import { entityTypeSchema, type EntityType } from './entity-types';
import { lenient, strict, type SchemaMakers } from './strictness';

/**
 * The reader's corrections to the tagger: per article, anchored by block id + offsets + the text
 * they were made on, and, for those applied "in every article", personal lists of names and
 * non-names that the tagger respects everywhere. Stored per article and synced.
 */

export type CorrectionKind = 'add' | 'retype' | 'remove';
export type CorrectionScope = 'article' | 'everywhere';

export interface Correction {
  readonly id: string;
  readonly kind: CorrectionKind;
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  /** The text at [start, end) when the correction was made: re-checked on load. */
  readonly text: string;
  /** For 'add' and 'retype'. */
  readonly type?: EntityType;
  readonly scope: CorrectionScope;
  /** Epoch milliseconds. */
  readonly created: number;
}

export interface PersonalLists {
  readonly names: ReadonlyArray<{ readonly text: string; readonly type: EntityType }>;
  readonly nonNames: readonly string[];
}

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

function correctionSchemaWith({ object }: SchemaMakers) {
  return v.pipe(
    object({
      id: v.pipe(v.string(), v.minLength(1)),
      kind: v.picklist(['add', 'retype', 'remove']),
      blockId: v.pipe(v.string(), v.minLength(1)),
      start: offset,
      end: offset,
      text: v.pipe(v.string(), v.minLength(1)),
      type: v.optional(entityTypeSchema),
      scope: v.picklist(['article', 'everywhere']),
      created: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
    v.check((c) => c.end > c.start && (c.kind === 'remove' || c.type !== undefined)),
  );
}

/** As stored: unknown fields are dropped (strictness.ts). */
export const correctionSchema = correctionSchemaWith(lenient) satisfies v.GenericSchema<unknown, Correction>;
/** As synced: unknown fields are refused. */
export const syncedCorrectionSchema = correctionSchemaWith(strict) satisfies v.GenericSchema<unknown, Correction>;

export const personalListsSchema = v.object({
  names: v.array(v.object({ text: v.pipe(v.string(), v.minLength(1)), type: entityTypeSchema })),
  nonNames: v.array(v.pipe(v.string(), v.minLength(1))),
}) satisfies v.GenericSchema<unknown, PersonalLists>;
