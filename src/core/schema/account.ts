import * as v from 'valibot';
import { SYNC_LIMITS } from '../limits';

/**
 * Accounts on a sync server, as the app and the server both see them. Small and apart from the
 * sync documents' schemas, so the app's first page (which only reads the stored session) does not
 * load those.
 */

/** User and group names: letters (any script), digits, spaces, dot, dash, underscore; no colon. */
export const accountNameSchema = v.pipe(
  v.string(),
  v.minLength(1, 'empty name'),
  v.maxLength(SYNC_LIMITS.nameLength, 'name too long'),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M} ._-]*$/u, 'names use letters, digits, spaces, dot, dash and underscore'),
);

export function isAccountName(value: string): boolean {
  return v.is(accountNameSchema, value);
}

/** What the server's /login and /me answer. */
export const sessionSchema = v.object({
  user: accountNameSchema,
  token: v.pipe(v.string(), v.maxLength(SYNC_LIMITS.tokenLength)),
  expires: v.pipe(v.string(), v.maxLength(40), v.isoTimestamp()),
  groups: v.pipe(
    v.array(v.object({ name: accountNameSchema, members: v.pipe(v.array(accountNameSchema), v.maxLength(1_000)) })),
    v.maxLength(200),
  ),
});
export type SyncSession = v.InferOutput<typeof sessionSchema>;
