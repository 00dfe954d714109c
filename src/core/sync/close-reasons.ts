import { CLOSE_REASONS, SOCKET_CLOSE } from '../schema/sync-protocol';

/**
 * What the engine makes of a reason the sync server gave for closing a document or refusing its
 * authentication (the server's words are in the schema leaf, sync-protocol.ts):
 * - `session`: the session is over on the server (password change, revocation, removal): the reader
 *   must sign in again; nothing local is touched;
 * - `membership`: a group document closed because the reader, or its author, is no longer in the
 *   group: the reader's groups are asked again at once, not an error;
 * - `transient`: the server restarting, its storage unavailable, a socket closed before
 *   authentication: the connection is tried again, nothing to show beyond "offline";
 * - `refused`: the server refused what this device sent (its words are shown as they are).
 */
export type CloseKind =
  | { readonly kind: 'session'; readonly key: 'signedOut' | 'accountRemoved' }
  | { readonly kind: 'membership' }
  | { readonly kind: 'transient' }
  | { readonly kind: 'refused'; readonly detail: string };

const SESSION: ReadonlyMap<string, 'signedOut' | 'accountRemoved'> = new Map([
  [CLOSE_REASONS.signedOut, 'signedOut'],
  [CLOSE_REASONS.accountRemoved, 'accountRemoved'],
]);
const MEMBERSHIP: ReadonlySet<string> = new Set([CLOSE_REASONS.notInGroup, CLOSE_REASONS.authorRemoved, CLOSE_REASONS.authorNotInGroup]);
const TRANSIENT: ReadonlySet<string> = new Set([SOCKET_CLOSE.restarting.reason, SOCKET_CLOSE.storageUnavailable.reason, SOCKET_CLOSE.authenticateFirst.reason]);

export function readCloseReason(reason: string): CloseKind {
  const session = SESSION.get(reason);
  if (session) return { kind: 'session', key: session };
  if (MEMBERSHIP.has(reason)) return { kind: 'membership' };
  if (TRANSIENT.has(reason) || reason === '') return { kind: 'transient' };
  return { kind: 'refused', detail: reason };
}
