import * as v from 'valibot';
import type * as Y from 'yjs';
import { deleteAnnotation, listAllAnnotations, listAnnotations, saveAnnotations } from '../annotations/annotation-store';
import type { Annotation } from '../annotations/annotation';
import { SYNC_LIMITS } from '../limits';
import { progressSpec, writeProgress } from '../settings/progress-store';
import { idRecord, type Store } from '../storage/storage';
import { DELETED_MAP, NOTES_MAP, noteRecordSchema, PROGRESS_MAP, progressRecordSchema, tombstoneSchema, type NoteRecord, type Tombstone } from '../schema/sync-documents';
import { planNotesSync } from './reconcile';
import { readSyncBase, writeSyncBase } from './account-store';

/**
 * One sync pass between local storage (the source of truth) and a reader's Yjs document: read both,
 * plan with planNotesSync, write the document in batches (each batch is one message to the server)
 * and local storage in one write per article. Values in the document that fail the schemas are
 * never written locally; they are counted as `refused` so the app can say so.
 */

/** Marks the document transactions this device makes, so its own changes do not trigger a pass. */
export const LOCAL_ORIGIN = 'hashiya-local';

export interface SyncPassResult {
  readonly sentNotes: number;
  readonly receivedNotes: number;
  readonly deleted: number;
  readonly conflicts: number;
  /** Values in the document that are not valid notes, tombstones or progress. */
  readonly refused: number;
  /** Article ids whose local notes changed (to refresh what the app shows). */
  readonly changedArticles: string[];
  readonly progressChanged: boolean;
}

function readMap<T>(
  doc: Y.Doc,
  name: string,
  schema: v.GenericSchema<unknown, T>,
  keyOf: (value: T) => string | null,
  include: (raw: unknown) => boolean = () => true,
): { values: Map<string, T>; refused: number } {
  const values = new Map<string, T>();
  let refused = 0;
  doc.getMap(name).forEach((value, key) => {
    if (!include(value)) return;
    const parsed = v.safeParse(schema, value);
    const expectedKey = parsed.success ? keyOf(parsed.output) : null;
    if (!parsed.success || (expectedKey !== null && expectedKey !== key)) refused += 1;
    else values.set(key, parsed.output);
  });
  return { values, refused };
}

/** The article a raw document value claims to belong to (before validation), if any. */
export function claimedArticle(raw: unknown): string | undefined {
  const articleId = (raw as { annotation?: { articleId?: unknown } } | null)?.annotation?.articleId;
  return typeof articleId === 'string' ? articleId : undefined;
}

/** Whose notes a document holds: the reader's private notes (null), or one author's notes in one group. */
export type NoteScope = { readonly group: string; readonly author: string } | null;

export function belongsTo(annotation: Annotation, scope: NoteScope): boolean {
  return scope ? annotation.group === scope.group && annotation.author === scope.author : annotation.group === undefined;
}

/**
 * `articles` limits the pass to those articles' notes (what one save or one incoming change
 * touched), so an edit costs the same with 10 notes or 10,000; without it everything is compared.
 */
export function syncNotesPass(store: Store, doc: Y.Doc, account: string, now = new Date(), articles?: ReadonlySet<string>, scope: NoteScope = null): SyncPassResult {
  const inScope = (raw: unknown) => !articles || articles.has(claimedArticle(raw) ?? '');
  const remote = readNotes(doc, scope, inScope);
  const tombstones = readMap<Tombstone>(doc, DELETED_MAP, tombstoneSchema, () => null);
  const localList = localNotes(store, scope, articles);
  const local = new Map(localList.map((a) => [a.id, a]));
  const fullBase = readSyncBase(store, account);
  // A scoped pass decides only for the notes it looked at; the rest of what was agreed stays.
  const base = articles ? idRecord([...local.keys(), ...remote.values.keys()].filter((id) => id in fullBase).map((id) => [id, fullBase[id]!] as const)) : fullBase;
  const plan = planNotesSync({ local, remote: remote.values, tombstones: tombstones.values, base }, now);
  const nextBase = articles ? idRecord([...Object.entries(fullBase), ...Object.entries(plan.base)]) : plan.base;
  if (articles) for (const id of Object.keys(base)) if (!(id in plan.base)) delete nextBase[id];

  const notes = doc.getMap(NOTES_MAP);
  const deleted = doc.getMap(DELETED_MAP);
  const puts = [...plan.remotePuts];
  for (let i = 0; i < puts.length; i += SYNC_LIMITS.notesPerBatch) {
    doc.transact(() => {
      for (const [id, record] of puts.slice(i, i + SYNC_LIMITS.notesPerBatch)) {
        notes.set(id, record);
        if (deleted.has(id)) deleted.delete(id);
      }
    }, LOCAL_ORIGIN);
  }
  if (plan.remoteDeletes.size) {
    doc.transact(() => {
      for (const [id, tombstone] of plan.remoteDeletes) {
        notes.delete(id);
        deleted.set(id, tombstone);
      }
    }, LOCAL_ORIGIN);
  }

  const changed = new Set<string>();
  if (plan.localPuts.length) {
    const saved = saveAnnotations(store, plan.localPuts);
    if (saved.ok) for (const a of plan.localPuts) changed.add(a.articleId);
  }
  for (const annotation of plan.localDeletes) {
    if (deleteAnnotation(store, annotation.articleId, annotation.id).ok) changed.add(annotation.articleId);
  }
  // Only remember what was agreed for notes that are now equal on both sides.
  writeSyncBase(store, account, nextBase);

  const progress = scope ? { refused: 0, changed: false } : syncProgress(store, doc);
  return {
    sentNotes: plan.remotePuts.size,
    receivedNotes: plan.localPuts.length,
    deleted: plan.localDeletes.length + plan.remoteDeletes.size,
    conflicts: plan.conflicts,
    refused: remote.refused + tombstones.refused + progress.refused,
    changedArticles: [...changed].sort(),
    progressChanged: progress.changed,
  };
}

