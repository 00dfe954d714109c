import * as v from 'valibot';
import { SYNC_LIMITS } from '../limits';
import type { Store, StoredCollection, StoredValue, WriteResult } from '../storage/storage';
import { storageKeys } from '../storage/keys';
import { sessionSchema, type SyncSession } from '../schema/account';

/**
 * The sync account on this device: which server, who is signed in and the session token. The
 * password is never stored. No account stored = sync is off and the app behaves as without it.
 */
export const serverUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(SYNC_LIMITS.serverUrlLength),
  v.url('not an address'),
  v.check((value) => /^https?:\/\//i.test(value), 'the address starts with http:// or https://'),
);

const accountSchema = v.object({ server: serverUrlSchema, session: sessionSchema, lastSynced: v.nullable(v.pipe(v.string(), v.maxLength(40))) });
export type SyncAccount = v.InferOutput<typeof accountSchema>;

export const syncAccountSpec: StoredValue<SyncAccount | null> = {
  key: storageKeys.syncAccount,
  version: 1,
  schema: v.nullable(accountSchema),
  fallback: () => null,
};

export function readSyncAccount(store: Store): SyncAccount | null {
  return store.read(syncAccountSpec);
}

export function saveSyncAccount(store: Store, server: string, session: SyncSession): WriteResult {
  return store.write(syncAccountSpec, { server: normaliseServerUrl(server), session, lastSynced: null });
}

export function markSynced(store: Store, when: Date): WriteResult {
  const account = readSyncAccount(store);
  if (!account) return { ok: true };
  return store.write(syncAccountSpec, { ...account, lastSynced: when.toISOString() });
}

/**
 * The server's latest word on the session (GET /me): group membership changes while a reader is
 * signed in. Saves the new groups when they differ; true when they did (the app then reopens its
 * group documents). A session for another user or server is ignored.
 */
export function refreshGroups(store: Store, session: SyncSession): boolean {
  const account = readSyncAccount(store);
  if (!account || account.session.user !== session.user) return false;
  const key = (groups: SyncSession['groups']) => JSON.stringify(groups.map((g) => [g.name, [...g.members].sort()]).sort());
  if (key(account.session.groups) === key(session.groups)) return false;
  return store.write(syncAccountSpec, { ...account, session: { ...account.session, groups: session.groups } }).ok;
}

/** Signing out removes the token and what was agreed with the server; local notes stay. */
export function signOut(store: Store): void {
  const account = readSyncAccount(store);
  store.remove(storageKeys.syncAccount);
  if (!account) return;
  // The reader's own document and each group document have their own record of what was agreed.
  const prefix = syncBaseSpec(accountKey(account)).key;
  for (const key of store.keys()) if (key === prefix || key.startsWith(`${prefix}|`)) store.remove(key);
}

/** "https://sync.example.org/" → "https://sync.example.org". */
export function normaliseServerUrl(server: string): string {
  return server.trim().replace(/\/+$/, '');
}

/** The websocket address for a server address. */
export function websocketUrl(server: string): string {
  return normaliseServerUrl(server).replace(/^http/i, 'ws');
}

export function accountKey(account: SyncAccount): string {
  return `${account.session.user}@${account.server}`;
}

const stamp = v.pipe(v.string(), v.maxLength(40));

function syncBaseSpec(account: string): StoredCollection<string> {
  return { key: `${storageKeys.syncBasePrefix}${account}`, version: 1, itemSchema: stamp, fallback: () => ({}) };
}

export function readSyncBase(store: Store, account: string): Record<string, string> {
  return store.readCollection(syncBaseSpec(account));
}

export function writeSyncBase(store: Store, account: string, base: Record<string, string>): WriteResult {
  return store.write(syncBaseSpec(account), base);
}

/** The signed-in reader and their groups, for making and showing group notes; null when sync is off. */
export function syncIdentity(store: Store): { readonly user: string; readonly groups: readonly string[] } | null {
  const account = readSyncAccount(store);
  return account ? { user: account.session.user, groups: account.session.groups.map((g) => g.name) } : null;
}

/** Another member's group note: shown, never edited or deleted here (the server would refuse it). */
export function isOthersNote(annotation: { readonly author?: string }, user: string | undefined): boolean {
  return annotation.author !== undefined && annotation.author !== user;
}

/** The notes panel's mine / group / all choice. Private notes and the reader's own group notes are "mine". */
export const NOTE_OWNERS = ['mine', 'group', 'all'] as const;
export type NoteOwner = (typeof NOTE_OWNERS)[number];

export function matchesOwner(annotation: { readonly group?: string; readonly author?: string }, owner: NoteOwner, user: string | undefined): boolean {
  if (owner === 'mine') return !isOthersNote(annotation, user);
  if (owner === 'group') return annotation.group !== undefined;
  return true;
}
