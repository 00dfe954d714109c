import * as Y from 'yjs';
import type { SyncSession } from '../../../src/core/schema/account';
import { parseDocumentName, personalDocumentName } from '../../../src/core/schema/sync-documents';
import { checkUpdate } from '../../../src/core/schema/sync-update-check';
import { CLOSE_REASONS, GROUPS_CHANGED, SOCKET_CLOSE } from '../../../src/core/schema/sync-protocol';
import type { DocumentEvents, SyncDocument, SyncTransport } from '../../../src/core/sync/engine';

/**
 * An in-memory sync server for the engine's tests, with the real server's rules where they matter
 * to a client: a user opens only their own and their groups' documents, writes only their own
 * (a group member's documents are read-only to the others), every update is checked against the
 * schema leaf (sync-update-check), and a refused update closes that document with the reason and
 * leaves it as it was. Devices connect with `connect(user)`; `online` switches one off and on.
 */
export class MemoryServer {
  readonly docs = new Map<string, Y.Doc>();
  private readonly transports = new Set<MemoryTransport>();
  /** group → members */
  readonly groups = new Map<string, string[]>();
  /** Documents whose next writes are refused with this reason (a full document, storage trouble). */
  readonly refusing = new Map<string, string>();
  /** Users whose sessions the server ended, with the reason (CLOSE_REASONS.signedOut or accountRemoved). */
  private readonly ended = new Map<string, string>();

  session(user: string): SyncSession {
    const groups = [...this.groups].filter(([, members]) => members.includes(user)).map(([name, members]) => ({ name, members: [...members] }));
    return { user, token: `token-${user}`, expires: '2099-01-01T00:00:00.000Z', groups };
  }

  connect(user: string): MemoryTransport {
    const transport = new MemoryTransport(this, user);
    this.transports.add(transport);
    return transport;
  }

  doc(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) this.docs.set(name, (doc = new Y.Doc()));
    return doc;
  }

  /** Whether `user` may open (read) and write the document, and the server's reason when not. */
  access(user: string, name: string): { read: boolean; write: boolean; reason?: string } {
    const ended = this.ended.get(user);
    if (ended) return { read: false, write: false, reason: ended };
    const parsed = parseDocumentName(name);
    if (!parsed) return { read: false, write: false, reason: 'unknown document' };
    if (!('group' in parsed)) return { read: parsed.user === user, write: parsed.user === user, reason: 'not your document' };
    const members = this.groups.get(parsed.group) ?? [];
    if (!members.includes(user)) return { read: false, write: false, reason: CLOSE_REASONS.notInGroup };
    if (!members.includes(parsed.author)) return { read: false, write: false, reason: CLOSE_REASONS.authorNotInGroup };
    return { read: true, write: parsed.author === user };
  }

  /**
   * As the real server on a password change, a revocation or a removal: every open document of the
   * user closes with the reason, and later authentications are refused with it.
   */
  endSession(user: string, reason: string): void {
    this.ended.set(user, reason);
    for (const transport of this.transports) if (transport.user === user) transport.closeAll(reason);
  }

  /**
   * As the real server on a membership change: the documents the change ends close with their
   * reason, and every reader concerned is told on their own document that their groups changed
   * (unless `notify` is false: a notice that never arrived).
   */
  setMembers(group: string, members: string[], { notify = true } = {}): void {
    const before = this.groups.get(group) ?? [];
    this.groups.set(group, members);
    for (const transport of this.transports) transport.recheck();
    if (!notify) return;
    const concerned = new Set([...before, ...members]);
    for (const transport of this.transports) if (concerned.has(transport.user)) transport.notify(personalDocumentName(transport.user), GROUPS_CHANGED);
  }

  /** An update from a client: checked, applied, sent to every other connected client of the document. */
  receive(from: MemoryDocument, update: Uint8Array): string | null {
    if (!this.access(from.user, from.name).write) return 'read-only document';
    const refusal = this.refusing.get(from.name);
    if (refusal) return refusal;
    const check = checkUpdate(update);
    if (!check.ok) return check.reason;
    Y.applyUpdate(this.doc(from.name), update, 'client');
    for (const transport of this.transports) transport.deliver(from, update);
    return null;
  }
}

