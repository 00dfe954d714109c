/**
 * What the sync server says to a device besides document updates (server/ and the app share this):
 * why it closed a document's connection, and the stateless notices it sends on the reader's own
 * document. Close reasons are also the refusal a later authentication gets, so a device that was
 * offline when it happened learns the same thing when it comes back.
 */
export const CLOSE_REASONS = {
  /** A password change or a token revocation ended the session: sign in again; nothing local is lost. */
  signedOut: 'signed out on the server',
  /** The account was removed, with its documents on the server. */
  accountRemoved: 'account removed on the server',
  /** The reader is not (or no longer) a member of the document's group, or the group is gone. */
  notInGroup: 'not a member of this group',
  /** The author of a group document this reader was following was removed. */
  authorRemoved: 'the author was removed from the server',
  /** The author of a group document this reader was following left the group. */
  authorNotInGroup: 'the author is not a member of this group',
} as const;

export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS];

/** Stateless notice: the reader's groups (or their members) changed; ask `GET /me` again. */
export const GROUPS_CHANGED = 'groups-changed';

/**
 * Why the server closed the whole websocket (code, reason). The provider reconnects after any of
 * them; only `signedOut` and `accountRemoved` mean it should stop (the next authentication is refused).
 */
export const SOCKET_CLOSE = {
  /** Sent something other than an authentication first, too much before authenticating, or nothing for 10 s. */
  authenticateFirst: { code: 4401, reason: 'authenticate first' },
  /** The session this socket authenticated with was ended on the server. */
  sessionEnded: { code: 4403, reason: CLOSE_REASONS.signedOut },
  /** More documents on one socket than SYNC_LIMITS.documentsPerSocket, or a message that cannot be read. */
  misbehaving: { code: 4400, reason: 'protocol violation' },
  /** The server could not store an update; nothing was acknowledged; try again. */
  storageUnavailable: { code: 1013, reason: 'storage unavailable, try again' },
  /** The server is stopping (a restart or a deploy); reconnect, to another instance if there is one. */
  restarting: { code: 1012, reason: 'server restarting' },
} as const;
