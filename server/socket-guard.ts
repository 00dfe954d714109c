import * as decoding from 'lib0/decoding';
import type WebSocket from 'ws';
import { SYNC_LIMITS } from '../src/core/limits';
import { SOCKET_CLOSE } from '../src/core/schema/sync-protocol';

/**
 * What a websocket may send, checked before Hocuspocus sees a byte of it (Hocuspocus itself queues,
 * without limit, whatever arrives for a document before it is authenticated):
 * - nothing but authentication first: a message for a document is accepted only after that
 *   document's authentication message (a few KB at most), and until one authentication succeeded the
 *   socket may send only a little (SYNC_LIMITS.preAuthBytes) and is closed after authTimeoutMs;
 * - no message above SYNC_LIMITS.messageBytes (the websocket server's maxPayload, set by the caller);
 * - a byte and a message budget (a burst, then a steady rate): a socket over it is paused, and what
 *   it had already sent waits here, until it is back in budget — slowed, never served at once;
 * - at most documentsPerSocket documents.
 * Timers and queues go with the socket when it closes.
 */
const MESSAGE_AUTH = 2;
const MESSAGE_AWARENESS = 1;
/** Resume a paused socket once this share of its burst is back (not after every single message). */
const RESUME_SHARE = 0.01;

class Budget {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  /** Takes `amount`; returns how long to wait (ms) before the budget allows more, 0 when it does. */
  take(amount: number): number {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= amount;
    const wanted = this.burst * RESUME_SHARE;
    return this.tokens >= 0 ? 0 : Math.ceil(((wanted - this.tokens) / this.perSecond) * 1000);
  }
}

/** A socket's budget after authentication (SYNC_LIMITS by default; smaller in tests, to see it at work). */
export interface SocketBudget {
  readonly burstBytes: number;
  readonly bytesPerSecond: number;
  readonly burstMessages: number;
  readonly messagesPerSecond: number;
}

export const DEFAULT_SOCKET_BUDGET: SocketBudget = {
  burstBytes: SYNC_LIMITS.socketBurstBytes,
  bytesPerSecond: SYNC_LIMITS.socketBytesPerSecond,
  burstMessages: SYNC_LIMITS.socketBurstMessages,
  messagesPerSecond: SYNC_LIMITS.socketMessagesPerSecond,
};

export class SocketGuard {
  private authenticated = false;
  private closed = false;
  /** Documents this socket sent an authentication for. */
  private readonly asked = new Set<string>();
  /** Documents whose authentication was refused: Hocuspocus would keep what follows queued for ever. */
  private readonly refused = new Set<string>();
  private sentBeforeAuth = 0;
  private readonly bytes: Budget;
  private readonly messages: Budget;
  /** Messages that arrived while the socket was paused, in order. */
  private backlog: Buffer[] = [];
  private waiting = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly ws: WebSocket,
    private readonly forward: (data: Buffer) => void,
    budget: SocketBudget = DEFAULT_SOCKET_BUDGET,
  ) {
    this.bytes = new Budget(budget.burstBytes, budget.bytesPerSecond);
    this.messages = new Budget(budget.burstMessages, budget.messagesPerSecond);
    this.later(() => {
      if (!this.authenticated) this.close(SOCKET_CLOSE.authenticateFirst);
    }, SYNC_LIMITS.authTimeoutMs);
    ws.once('close', () => {
      this.closed = true;
      this.backlog = [];
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
    });
  }

  /** One document on this socket passed authentication. */
  authenticatedOnce(): void {
    this.authenticated = true;
  }

  /** A document's authentication was refused: what the socket still sends for it is dropped. */
  refusedDocument(documentName: string): void {
    this.refused.add(documentName);
  }

  receive(data: Buffer): void {
    if (this.closed) return;
    if (this.waiting) this.backlog.push(data);
    else this.handle(data);
  }

  private handle(data: Buffer): void {
    if (!this.allowed(data)) return;
    this.forward(data);
    const wait = Math.max(this.bytes.take(data.byteLength), this.messages.take(1));
    if (wait > 0) {
      this.waiting = true;
      this.ws.pause();
      this.later(() => this.drain(), wait);
    }
  }

  private drain(): void {
    this.waiting = false;
    while (this.backlog.length && !this.waiting && !this.closed) this.handle(this.backlog.shift()!);
    if (!this.waiting && !this.closed) this.ws.resume();
  }

  private allowed(data: Buffer): boolean {
    let documentName: string;
    let type: number;
    try {
      const decoder = decoding.createDecoder(data);
      documentName = decoding.readVarString(decoder);
      type = decoding.readVarUint(decoder);
    } catch {
      return this.close(SOCKET_CLOSE.misbehaving);
    }
    if (type === MESSAGE_AUTH) {
      if (data.byteLength > SYNC_LIMITS.authMessageBytes) return this.close(SOCKET_CLOSE.authenticateFirst);
      if (!this.asked.has(documentName) && this.asked.size >= SYNC_LIMITS.documentsPerSocket) return this.close(SOCKET_CLOSE.misbehaving);
      this.asked.add(documentName);
    } else if (!this.asked.has(documentName)) return this.close(SOCKET_CLOSE.authenticateFirst);
    if (this.refused.has(documentName)) return false;
    if (type === MESSAGE_AWARENESS && data.byteLength > SYNC_LIMITS.awarenessBytes) return this.close(SOCKET_CLOSE.misbehaving);
    if (!this.authenticated) {
      this.sentBeforeAuth += data.byteLength;
      if (data.byteLength > SYNC_LIMITS.preAuthMessageBytes || this.sentBeforeAuth > SYNC_LIMITS.preAuthBytes) return this.close(SOCKET_CLOSE.authenticateFirst);
    }
    return true;
  }

  /** Closes the socket (and stops reading it) with this code and reason. */
  close({ code, reason }: { readonly code: number; readonly reason: string }): false {
    if (this.closed) return false;
    this.closed = true;
    this.backlog = [];
    this.ws.close(code, reason);
    // A peer that does not answer the close handshake is cut off instead of being read for 30 s.
    this.later(() => this.ws.terminate(), 1_000);
    return false;
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}

/**
 * Puts a guard between a new websocket and Hocuspocus: its messages reach Hocuspocus's listener only
 * through the guard (Hocuspocus re-emits its own queued messages; those pass as they are), and
 * websocket protocol errors from hostile peers (oversized or malformed frames, which `ws` answers by
 * closing the socket) are not logged one by one.
 */
export function guardSocket(ws: WebSocket, budget?: SocketBudget): SocketGuard {
  const emit = ws.emit.bind(ws);
  const admitted = new WeakSet<object>();
  const guard = new SocketGuard(
    ws,
    (data) => {
      admitted.add(data);
      emit('message', data, true);
    },
    budget,
  );
  ws.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'message' && !admitted.has(args[0] as object)) {
      guard.receive(Buffer.isBuffer(args[0]) ? args[0] : Buffer.from(args[0] as ArrayBuffer));
      return true;
    }
    if (event === 'error' && String((args[0] as { code?: unknown } | undefined)?.code ?? '').startsWith('WS_ERR_')) return true;
    return emit(event, ...args);
  }) as typeof ws.emit;
  return guard;
}
