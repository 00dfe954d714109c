import * as Y from 'yjs';
import type { Queryable, Sql } from './database';

/**
 * Where documents live: a snapshot per document (`sync_documents`) and an append-only log of the
 * updates acknowledged since (`sync_updates`), as y-leveldb and y-redis keep them. An update is
 * appended before its client is told it is synced, so an acknowledged edit survives the process dying
 * the next instant; the debounced store folds the log into the snapshot. Loading merges both.
 *
 * Every write names who it is for (the owner's user id, and for a group document the group's id):
 * those ids change when a user or group is removed and another made with the same name, so nothing
 * written for the removed one can reach the new one, and a write by a session that has been ended
 * finds no row to match and stores nothing.
 */
export interface DocumentOwner {
  /** The user (for a group document, the author) and their row id. */
  readonly user: string;
  readonly userId: string;
  /** For group documents: the group and its row id. */
  readonly group?: string;
  readonly groupId?: string;
}

/** Who wrote an update: the owner, signed in with this token version. */
export interface Writer extends DocumentOwner {
  readonly tokenVersion: number;
}

export interface StoredState {
  /** The snapshot (if any) then each logged update, in order. */
  readonly updates: Uint8Array[];
  /** The snapshot's version (0 when there is none). */
  readonly version: number;
  readonly bytes: number;
}

export async function loadStoredState(sql: Queryable, name: string): Promise<StoredState> {
  const [snapshot, log] = await Promise.all([
    sql.query<{ state: Uint8Array; version: string }>('SELECT state, version FROM sync_documents WHERE name = $1', [name]),
    sql.query<{ data: Uint8Array }>('SELECT data FROM sync_updates WHERE doc = $1 ORDER BY id', [name]),
  ]);
  const updates = [...snapshot.map((r) => new Uint8Array(r.state)), ...log.map((r) => new Uint8Array(r.data))];
  return { updates, version: Number(snapshot[0]?.version ?? 0), bytes: updates.reduce((sum, u) => sum + u.byteLength, 0) };
}

/** A document as stored (snapshot and log merged), for tools and tests. */
export async function loadStoredDocument(sql: Queryable, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await loadStoredState(sql, name)).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The current ids of a document's owner; null when the user or group does not exist. */
export async function currentOwner(sql: Queryable, user: string, group?: string): Promise<DocumentOwner | null> {
  const users = await sql.query<{ id: string }>('SELECT id FROM sync_users WHERE name = $1', [user]);
  if (!users[0]) return null;
  if (group === undefined) return { user, userId: String(users[0].id) };
  const groups = await sql.query<{ id: string }>('SELECT id FROM sync_groups WHERE name = $1', [group]);
  return groups[0] ? { user, userId: String(users[0].id), group, groupId: String(groups[0].id) } : null;
}

/**
 * Appends one acknowledged update, only if the writer's session still stands: the same user row
 * (id), the same token version, and for a group document the same group (id) with the writer still
 * a member. False when it does not (nothing stored): the session or membership ended meanwhile.
 */
export async function appendUpdate(sql: Queryable, name: string, update: Uint8Array, writer: Writer): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO sync_updates (doc, data)
     SELECT $1, $2
     WHERE EXISTS (SELECT 1 FROM sync_users WHERE name = $3 AND id = $4 AND token_version = $5)
       AND ($6::text IS NULL OR EXISTS (
         SELECT 1 FROM sync_groups g JOIN sync_group_members m ON m.group_name = g.name
         WHERE g.name = $6 AND g.id = $7 AND m.user_name = $3))
     RETURNING id`,
    [name, Buffer.from(update), writer.user, writer.userId, writer.tokenVersion, writer.group ?? null, writer.groupId ?? null],
  );
  return rows.length > 0;
}

export type Compaction = { readonly stored: true; readonly version: number; readonly bytes: number } | { readonly stored: false; readonly ownerGone: boolean };

/**
 * Folds the log into the snapshot. Under a per-document lock: reads the snapshot (when another
 * instance wrote it since `knownVersion`) and the log, gives them to `merge` (which applies them to
 * the live document and returns its full state), writes that as the new snapshot and deletes exactly
 * the log rows it read (rows appended meanwhile stay for the next time). Nothing is written when the
 * owner no longer exists (their documents were deleted) or when there is nothing new.
 */
export async function compactDocument(
  sql: Sql,
  name: string,
  owner: DocumentOwner,
  knownVersion: number,
  merge: (stored: Uint8Array[]) => Uint8Array,
): Promise<Compaction> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    if (!(await ownerStands(tx, owner))) return { stored: false, ownerGone: true };
    const snapshot = await tx.query<{ state: Uint8Array; version: string }>('SELECT state, version FROM sync_documents WHERE name = $1', [name]);
    const log = await tx.query<{ id: string; data: Uint8Array }>('SELECT id, data FROM sync_updates WHERE doc = $1 ORDER BY id', [name]);
    const version = Number(snapshot[0]?.version ?? 0);
    if (!log.length && version === knownVersion) return { stored: false, ownerGone: false };
    const stored = [...(version !== knownVersion && snapshot[0] ? [new Uint8Array(snapshot[0].state)] : []), ...log.map((r) => new Uint8Array(r.data))];
    const state = merge(stored);
    const written = await tx.query<{ version: string }>(
      `INSERT INTO sync_documents (name, state, version, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, version = sync_documents.version + 1, updated_at = now()
       RETURNING version`,
      [name, Buffer.from(state)],
    );
    if (log.length) await tx.query('DELETE FROM sync_updates WHERE id = ANY($1::bigint[])', [log.map((r) => r.id)]);
    return { stored: true, version: Number(written[0]!.version), bytes: state.byteLength };
  });
}

async function ownerStands(sql: Queryable, owner: DocumentOwner): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM sync_users WHERE name = $1 AND id = $2)
       AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM sync_groups WHERE name = $3 AND id = $4))`,
    [owner.user, owner.userId, owner.group ?? null, owner.groupId ?? null],
  );
  return rows.length > 0;
}

/**
 * Deletes every stored document of a user (their own, their library, and what they wrote in any
 * group) or of a group, snapshot and log. Names are `kind:user` and `kind:group:author`, and account
 * names hold no colon, so the parts compare exactly.
 */
export async function deleteDocumentsOf(sql: Queryable, whose: { readonly user: string } | { readonly group: string }): Promise<void> {
  const match =
    'user' in whose
      ? `(split_part(%s, ':', 1) IN ('user', 'library') AND split_part(%s, ':', 2) = $1 AND split_part(%s, ':', 3) = '')
         OR (split_part(%s, ':', 1) IN ('group', 'group-articles') AND split_part(%s, ':', 3) = $1)`
      : `split_part(%s, ':', 1) IN ('group', 'group-articles') AND split_part(%s, ':', 2) = $1`;
  const who = 'user' in whose ? whose.user : whose.group;
  await sql.query(`DELETE FROM sync_documents WHERE ${match.replaceAll('%s', 'name')}`, [who]);
  await sql.query(`DELETE FROM sync_updates WHERE ${match.replaceAll('%s', 'doc')}`, [who]);
}
