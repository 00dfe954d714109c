import { randomUUID } from 'node:crypto';
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, Document, Extension, Hocuspocus, onChangePayload, onConfigurePayload } from '@hocuspocus/server';
import { Redis as RedisClient } from 'ioredis';
import * as Y from 'yjs';

/**
 * Several instances serving one document, through Redis pub/sub: each update a client sends to one
 * instance is published on the document's channel and applied by every other instance that has the
 * document open. Redis is an optimisation, not a single point of failure: every acknowledged update is
 * already in the database (document-store.ts), so when Redis goes away an instance goes on serving its
 * own clients, says so once in its log and in /health, and publishes nothing (no queue builds up).
 * When Redis returns it subscribes again and asks the other instances, for each open document, for
 * what it missed while they each send theirs (a Yjs state-vector exchange), so both sides are back in
 * step without anyone reconnecting.
 *
 * (Hocuspocus's own Redis extension lets a publish failure escape its onChange hook, which Hocuspocus
 * does not catch, and takes a Redis lock before storing; that is what ended both instances in an
 * outage. Storing needs no Redis lock here: the database serialises it.)
 */

/**
 * The origin of updates that arrive from elsewhere (another instance, the database). Hocuspocus does
 * not schedule a store for updates with this exact origin: the instance that accepted them stores them.
 */
export const EXTERNAL_ORIGIN = '__hocuspocus__redis__origin__';

const UPDATE = 0;
/** "Here is my state vector: send me what I lack" (and, with ASK_BACK, "then ask me for what you lack"). */
const ASK = 1;
const ASK_BACK = 2;

export type RedisState = 'ok' | 'unreachable';

export class RedisBus implements Extension {
  extensionName = 'hashiya-redis-bus';
  private readonly id = Buffer.from(randomUUID());
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  private instance: Hocuspocus | null = null;
  private down = false;
  private stopping = false;
  private downSince = 0;
  private lost = 0;

  constructor(
    url: string,
    private readonly prefix = 'hashiya',
  ) {
    const options = {
      // Fail at once while disconnected instead of queueing (memory) and failing ten seconds later.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResubscribe: false,
      retryStrategy: (times: number) => Math.min(200 * times, 2_000),
    };
    this.pub = new RedisClient(url, options);
    this.sub = new RedisClient(url, options);
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.unreachable(error.message));
      client.on('close', () => this.unreachable('connection closed'));
      client.on('ready', () => void this.reachable());
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
  }

  state(): RedisState {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'unreachable';
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  private channel(documentName: string): string {
    return `${this.prefix}:doc:${documentName}`;
  }

  private unreachable(why: string): void {
    if (this.down || this.stopping) return;
    this.down = true;
    this.downSince = Date.now();
    this.lost = 0;
    console.error(`Redis unreachable (${why}): serving this instance's clients only until it returns`);
  }

  private async reachable(): Promise<void> {
    if (this.state() !== 'ok') return;
    const documents = [...(this.instance?.documents.values() ?? [])];
    if (this.down) {
      this.down = false;
      console.log(`Redis is back after ${Math.round((Date.now() - this.downSince) / 1000)} s (${this.lost} updates were not published); re-syncing ${documents.length} open documents`);
    }
    for (const document of documents) await this.join(document);
  }

  /** Subscribes to a document's channel and asks the other instances for what this one lacks. */
  private async join(document: Document): Promise<void> {
    if (this.state() !== 'ok') return;
    try {
      await this.sub.subscribe(this.channel(document.name));
      await this.publish(document.name, ASK_BACK, Y.encodeStateVector(document));
    } catch {
      // Gone again: `reachable` runs once more when it returns.
    }
  }

  private async publish(documentName: string, type: number, payload: Uint8Array): Promise<void> {
    if (this.state() !== 'ok') {
      this.lost += type === UPDATE ? 1 : 0;
      return;
    }
    const header = Buffer.from([this.id.length, ...this.id, type]);
    await this.pub.publish(this.channel(documentName), Buffer.concat([header, payload])).catch(() => {
      this.lost += type === UPDATE ? 1 : 0;
    });
  }

  private receive(channel: Buffer, message: Buffer): void {
    const idLength = message[0] ?? 0;
    if (this.id.equals(message.subarray(1, 1 + idLength))) return;
    const documentName = channel.toString('utf8').slice(`${this.prefix}:doc:`.length);
    const document = this.instance?.documents.get(documentName);
    if (!document) return;
    const type = message[1 + idLength];
    const payload = new Uint8Array(message.subarray(2 + idLength));
    try {
      if (type === UPDATE) Y.applyUpdate(document, payload, EXTERNAL_ORIGIN);
      else if (type === ASK || type === ASK_BACK) {
        const missing = Y.encodeStateAsUpdate(document, payload);
        // An update with no structures and no deletions is two zero bytes: nothing to send.
        if (missing.byteLength > 2) void this.publish(documentName, UPDATE, missing);
        if (type === ASK_BACK) void this.publish(documentName, ASK, Y.encodeStateVector(document));
      }
    } catch (error) {
      console.error(`ignored a Redis message for ${documentName} that could not be applied:`, error);
    }
  }

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    await this.join(document);
  }

  async onChange({ documentName, update, transactionOrigin }: onChangePayload): Promise<void> {
    if (transactionOrigin !== EXTERNAL_ORIGIN) await this.publish(documentName, UPDATE, update);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    if (instance.documents.has(documentName) || this.state() !== 'ok') return;
    await this.sub.unsubscribe(this.channel(documentName)).catch(() => {});
  }

  async onDestroy(): Promise<void> {
    this.stopping = true;
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
