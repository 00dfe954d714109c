import * as v from 'valibot';
import type * as Y from 'yjs';
import { deleteImported, getImported, listSummaries, restoreImported, summarize, type ArticleSummary, type SharedBy, type StoredArticle } from '../article/article-store';
import { SYNC_LIMITS } from '../limits';
import type { IdbStore } from '../storage/idb-store';
import { idRecord, type Store } from '../storage/storage';
import { hash53 } from '../article/hash';
import { ARTICLES_MAP, articleSyncRecordSchema, type ArticleSyncRecord } from '../schema/sync-documents';
import { planKeyedSync } from './keyed-sync';
import { LOCAL_ORIGIN } from './notes-sync';
import { readSyncBase, writeSyncBase } from './account-store';

/**
 * One sync pass between the imported articles in IndexedDB and a reader's `library:<name>`
 * document. Only summaries are read to compare (a digest of what the library shows: title, text
 * revision, tags, archived…), so a pass over a big library reads no article text; a full article
 * is read only to send it. Each article goes in a transaction (one message) of its own; one over
 * SYNC_LIMITS.articleBytes stays on this device and is counted in `tooLarge`. What comes from the
 * document is validated with the same schema IndexedDB reads use before it is stored. The bundled
 * sample is never in IndexedDB, so it is never synced.
 */

export interface LibraryPassResult {
  readonly sent: number;
  readonly received: number;
  readonly removed: number;
  /** Document values that are not valid articles (never stored here). */
  readonly refused: number;
  /** Articles kept off the server because they are over the size limit. */
  readonly tooLarge: number;
  /** Whether the local library changed (to refresh what the app shows). */
  readonly changed: boolean;
}

/** What a device compares to see whether an article changed: everything the library shows of it. */
export function articleVersion(summary: ArticleSummary): string {
  const { title, revision, importedAt, name, origin, tags, archived, groups, sharedBy } = summary;
  const fields = [title, revision ?? '', importedAt, name ?? '', origin, tags.join('\u0001'), String(archived), groups?.join('\u0001') ?? '', sharedBy ? `${sharedBy.group}\u0001${sharedBy.author}` : ''];
  return hash53(fields.join('\u0000')).toString(36);
}

const encoder = new TextEncoder();

/** Puts one stored article in the document as a message of its own, unless it is over the size limit. */
async function sendArticle(db: IdbStore, doc: Y.Doc, id: string, version: string, oversized: Set<string>, shape: (item: StoredArticle) => StoredArticle = (item) => item): Promise<'sent' | 'too-large' | 'missing'> {
  const known = `${id}@${version}`;
  if (oversized.has(known)) return 'too-large';
  const item = await getImported(db, id);
  if (!item) return 'missing';
  const record: ArticleSyncRecord = { item: shape(item), version };
  if (encoder.encode(JSON.stringify(record)).byteLength > SYNC_LIMITS.articleBytes) {
    oversized.add(known);
    return 'too-large';
  }
  doc.transact(() => doc.getMap(ARTICLES_MAP).set(id, record), LOCAL_ORIGIN);
  return 'sent';
}

