import * as v from 'valibot';
import { ANNOTATION_LIMITS, ARTICLE_LIMITS } from '../limits';
import { ARTICLE_ID_PATTERN } from './article';
import { lenient, strict, type SchemaMakers } from './strictness';
import { tagsSchema } from './tags';

/**
 * The annotation, in the shape of a W3C Web Annotation: a target (the block and the two selectors
 * that find the passage again) plus what the reader added (colour, note, tags). Stored in
 * localStorage, exported, imported and synced; the sync server checks every one against this
 * schema. How annotations are made and edited lives in core/annotations/annotation.ts.
 */

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface AnnotationTarget {
  readonly blockId: string;
  readonly selectors: readonly [TextQuoteSelector, TextPositionSelector];
}

export interface Annotation {
  readonly id: string;
  readonly articleId: string;
  readonly target: AnnotationTarget;
  readonly color: AnnotationColor;
  /** Plain text, may be multi-line; never rendered as HTML. */
  readonly note: string;
  readonly tags: readonly string[];
  /** ISO 8601 timestamps, always in the form Date.prototype.toISOString gives (the schema normalises). */
  readonly created: string;
  readonly modified: string;
  /**
   * Set on a conflict copy: the id of the note that two tabs (or devices) changed at once. The copy
   * holds the version that lost; the reader merges it into that note or drops it.
   */
  readonly conflictOf?: string;
  /** A note made in a sync group (shared with its members) and who wrote it; absent for private notes. */
  readonly group?: string;
  readonly author?: string;
}

const LIMITS = ANNOTATION_LIMITS;

/** The form toISOString gives (years 0000–9999): already normal. */
const CANONICAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO 8601 timestamp in any form valibot's isoTimestamp accepts ("2026-11-29T10:00:00+01", a
 * space instead of T, nine fraction digits), as toISOString writes it; undefined when it names no
 * real instant (30 February) or falls outside years 0000–9999. Date cannot parse some accepted forms
 * (the "+01" offset), and a date the app cannot format must never reach a card.
 */
export function normaliseTimestamp(value: string): string | undefined {
  // What the app itself writes, checked without Date: reading 10,000 stored notes spends most of its
  // validation time here (it is 5 times faster than the general path below).
  const canonical = CANONICAL_TIMESTAMP.exec(value);
  if (canonical) {
    const [, year, month, day, hour, minute, second] = canonical.map(Number) as number[] as [number, number, number, number, number, number, number];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
    return day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 ? value : undefined;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)| ?([+-])(\d{2})(?::?(\d{2}))?)$/u.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zulu, sign, offsetHours = '0', offsetMinutes = '0'] = m;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  date.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const utc = new Date(date.getTime() - offset * 60_000);
  if (Number.isNaN(utc.getTime()) || utc.getUTCFullYear() < 0 || utc.getUTCFullYear() > 9999) return undefined;
  return utc.toISOString();
}

const timestampSchema = (what: string) =>
  v.pipe(
    v.string(),
    v.maxLength(LIMITS.timestamp),
    v.transform(normaliseTimestamp),
    v.string(`${what} is not an ISO timestamp`),
  );

/** A real instant as an ISO timestamp, kept as written: "not a date" and 31 February are refused. */
export const realTimestampSchema = (what: string) =>
  v.pipe(
    v.string(),
    v.maxLength(LIMITS.timestamp),
    v.check((value) => normaliseTimestamp(value) !== undefined, `${what} is not a real date`),
  );

/** Ids key records and storage and end up in exports and the DOM: one line of visible characters. */
const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id), v.regex(/^[^\s\p{C}]+$/u, 'id has spaces or control characters'));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

function annotationSchemaWith({ object, tuple }: SchemaMakers) {
  const quoteSelectorSchema = object({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(v.string(), v.minLength(1, 'empty quote'), v.maxLength(LIMITS.quote, 'quote too long')),
    prefix: v.pipe(v.string(), v.maxLength(LIMITS.context)),
    suffix: v.pipe(v.string(), v.maxLength(LIMITS.context)),
  });
  const positionSelectorSchema = v.pipe(
    object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
    v.check((s) => s.end >= s.start, 'position ends before it starts'),
  );
  return object({
    id: idSchema,
    articleId: v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN, 'not an article id'), v.maxLength(ARTICLE_LIMITS.idLength)),
    target: object({
      blockId: v.pipe(v.string(), v.maxLength(LIMITS.blockId)),
      selectors: tuple([quoteSelectorSchema, positionSelectorSchema]),
    }),
    color: v.picklist(ANNOTATION_COLORS, 'unknown colour'),
    note: v.pipe(v.string(), v.maxLength(LIMITS.note, 'note too long')),
    tags: tagsSchema,
    created: timestampSchema('created'),
    modified: timestampSchema('modified'),
    conflictOf: v.optional(idSchema),
    group: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.accountName))),
    author: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.accountName))),
  });
}

/** As stored, exported and imported: unknown fields are dropped (strictness.ts). */
export const annotationSchema = annotationSchemaWith(lenient) satisfies v.GenericSchema<unknown, Annotation>;
/** As synced: unknown fields are refused. */
export const syncedAnnotationSchema = annotationSchemaWith(strict) satisfies v.GenericSchema<unknown, Annotation>;

export type ValidationResult = { readonly ok: true; readonly annotation: Annotation } | { readonly ok: false; readonly reason: string };

export function validateAnnotation(value: unknown): ValidationResult {
  const result = v.safeParse(annotationSchema, value);
  if (result.success) return { ok: true, annotation: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
