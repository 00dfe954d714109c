import type { Connection, Hocuspocus } from '@hocuspocus/server';
import { parseDocumentName } from '../src/core/schema/sync-documents';
import { CLOSE_REASONS, GROUPS_CHANGED, SOCKET_CLOSE } from '../src/core/schema/sync-protocol';
import type { AccountChange } from './account-events';
import { findUser } from './accounts';
import type { Queryable } from './database';
import type { DocumentOwner, Writer } from './document-store';
import { readToken } from './tokens';

/**
 * Who may open which document, decided in one place: on authentication, and again for every open
 * connection an account change may touch (account-events.ts), so a password change, a revocation, a
 * removal or a membership change closes what it ends, with the reason the app shows.
 */

/** A signed-in reader as a valid token names them. */
export interface Session {
  readonly user: string;
  readonly userId: string;
  readonly tokenVersion: number;
}

export interface Access {
  readonly readOnly: boolean;
  /** Whose document it is (the ids guard every write of it). */
  readonly owner: DocumentOwner;
  /** Set when this session may write the document. */
  readonly writer: Writer | null;
}

/** What a connection keeps in its Hocuspocus context. */
export interface ConnectionContext {
  readonly session: Session;
  readonly access: Access;
}

/** An error Hocuspocus turns into a refusal (or a close) with this reason for the client. */
export class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
    // Hocuspocus logs every refusal; a client can cause them at will, so one line each, no stack.
    this.stack = `Refusal: ${reason}`;
  }
}

/** The session a token stands for, or a Refusal saying why not. */
export async function sessionOf(sql: Queryable, token: string, secret: string, now: number): Promise<Session> {
  const check = readToken(token, secret, now);
  if (!check.ok) throw new Refusal(`token ${check.reason}`);
  const user = await findUser(sql, check.claims.user);
  if (!user || (check.claims.uid !== undefined && user.id !== check.claims.uid)) throw new Refusal(CLOSE_REASONS.accountRemoved);
  // A token from before row ids existed: sign in again.
  if (check.claims.uid === undefined || user.token_version !== check.claims.ver) throw new Refusal(CLOSE_REASONS.signedOut);
  return { user: user.name, userId: user.id, tokenVersion: user.token_version };
}

interface GroupRow {
  readonly id: string;
  readonly members: ReadonlySet<string>;
}

/** Answers for one decision or one account change: each user and group is read once. */
class Lookups {
  private readonly users = new Map<string, Promise<{ id: string; tokenVersion: number } | null>>();
  private readonly groups = new Map<string, Promise<GroupRow | null>>();

  constructor(private readonly sql: Queryable) {}

  user(name: string) {
    let row = this.users.get(name);
    if (!row) this.users.set(name, (row = findUser(this.sql, name).then((u) => (u ? { id: u.id, tokenVersion: u.token_version } : null))));
    return row;
  }

  group(name: string) {
    let row = this.groups.get(name);
    if (!row) {
      row = (async () => {
        const found = await this.sql.query<{ id: string }>('SELECT id::text AS id FROM sync_groups WHERE name = $1', [name]);
        if (!found[0]) return null;
        const members = await this.sql.query<{ user_name: string }>('SELECT user_name FROM sync_group_members WHERE group_name = $1', [name]);
        return { id: found[0].id, members: new Set(members.map((m) => m.user_name)) };
      })();
      this.groups.set(name, row);
    }
    return row;
  }
}

/** May this session open this document? An Access, or a Refusal with the reason the app shows. */
export async function authorize(sql: Queryable, session: Session, documentName: string, lookups = new Lookups(sql)): Promise<Access> {
  const doc = parseDocumentName(documentName);
  if (!doc) throw new Refusal('unknown document');
  const user = await lookups.user(session.user);
  if (!user || user.id !== session.userId) throw new Refusal(CLOSE_REASONS.accountRemoved);
  if (user.tokenVersion !== session.tokenVersion) throw new Refusal(CLOSE_REASONS.signedOut);
  if ('user' in doc) {
    if (doc.user !== session.user) throw new Refusal('not your document');
    const owner = { user: session.user, userId: session.userId };
    return { readOnly: false, owner, writer: { ...owner, tokenVersion: session.tokenVersion } };
  }
  const group = await lookups.group(doc.group);
  if (!group || !group.members.has(session.user)) throw new Refusal(CLOSE_REASONS.notInGroup);
  if (doc.author === session.user) {
    const owner = { user: session.user, userId: session.userId, group: doc.group, groupId: group.id };
    return { readOnly: false, owner, writer: { ...owner, tokenVersion: session.tokenVersion } };
  }
  // Members read every member's notes (and shared articles) in the group and write only their own.
  const author = await lookups.user(doc.author);
  if (!author) throw new Refusal(CLOSE_REASONS.authorRemoved);
  if (!group.members.has(doc.author)) throw new Refusal(CLOSE_REASONS.authorNotInGroup);
  return { readOnly: true, owner: { user: doc.author, userId: author.id, group: doc.group, groupId: group.id }, writer: null };
}

const SESSION_REASONS: ReadonlySet<string> = new Set([CLOSE_REASONS.signedOut, CLOSE_REASONS.accountRemoved]);

/** Closes one document connection with a reason; a session that ended also loses its socket. */
export function closeConnection(connection: Connection, reason: string): void {
  connection.close({ code: 4403, reason });
  if (SESSION_REASONS.has(reason)) connection.webSocket.close(SOCKET_CLOSE.sessionEnded.code, reason);
}

function touches(change: AccountChange, context: ConnectionContext, documentName: string): boolean {
  if (change.all) return true;
  const doc = parseDocumentName(documentName);
  const users = change.users ?? [];
  return users.includes(context.session.user) || (doc !== null && 'group' in doc && ((change.groups ?? []).includes(doc.group) || users.includes(doc.author)));
}

/**
 * Applies an account change to this instance's open connections: each one it may touch is authorized
 * again and closed if refused; the readers concerned who are still connected get a stateless
 * GROUPS_CHANGED on their own document, so they ask for their groups at once.
 */
export async function applyAccountChange(sql: Queryable, hocuspocus: Hocuspocus, change: AccountChange): Promise<void> {
  const lookups = new Lookups(sql);
  const checks: Promise<void>[] = [];
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<ConnectionContext>;
      if (!context.session || !touches(change, context as ConnectionContext, document.name)) continue;
      checks.push(
        authorize(sql, context.session, document.name, lookups).then(
          () => {},
          (error: unknown) => {
            if (error instanceof Refusal) closeConnection(connection, error.reason);
            else console.error('checking a connection after an account change failed:', error);
          },
        ),
      );
    }
  }
  await Promise.all(checks);
  if (!change.groups?.length && !change.all) return;
  // Everyone named, and every member of the groups named (the group's member list changed).
  const concerned = new Set(change.users ?? []);
  for (const group of change.groups ?? []) for (const member of (await lookups.group(group))?.members ?? []) concerned.add(member);
  for (const document of hocuspocus.documents.values()) {
    const name = parseDocumentName(document.name);
    if (name?.kind !== 'user' || !(change.all || concerned.has(name.user))) continue;
    for (const connection of document.getConnections()) connection.sendStateless(GROUPS_CHANGED);
  }
}
