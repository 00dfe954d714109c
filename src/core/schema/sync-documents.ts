import * as v from 'valibot';
import { ARTICLE_LIMITS, SYNC_LIMITS } from '../limits';
import { isAccountName } from './account';
import { annotationSchema, type Annotation } from './annotation';
import { correctionSchema, type Correction } from './correction';
import { entityTypeSchema, type EntityType } from './entity-types';
import { storedArticleSchema, type StoredArticle } from './stored-article';

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

const isoStamp = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());

export const noteRecordSchema = v.object({ annotation: annotationSchema, parent: v.nullable(isoStamp) });
export interface NoteRecord {
  readonly annotation: Annotation;
  /** The `modified` of the version this one was edited from; null for a note new to the document. */
  readonly parent: string | null;
}

export const tombstoneSchema = v.object({ deleted: isoStamp });
export interface Tombstone {
  readonly deleted: string;
}

export const progressRecordSchema = v.object({
  blockId: v.pipe(v.string(), v.maxLength(200)),
  fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  updated: v.pipe(v.string(), v.maxLength(40)),
});

/** An imported article exactly as the library stores it (same schema as IndexedDB reads), with its version. */
export const articleSyncRecordSchema = v.object({ item: storedArticleSchema, version: v.pipe(v.string(), v.maxLength(40)) });
export interface ArticleSyncRecord {
  readonly item: StoredArticle;
  readonly version: string;
}

/** One entity correction, with the article it belongs to (the local schema, with sizes capped). */
export const correctionRecordSchema = v.object({
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.idLength)),
  correction: v.pipe(
    correctionSchema,
    v.check((c) => c.id.length <= SYNC_LIMITS.entryIdLength && c.blockId.length <= SYNC_LIMITS.entryIdLength && c.text.length <= SYNC_LIMITS.nameTextLength, 'correction too long'),
  ),
});
export interface CorrectionRecord {
  readonly articleId: string;
  readonly correction: Correction;
}

/** One name of the personal lists: with a type it is a name, without one it is "not a name". */
export const nameEntrySchema = v.object({
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

/** A value any synced map may hold (the server checks values whose map it cannot see cheaply). */
export const anySyncedValueSchema = v.union([noteRecordSchema, tombstoneSchema, progressRecordSchema, articleSyncRecordSchema, correctionRecordSchema, nameEntrySchema]);

/** Map keys are annotation or article ids. */
export const mapKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
