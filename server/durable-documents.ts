import type { beforeHandleMessagePayload, Connection, Document, Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { SYNC_LIMITS } from '../src/core/limits';
import { checkClientMessage } from '../src/core/schema/sync-update-check';
import { parseDocumentName } from '../src/core/schema/sync-documents';
import { SOCKET_CLOSE } from '../src/core/schema/sync-protocol';
import type { Sql } from './database';
import { appendUpdate, compactDocument, currentOwner, loadStoredState, type DocumentOwner } from './document-store';
import { EXTERNAL_ORIGIN } from './redis-bus';
import { authorize, closeConnection, Refusal, type ConnectionContext } from './sessions';

/**
 * Documents that keep every acknowledged edit, as a Hocuspocus extension:
 * - load: the stored snapshot merged with the update log (document-store.ts);
 * - each message a client sends, in order per connection: checked whole against the data model
 *   (check-update.ts; a bad one is refused whole, with the reason, and nothing of it applied), then,
 *   if it carries something new, appended to the log — only then does Hocuspocus apply it and tell the
 *   client it is synced. The append is conditional on the session (and membership) still standing,
 *   so no write sent after an admin command returned is kept;
 * - the debounced store: folds the log into the snapshot (and brings in what other instances logged).
 */
interface DocumentState {
  readonly owner: DocumentOwner;
  /** The snapshot version this instance last loaded or wrote. */
  version: number;
  /** Bytes held: loaded state plus the updates accepted since, checked against documentBytes. */
  bytes: number;
}

/** Per connection: its messages one after another, and once one is refused, all that follow. */
interface Pipeline {
  tail: Promise<void>;
  refused: string | null;
}

export class DurableDocuments implements Extension {
  extensionName = 'hashiya-durable-documents';
  private readonly states = new WeakMap<Document, DocumentState>();
  private readonly pipelines = new WeakMap<Connection, Pipeline>();
  private storageDown = false;

  constructor(private readonly sql: Sql) {}

  /** The owner a loaded document was loaded for (to refuse attaching a newer user of the same name to it). */
  ownerOf(document: Document): DocumentOwner | undefined {
    return this.states.get(document)?.owner;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const name = parseDocumentName(documentName);
    if (!name) throw new Refusal('unknown document');
    const owner = await currentOwner(this.sql, 'user' in name ? name.user : name.author, 'group' in name ? name.group : undefined);
    if (!owner) throw new Refusal('no such document');
    const stored = await loadStoredState(this.sql, documentName);
    for (const update of stored.updates) Y.applyUpdate(document, update);
    this.states.set(document, { owner, version: stored.version, bytes: stored.bytes });
  }

  async beforeHandleMessage({ update: message, document, connection, context }: beforeHandleMessagePayload): Promise<void> {
    let pipeline = this.pipelines.get(connection);
    if (!pipeline) this.pipelines.set(connection, (pipeline = { tail: Promise.resolve(), refused: null }));
    const run = pipeline.tail.then(() => this.accept(message, document, connection, context as ConnectionContext, pipeline));
    pipeline.tail = run.catch(() => {});
    return run;
  }

  private async accept(message: Uint8Array, document: Document, connection: Connection, context: ConnectionContext, pipeline: Pipeline): Promise<void> {
    if (pipeline.refused !== null) throw new Refusal(pipeline.refused);
    try {
      await this.store(message, document, connection, context);
    } catch (error) {
      pipeline.refused = error instanceof Refusal ? error.reason : 'refused';
      throw error;
    }
  }

  private async store(message: Uint8Array, document: Document, connection: Connection, context: ConnectionContext): Promise<void> {
    // Closed meanwhile (an account change): what it still sends goes nowhere.
    if (!document.hasConnection(connection)) throw new Refusal('connection closed');
    const check = checkClientMessage(message);
    if (!check.ok) throw new Refusal(check.reason.slice(0, 120));
    // Read-only connections: Hocuspocus answers "not applied" itself.
    if (!check.update || connection.readOnly || !context.access.writer || !isNew(check.update, document)) return;
    const state = this.states.get(document)!;
    if (state.bytes + check.update.byteLength > SYNC_LIMITS.documentBytes) throw new Refusal('document is over its size limit');
    let stored: boolean;
    try {
      stored = await appendUpdate(this.sql, document.name, check.update, context.access.writer);
    } catch (error) {
      this.storageFailed(error);
      // Nothing was acknowledged: the device reconnects and sends it again.
      connection.webSocket.close(SOCKET_CLOSE.storageUnavailable.code, SOCKET_CLOSE.storageUnavailable.reason);
      throw new Refusal(SOCKET_CLOSE.storageUnavailable.reason);
    }
    this.storageDown = false;
    if (!stored) {
      // The session or the membership ended since the connection was made: say which, and close.
      const reason = await authorize(this.sql, context.session, document.name).then(
        () => 'refused',
        (error: unknown) => (error instanceof Refusal ? error.reason : 'refused'),
      );
      closeConnection(connection, reason);
      throw new Refusal(reason);
    }
    state.bytes += check.update.byteLength;
  }

  async onStoreDocument({ document }: onStoreDocumentPayload): Promise<void> {
    await this.compact(document);
  }

  /** Folds the log into the snapshot now; never throws (the log already holds everything). */
  async compact(document: Document): Promise<void> {
    const state = this.states.get(document);
    if (!state) return;
    try {
      const result = await compactDocument(this.sql, document.name, state.owner, state.version, (stored) => {
        for (const update of stored) Y.applyUpdate(document, update, EXTERNAL_ORIGIN);
        return Y.encodeStateAsUpdate(document);
      });
      if (result.stored) {
        state.version = result.version;
        state.bytes = result.bytes;
      }
      this.storageDown = false;
    } catch (error) {
      this.storageFailed(error);
    }
  }

  /** Says once, not per message, that the database is unreachable (and again once it came back and went). */
  storageFailed(error: unknown): void {
    if (this.storageDown) return;
    this.storageDown = true;
    console.error(`database unreachable (${error instanceof Error ? error.message : String(error)}): updates are refused until it returns; nothing acknowledged is lost`);
  }
}

/**
 * Whether an update holds anything the document lacks: an item past the document's clock for its
 * client, or any deletion (cheaper to store again than to compare). A device's reconnection sends
 * everything the server might lack; most of the time that is nothing worth a database write.
 */
function isNew(update: Uint8Array, document: Document): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  if (ds.clients.size > 0) return true;
  return structs.some((struct) => struct.id.clock + struct.length > Y.getState(document.store, struct.id.client));
}
