import * as v from 'valibot';
import { accountNameSchema } from '../src/core/schema/account';
import type { Queryable } from './database';

/**
 * Account changes announced to every running instance: the admin side (the CLI, on its own
 * connection) sends a NOTIFY in the same transaction as the change, so it is delivered when the change
 * is committed, to every instance listening on the database, with or without Redis. An instance then
 * checks again the open connections the change may touch (`users`: their sessions and what they
 * write; `groups`: every connection to the group's documents) and tells the readers concerned that
 * their groups changed. A change too large for one notice says `all`: check everything.
 */
export const ACCOUNT_CHANNEL = 'hashiya_accounts';
/** PostgreSQL's NOTIFY payload limit is 8,000 bytes. */
const MAX_PAYLOAD = 7_000;

const changeSchema = v.object({
  users: v.optional(v.array(accountNameSchema)),
  groups: v.optional(v.array(accountNameSchema)),
  all: v.optional(v.literal(true)),
});
export type AccountChange = v.InferOutput<typeof changeSchema>;

export async function announce(sql: Queryable, change: AccountChange): Promise<void> {
  const payload = JSON.stringify(change);
  await sql.query('SELECT pg_notify($1, $2)', [ACCOUNT_CHANNEL, payload.length > MAX_PAYLOAD ? JSON.stringify({ all: true }) : payload]);
}

export function readAccountChange(payload: string): AccountChange | null {
  try {
    const parsed = v.safeParse(changeSchema, JSON.parse(payload));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
