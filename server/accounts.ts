import * as v from 'valibot';
import { accountNameSchema } from '../src/core/schema/account';
import { SYNC_LIMITS } from '../src/core/limits';
import { announce } from './account-events';
import type { Queryable, Sql } from './database';
import { deleteDocumentsOf } from './document-store';
import { hashPassword } from './passwords';

/**
 * Users, groups and memberships: what the admin CLI changes and the server reads. Every change that
 * can end access (a password change, a revocation, a removal, a membership change) is announced to
 * the running instances in the same transaction (account-events.ts), and every removal deletes the
 * documents stored for what was removed.
 */

export class AccountError extends Error {}

function checkName(name: string, what: string): string {
  const result = v.safeParse(accountNameSchema, name);
  if (!result.success) throw new AccountError(`${what} "${name}": ${result.issues[0].message}`);
  return result.output;
}

function checkPassword(password: string): void {
  if (password.length < 8) throw new AccountError('passwords need at least 8 characters');
  if (password.length > SYNC_LIMITS.passwordLength) throw new AccountError(`passwords have at most ${SYNC_LIMITS.passwordLength} characters`);
}

export interface UserRow {
  readonly name: string;
  /** Row id: a later user of the same name gets another. */
  readonly id: string;
  readonly password_hash: string;
  readonly token_version: number;
}

export async function findUser(sql: Queryable, name: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>('SELECT name, id::text AS id, password_hash, token_version FROM sync_users WHERE name = $1', [name]);
  return rows[0] ?? null;
}

async function groupsOfUser(sql: Queryable, user: string): Promise<string[]> {
  return (await sql.query<{ group_name: string }>('SELECT group_name FROM sync_group_members WHERE user_name = $1', [user])).map((r) => r.group_name);
}

export async function addUser(sql: Sql, name: string, password: string): Promise<void> {
  checkName(name, 'user');
  checkPassword(password);
  const hash = await hashPassword(password);
  await sql.transaction(async (tx) => {
    if (await findUser(tx, name)) throw new AccountError(`user "${name}" already exists`);
    // A new user starts with nothing, whatever an earlier user of this name (or an older server) left.
    await deleteDocumentsOf(tx, { user: name });
    await tx.query('INSERT INTO sync_users (name, password_hash) VALUES ($1, $2)', [name, hash]);
  });
}

/** Removes the user, their memberships and every document stored for them (own, library, group). */
export async function removeUser(sql: Sql, name: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const groups = await groupsOfUser(tx, name);
    const rows = await tx.query('DELETE FROM sync_users WHERE name = $1 RETURNING name', [name]);
    if (!rows.length) throw new AccountError(`no user "${name}"`);
    await deleteDocumentsOf(tx, { user: name });
    await announce(tx, { users: [name], groups });
  });
}

async function endSessions(sql: Sql, name: string, passwordHash?: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const rows = await tx.query('UPDATE sync_users SET password_hash = coalesce($2, password_hash), token_version = token_version + 1 WHERE name = $1 RETURNING name', [
      name,
      passwordHash ?? null,
    ]);
    if (!rows.length) throw new AccountError(`no user "${name}"`);
    await announce(tx, { users: [name] });
  });
}

/** A new password also ends every session the user had (token version goes up). */
export async function setPassword(sql: Sql, name: string, password: string): Promise<void> {
  checkPassword(password);
  await endSessions(sql, name, await hashPassword(password));
}

/** Ends every session of the user (a lost device) and keeps the password. */
export async function revokeSessions(sql: Sql, name: string): Promise<void> {
  await endSessions(sql, name);
}

export async function addGroup(sql: Sql, name: string): Promise<void> {
  checkName(name, 'group');
  await sql.transaction(async (tx) => {
    const rows = await tx.query('INSERT INTO sync_groups (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name', [name]);
    if (!rows.length) throw new AccountError(`group "${name}" already exists`);
    await deleteDocumentsOf(tx, { group: name });
  });
}

/** Removes the group and every document stored in it. */
export async function removeGroup(sql: Sql, name: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const members = (await tx.query<{ user_name: string }>('SELECT user_name FROM sync_group_members WHERE group_name = $1', [name])).map((r) => r.user_name);
    const rows = await tx.query('DELETE FROM sync_groups WHERE name = $1 RETURNING name', [name]);
    if (!rows.length) throw new AccountError(`no group "${name}"`);
    await deleteDocumentsOf(tx, { group: name });
    await announce(tx, { users: members, groups: [name] });
  });
}

export async function addMember(sql: Sql, group: string, user: string): Promise<void> {
  await sql.transaction(async (tx) => {
    if (!(await tx.query('SELECT 1 FROM sync_groups WHERE name = $1', [group])).length) throw new AccountError(`no group "${group}"`);
    if (!(await findUser(tx, user))) throw new AccountError(`no user "${user}"`);
    await tx.query('INSERT INTO sync_group_members (group_name, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [group, user]);
    await announce(tx, { users: [user], groups: [group] });
  });
}

/** Takes a member out; what they wrote in the group stays stored (and returns if they rejoin). */
export async function removeMember(sql: Sql, group: string, user: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const rows = await tx.query('DELETE FROM sync_group_members WHERE group_name = $1 AND user_name = $2 RETURNING user_name', [group, user]);
    if (!rows.length) throw new AccountError(`"${user}" is not a member of "${group}"`);
    await announce(tx, { users: [user], groups: [group] });
  });
}

export async function isMember(sql: Queryable, group: string, user: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM sync_group_members WHERE group_name = $1 AND user_name = $2', [group, user])).length > 0;
}

/** The user's groups with their members (for the app's group choices and which documents to open). */
export async function groupsOf(sql: Queryable, user: string): Promise<{ name: string; members: string[] }[]> {
  const rows = await sql.query<{ group_name: string; user_name: string }>(
    `SELECT m.group_name, m.user_name FROM sync_group_members m
     WHERE m.group_name IN (SELECT group_name FROM sync_group_members WHERE user_name = $1)
     ORDER BY m.group_name, m.user_name`,
    [user],
  );
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.group_name, [...(groups.get(row.group_name) ?? []), row.user_name]);
  return [...groups].map(([name, members]) => ({ name, members }));
}

export async function listAccounts(sql: Queryable): Promise<{ users: string[]; groups: { name: string; members: string[] }[] }> {
  const users = (await sql.query<{ name: string }>('SELECT name FROM sync_users ORDER BY name')).map((r) => r.name);
  const groupNames = (await sql.query<{ name: string }>('SELECT name FROM sync_groups ORDER BY name')).map((r) => r.name);
  const members = await sql.query<{ group_name: string; user_name: string }>('SELECT group_name, user_name FROM sync_group_members ORDER BY user_name');
  return { users, groups: groupNames.map((name) => ({ name, members: members.filter((m) => m.group_name === name).map((m) => m.user_name) })) };
}
