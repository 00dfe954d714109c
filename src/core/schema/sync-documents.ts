import * as v from 'valibot';
import { ARTICLE_LIMITS, SYNC_LIMITS } from '../limits';
import { isAccountName } from './account';
import { realTimestampSchema, syncedAnnotationSchema, type Annotation } from './annotation';
import { syncedCorrectionSchema, type Correction } from './correction';
import { entityTypeSchema, type EntityType } from './entity-types';
import { syncedStoredArticleSchema, type StoredArticle } from './stored-article';
import { strict } from './strictness';

/**
 * What syncs, shared by the app and the sync server (server/ imports this leaf, never the app's storage).
 *
 * Documents (one Yjs document each):
 * - `user:<name>` — one reader's private data; only that reader may open it.
 * - `group:<group>:<author>` — the notes `author` made in `group`; every member reads it, only the
 *   author writes it. One document per author keeps "members edit only their own notes" enforced
 *   by the server's connection mode instead of by inspecting each change.
 * - `group-articles:<group>:<author>` — the articles `author` shares with `group`; members read it,
 *   only the author writes it (as for group notes).
 * - `library:<name>` — one reader's imported articles (megabytes, so apart from the notes: a new
 *   device has its notes without waiting for the articles); only that reader may open it.
 *
 * Inside a document every root type is a flat Y.Map of JSON values (no nested Yjs types), so the
 * server can validate each value of an incoming update against these schemas:
 * - `notes`: annotation id → { annotation, parent } (parent = the `modified` stamp the edit started from)
 * - `deleted`: annotation id → { deleted: ISO time } (a tombstone, so a delete reaches other devices)
 * - `progress`: article id → reading progress
 * - `articles`: article id → { item, version } (the stored article and a digest of what the library shows of it)
 * - `corrections`: `<article id>/<correction id>` → { articleId, correction } (entity corrections)
 * - `names`: a name as the tagger compares names → { text, type? } (the personal lists; no type = not a name)
 */

export const NOTES_MAP = 'notes';
export const DELETED_MAP = 'deleted';
export const PROGRESS_MAP = 'progress';
export const ARTICLES_MAP = 'articles';
export const CORRECTIONS_MAP = 'corrections';
export const NAMES_MAP = 'names';
export const SYNCED_MAPS = [NOTES_MAP, DELETED_MAP, PROGRESS_MAP, ARTICLES_MAP, CORRECTIONS_MAP, NAMES_MAP] as const;

export type DocumentName =
  | { readonly kind: 'user' | 'library'; readonly user: string }
  | { readonly kind: 'group' | 'group-articles'; readonly group: string; readonly author: string };

export function personalDocumentName(user: string): string {
  return `user:${user}`;
}

export function libraryDocumentName(user: string): string {
  return `library:${user}`;
}

export function groupArticlesDocumentName(group: string, author: string): string {
  return `group-articles:${group}:${author}`;
}

export function groupDocumentName(group: string, author: string): string {
  return `group:${group}:${author}`;
}

/** Parses a document name; null for anything that is not exactly one of the two shapes. */
export function parseDocumentName(name: string): DocumentName | null {
  const parts = name.split(':');
  if ((parts[0] === 'user' || parts[0] === 'library') && parts.length === 2 && isAccountName(parts[1]!)) return { kind: parts[0], user: parts[1]! };
  if ((parts[0] === 'group' || parts[0] === 'group-articles') && parts.length === 3 && isAccountName(parts[1]!) && isAccountName(parts[2]!)) {
    return { kind: parts[0], group: parts[1]!, author: parts[2]! };
  }
  return null;
}

/*
 * Every record below is strict (strictness.ts): a field it does not know is refused, not dropped,
 * whether the server reads it from a device or a device from the server; timestamps must name real
 * instants; every length is one of core/limits.ts.
 */

export const noteRecordSchema = strict.object({ annotation: syncedAnnotationSchema, parent: v.nullable(realTimestampSchema('parent')) });
export interface NoteRecord {
  readonly annotation: Annotation;
  /** The `modified` of the version this one was edited from; null for a note new to the document. */
  readonly parent: string | null;
}

export const tombstoneSchema = strict.object({ deleted: realTimestampSchema('deleted') });
export interface Tombstone {
  readonly deleted: string;
}

export const progressRecordSchema = strict.object({
  blockId: v.pipe(v.string(), v.maxLength(SYNC_LIMITS.progressBlockIdLength)),
  fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  updated: realTimestampSchema('updated'),
});

/** An imported article as the library stores it (the same schema IndexedDB reads, strict), with its version. */
export const articleSyncRecordSchema = strict.object({ item: syncedStoredArticleSchema, version: v.pipe(v.string(), v.maxLength(SYNC_LIMITS.versionLength)) });
export interface ArticleSyncRecord {
  readonly item: StoredArticle;
  readonly version: string;
}

/** One entity correction, with the article it belongs to (the local schema, with sizes capped). */
export const correctionRecordSchema = strict.object({
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.idLength)),
  correction: v.pipe(
    syncedCorrectionSchema,
    v.check((c) => c.id.length <= SYNC_LIMITS.entryIdLength && c.blockId.length <= SYNC_LIMITS.entryIdLength && c.text.length <= SYNC_LIMITS.nameTextLength, 'correction too long'),
  ),
});
export interface CorrectionRecord {
  readonly articleId: string;
  readonly correction: Correction;
}

/** One name of the personal lists: with a type it is a name, without one it is "not a name". */
export const nameEntrySchema = strict.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(SYNC_LIMITS.nameTextLength)),
  type: v.optional(entityTypeSchema),
});
export interface NameEntry {
  readonly text: string;
  readonly type?: EntityType;
}

/** The schema each map's values must meet. */
export const MAP_VALUE_SCHEMAS = {
  [NOTES_MAP]: noteRecordSchema,
  [DELETED_MAP]: tombstoneSchema,
  [PROGRESS_MAP]: progressRecordSchema,
  [ARTICLES_MAP]: articleSyncRecordSchema,
  [CORRECTIONS_MAP]: correctionRecordSchema,
  [NAMES_MAP]: nameEntrySchema,
} as const;

/** Map keys are annotation or article ids. */
export const mapKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(SYNC_LIMITS.mapKeyLength));
