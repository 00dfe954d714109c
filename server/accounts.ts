import * as v from 'valibot';
import { accountNameSchema } from '../src/core/schema/account';
import { libraryDocumentName, personalDocumentName } from '../src/core/schema/sync-documents';
import { SYNC_LIMITS } from '../src/core/limits';
import type { Sql } from './database';
import { hashPassword } from './passwords';

/** Users, groups and memberships: what the admin CLI changes and the server reads. */

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
  readonly password_hash: string;
  readonly token_version: number;
}

export async function findUser(sql: Sql, name: string): Promise<UserRow | null> {
  const rows = await sql.query<UserRow>('SELECT name, password_hash, token_version FROM sync_users WHERE name = $1', [name]);
  return rows[0] ?? null;
}

export async function addUser(sql: Sql, name: string, password: string): Promise<void> {
  checkName(name, 'user');
  checkPassword(password);
  if (await findUser(sql, name)) throw new AccountError(`user "${name}" already exists`);
  await sql.query('INSERT INTO sync_users (name, password_hash) VALUES ($1, $2)', [name, await hashPassword(password)]);
}

export async function removeUser(sql: Sql, name: string): Promise<void> {
  const rows = await sql.query('DELETE FROM sync_users WHERE name = $1 RETURNING name', [name]);
  if (!rows.length) throw new AccountError(`no user "${name}"`);
  await sql.query('DELETE FROM sync_documents WHERE name = ANY($1)', [[personalDocumentName(name), libraryDocumentName(name)]]);
}

/** A new password also ends every session the user had (token version goes up). */
export async function setPassword(sql: Sql, name: string, password: string): Promise<void> {
  checkPassword(password);
  const rows = await sql.query('UPDATE sync_users SET password_hash = $2, token_version = token_version + 1 WHERE name = $1 RETURNING name', [
    name,
    await hashPassword(password),
  ]);
  if (!rows.length) throw new AccountError(`no user "${name}"`);
}

export async function addGroup(sql: Sql, name: string): Promise<void> {
  checkName(name, 'group');
  const rows = await sql.query('INSERT INTO sync_groups (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING name', [name]);
  if (!rows.length) throw new AccountError(`group "${name}" already exists`);
}

export async function removeGroup(sql: Sql, name: string): Promise<void> {
  const rows = await sql.query('DELETE FROM sync_groups WHERE name = $1 RETURNING name', [name]);
  if (!rows.length) throw new AccountError(`no group "${name}"`);
}

export async function addMember(sql: Sql, group: string, user: string): Promise<void> {
  if (!(await sql.query('SELECT 1 FROM sync_groups WHERE name = $1', [group])).length) throw new AccountError(`no group "${group}"`);
  if (!(await findUser(sql, user))) throw new AccountError(`no user "${user}"`);
  await sql.query('INSERT INTO sync_group_members (group_name, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [group, user]);
}

export async function removeMember(sql: Sql, group: string, user: string): Promise<void> {
  const rows = await sql.query('DELETE FROM sync_group_members WHERE group_name = $1 AND user_name = $2 RETURNING user_name', [group, user]);
  if (!rows.length) throw new AccountError(`"${user}" is not a member of "${group}"`);
}

export async function isMember(sql: Sql, group: string, user: string): Promise<boolean> {
  return (await sql.query('SELECT 1 FROM sync_group_members WHERE group_name = $1 AND user_name = $2', [group, user])).length > 0;
}

/** The user's groups with their members (for the app's group choices and which documents to open). */
export async function groupsOf(sql: Sql, user: string): Promise<{ name: string; members: string[] }[]> {
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

export async function listAccounts(sql: Sql): Promise<{ users: string[]; groups: { name: string; members: string[] }[] }> {
  const users = (await sql.query<{ name: string }>('SELECT name FROM sync_users ORDER BY name')).map((r) => r.name);
  const groupNames = (await sql.query<{ name: string }>('SELECT name FROM sync_groups ORDER BY name')).map((r) => r.name);
  const members = await sql.query<{ group_name: string; user_name: string }>('SELECT group_name, user_name FROM sync_group_members ORDER BY user_name');
  return { users, groups: groupNames.map((name) => ({ name, members: members.filter((m) => m.group_name === name).map((m) => m.user_name) })) };
}