/** `oversized` remembers `id@version` of articles found too large, so they are not read again each pass. */
export async function syncLibraryPass(store: Store, db: IdbStore, doc: Y.Doc, baseKey: string, oversized = new Set<string>()): Promise<LibraryPassResult> {
  // Articles other members shared come from their group documents, not from the reader's library.
  const local = new Map((await listSummaries(db)).filter((s) => !s.sharedBy).map((s) => [s.id, articleVersion(s)]));
  const map = doc.getMap(ARTICLES_MAP);
  const remote = new Map<string, string>();
  let refused = 0;
  map.forEach((raw, id) => {
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'string') remote.set(id, version);
    else refused += 1;
  });
  const base = readSyncBase(store, baseKey);
  const plan = planKeyedSync({ local, remote, base });
  const nextBase = idRecord(Object.entries(plan.base));
  // An entry this pass could not carry out keeps what was agreed before, so the next pass tries again.
  const keepAgreed = (id: string) => {
    if (base[id] === undefined) delete nextBase[id];
    else nextBase[id] = base[id];
  };
  let sent = 0;
  let received = 0;
  let removed = 0;
  let tooLarge = 0;

  for (const id of plan.toRemote) {
    const sentOne = await sendArticle(db, doc, id, local.get(id)!, oversized);
    if (sentOne === 'sent') sent += 1;
    else {
      if (sentOne === 'too-large') tooLarge += 1;
      keepAgreed(id);
    }
  }

  for (const id of plan.toLocal) {
    const parsed = v.safeParse(articleSyncRecordSchema, map.get(id));
    if (!parsed.success || parsed.output.item.article.id !== id) {
      refused += 1;
      keepAgreed(id);
      continue;
    }
    if ((await restoreImported(db, parsed.output.item)).ok) received += 1;
    else keepAgreed(id);
  }

  for (const id of plan.removeLocal) {
    if ((await deleteImported(db, id)).ok) removed += 1;
    else nextBase[id] = base[id]!;
  }
  if (plan.removeRemote.length) doc.transact(() => plan.removeRemote.forEach((id) => map.delete(id)), LOCAL_ORIGIN);
  removed += plan.removeRemote.length;

  writeSyncBase(store, baseKey, nextBase);
  return { sent, received, removed, refused, tooLarge, changed: received > 0 || plan.removeLocal.length > 0 };
}

/**
 * The articles this reader shares with a group, into their `group-articles:<group>:<reader>`
 * document: it holds exactly the stored articles whose `groups` name the group (the groups travel
 * with the article through the reader's library document, so each of their devices agrees). What
 * goes out carries neither the reader's tags nor their other groups.
 */
export async function publishGroupArticles(db: IdbStore, doc: Y.Doc, group: string, oversized = new Set<string>()): Promise<{ sent: number; removed: number; tooLarge: number }> {
  const shared = new Map((await listSummaries(db)).filter((s) => !s.sharedBy && s.groups?.includes(group)).map((s) => [s.id, articleVersion(s)]));
  const map = doc.getMap(ARTICLES_MAP);
  let sent = 0;
  let tooLarge = 0;
  for (const [id, version] of shared) {
    if ((map.get(id) as { version?: unknown } | undefined)?.version === version) continue;
    const result = await sendArticle(db, doc, id, version, oversized, ({ groups: _groups, ...item }) => ({ ...item, tags: [], archived: false }));
    if (result === 'sent') sent += 1;
    else if (result === 'too-large') tooLarge += 1;
  }
  const unshared = [...map.keys()].filter((id) => !shared.has(id));
  if (unshared.length) doc.transact(() => unshared.forEach((id) => map.delete(id)), LOCAL_ORIGIN);
  return { sent, removed: unshared.length, tooLarge };
}

/**
 * Another member's shared articles, mirrored into this reader's library marked with the group and
 * the author (read-only here). An article the reader has of their own is left as it is; the
 * group's notes on it anchor to it all the same.
 */
export async function mirrorGroupArticles(db: IdbStore, doc: Y.Doc, from: SharedBy): Promise<{ received: number; removed: number; refused: number }> {
  const summaries = new Map((await listSummaries(db)).map((s) => [s.id, s]));
  const isMirror = (s: { sharedBy?: SharedBy } | undefined) => s?.sharedBy?.group === from.group && s.sharedBy.author === from.author;
  const map = doc.getMap(ARTICLES_MAP);
  let received = 0;
  let refused = 0;
  for (const [id, raw] of map.entries()) {
    const parsed = v.safeParse(articleSyncRecordSchema, raw);
    if (!parsed.success || parsed.output.item.article.id !== id) {
      refused += 1;
      continue;
    }
    const local = summaries.get(id);
    if (local && !isMirror(local)) continue;
    const { groups: _groups, ...shared } = parsed.output.item;
    const item: StoredArticle = { ...shared, tags: [], archived: false, sharedBy: from };
    if (local && articleVersion(local) === articleVersion(summarize(item))) continue;
    if ((await restoreImported(db, item)).ok) received += 1;
  }
  let removed = 0;
  for (const summary of summaries.values()) {
    if (isMirror(summary) && !map.has(summary.id) && (await deleteImported(db, summary.id)).ok) removed += 1;
  }
  return { received, removed, refused };
}
