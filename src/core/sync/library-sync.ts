import * as v from 'valibot';
import type * as Y from 'yjs';
import { deleteImported, getImported, listSummaries, restoreImported } from '../article/imported-articles';
import { SYNC_LIMITS } from '../limits';
import type { IdbStore } from '../storage/idb-store';
import type { Store } from '../storage/storage';
import { ARTICLES_MAP, articleSyncRecordSchema, articleVersion, type ArticleSyncRecord } from './data-model';
import { planKeyedSync } from './keyed-sync';
import { LOCAL_ORIGIN } from './notes-sync';
import { readSyncBase, writeSyncBase } from './sync-account';

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

const encoder = new TextEncoder();

/** `oversized` remembers `id@version` of articles found too large, so they are not read again each pass. */
export async function syncLibraryPass(store: Store, db: IdbStore, doc: Y.Doc, baseKey: string, oversized = new Set<string>()): Promise<LibraryPassResult> {
  const local = new Map((await listSummaries(db)).map((s) => [s.id, articleVersion(s)]));
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
  const nextBase = { ...plan.base };
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
    const version = local.get(id)!;
    const item = oversized.has(`${id}@${version}`) ? undefined : await getImported(db, id);
    const record: ArticleSyncRecord | undefined = item && { item, version };
    if (!record || encoder.encode(JSON.stringify(record)).byteLength > SYNC_LIMITS.articleBytes) {
      if (item || oversized.has(`${id}@${version}`)) {
        oversized.add(`${id}@${version}`);
        tooLarge += 1;
      }
      keepAgreed(id);
      continue;
    }
    doc.transact(() => map.set(id, record), LOCAL_ORIGIN);
    sent += 1;
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