export class MemoryTransport implements SyncTransport {
  private online = true;
  private readonly listeners = new Set<() => void>();
  private readonly documents = new Set<MemoryDocument>();

  constructor(
    private readonly server: MemoryServer,
    readonly user: string,
  ) {}

  get connected(): boolean {
    return this.online;
  }

  open(name: string, doc: Y.Doc, events: DocumentEvents): SyncDocument {
    const document = new MemoryDocument(this.server, this, this.user, name, doc, events);
    this.documents.add(document);
    return document;
  }

  onConnectionChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The network goes away or comes back; coming back, every document meets the server again. */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    for (const document of this.documents) document.connectionChanged();
    for (const listener of [...this.listeners]) listener();
  }

  deliver(from: MemoryDocument, update: Uint8Array): void {
    if (!this.online) return;
    for (const document of this.documents) if (document !== from && document.name === from.name) document.fromServer(update);
  }

  /** The server closes every open document of this connection with `reason`. */
  closeAll(reason: string): void {
    for (const document of this.documents) document.close(reason);
  }

  /** Open documents the user may no longer read close with the server's reason. */
  recheck(): void {
    for (const document of this.documents) {
      const access = this.server.access(this.user, document.name);
      if (!access.read) document.close(access.reason ?? 'refused');
    }
  }

  /** The server restarts: the socket closes with 1012 (every document hears it), then the device reconnects. */
  serverRestarted(): void {
    for (const document of this.documents) document.socketClosed(SOCKET_CLOSE.restarting);
    this.setOnline(false);
    this.setOnline(true);
  }

  /** A stateless notice on one document. */
  notify(name: string, payload: string): void {
    if (!this.online) return;
    for (const document of this.documents) if (document.name === name) document.notify(payload);
  }

  forget(document: MemoryDocument): void {
    this.documents.delete(document);
  }

  destroy(): void {
    this.documents.clear();
    this.listeners.clear();
  }
}

const FROM_SERVER = 'memory-server';

export class MemoryDocument implements SyncDocument {
  synced = false;
  unsyncedChanges = false;
  private attached = false;
  private closed = false;

  constructor(
    private readonly server: MemoryServer,
    private readonly transport: MemoryTransport,
    readonly user: string,
    readonly name: string,
    private readonly doc: Y.Doc,
    private readonly events: DocumentEvents,
  ) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER || this.closed) return;
      if (!this.transport.connected || !this.synced) return this.markUnsynced(true);
      this.send(update);
    });
  }

  attach(): void {
    this.attached = true;
    this.connectionChanged();
  }

  connectionChanged(): void {
    if (!this.attached || this.closed) return;
    if (!this.transport.connected) {
      this.synced = false;
      return;
    }
    const access = this.server.access(this.user, this.name);
    if (!access.read) return this.events.onAuthenticationFailed(access.reason ?? 'permission-denied');
    // The handshake: what the server has that this device lacks, then the other way round.
    const server = this.server.doc(this.name);
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(this.doc)), FROM_SERVER);
    const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(server));
    if (missing.byteLength > 2 && !this.send(missing)) return;
    this.synced = true;
    this.markUnsynced(false);
    this.events.onSynced();
  }

  fromServer(update: Uint8Array): void {
    if (this.synced) Y.applyUpdate(this.doc, update, FROM_SERVER);
  }

  private send(update: Uint8Array): boolean {
    const refused = this.server.receive(this, update);
    if (refused === null) return true;
    // Like the real server: the document's connection closes with the reason; nothing is applied.
    this.close(refused);
    return false;
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.synced = false;
    this.events.onClose({ code: 4000, reason });
  }

  socketClosed(close: { readonly code: number; readonly reason: string }): void {
    if (!this.closed) this.events.onClose(close);
  }

  notify(payload: string): void {
    if (!this.closed) this.events.onStateless(payload);
  }

  private markUnsynced(value: boolean): void {
    if (this.unsyncedChanges === value) return;
    this.unsyncedChanges = value;
    this.events.onUnsyncedChanges();
  }

  destroy(): void {
    this.closed = true;
    this.transport.forget(this);
  }
}