/** A document's notes that are valid and belong to it (a group note claiming another author is refused). */
function readNotes(doc: Y.Doc, scope: NoteScope, include?: (raw: unknown) => boolean) {
  return readMap<NoteRecord>(doc, NOTES_MAP, noteRecordSchema, (record) => (belongsTo(record.annotation, scope) ? record.annotation.id : '\u0000'), include);
}

function localNotes(store: Store, scope: NoteScope, articles?: ReadonlySet<string>): Annotation[] {
  const all = articles ? [...articles].flatMap((articleId) => listAnnotations(store, articleId)) : listAllAnnotations(store);
  return all.filter((a) => belongsTo(a, scope));
}

/**
 * Another member's notes in a group: read-only here, so local storage simply mirrors the document
 * (the server refuses writes to it from anyone but the author).
 */
export function mirrorGroupNotes(store: Store, doc: Y.Doc, scope: NonNullable<NoteScope>): SyncPassResult {
  const remote = readNotes(doc, scope);
  const local = new Map(localNotes(store, scope).map((a) => [a.id, a]));
  const puts = [...remote.values.values()].map((r) => r.annotation).filter((a) => JSON.stringify(local.get(a.id)) !== JSON.stringify(a));
  const deletes = [...local.values()].filter((a) => !remote.values.has(a.id));
  const changed = new Set<string>();
  if (puts.length && saveAnnotations(store, puts).ok) for (const a of puts) changed.add(a.articleId);
  for (const a of deletes) if (deleteAnnotation(store, a.articleId, a.id).ok) changed.add(a.articleId);
  return { sentNotes: 0, receivedNotes: puts.length, deleted: deletes.length, conflicts: 0, refused: remote.refused, changedArticles: [...changed].sort(), progressChanged: false };
}

/** Reading progress: per article, the later position wins on both sides. */
function syncProgress(store: Store, doc: Y.Doc): { refused: number; changed: boolean } {
  const remote = readMap(doc, PROGRESS_MAP, progressRecordSchema, () => null);
  const local = store.readCollection(progressSpec);
  const map = doc.getMap(PROGRESS_MAP);
  const toLocal: Record<string, (typeof local)[string]> = {};
  const toRemote: Record<string, (typeof local)[string]> = {};
  for (const id of new Set([...Object.keys(local), ...remote.values.keys()])) {
    const mine = local[id];
    const theirs = remote.values.get(id);
    // A local position the server would refuse (not a real timestamp) is kept here and not sent.
    if (mine && v.is(progressRecordSchema, mine) && (!theirs || mine.updated > theirs.updated)) toRemote[id] = mine;
    else if (theirs && (!mine || theirs.updated > mine.updated)) toLocal[id] = theirs;
  }
  if (Object.keys(toRemote).length) doc.transact(() => Object.entries(toRemote).forEach(([id, p]) => map.set(id, p)), LOCAL_ORIGIN);
  const changed = Object.keys(toLocal).length > 0;
  for (const [id, position] of Object.entries(toLocal)) writeProgress(store, id, position);
  return { refused: remote.refused, changed };
}
