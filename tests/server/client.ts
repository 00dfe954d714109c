import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createAnnotation } from '../../src/core/annotations/annotation';
import type { NoteRecord } from '../../src/core/schema/sync-documents';

/** A device for the server tests: one Yjs document over its own websocket (Node has no browser WebSocket). */
export interface TestDevice {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when the first sync is done; rejects with the reason authentication failed. */
  readonly ready: Promise<void>;
  /** Resolves with the reason when the server closes this document's connection (`code N` when it gave none). */
  readonly closed: Promise<string>;
  /** Stateless messages the server sent on this document, in order. */
  readonly stateless: string[];
  /** Lets the socket stay closed when the server goes (destroying it mid-reconnect makes the provider reject unhandled). */
  stopReconnecting(): void;
  destroy(): void;
}

/**
 * Node's websocket for the provider. A connection attempt the provider gives up on (its connect
 * timeout, under load) is closed before it opened, and `ws` then emits 'error': with no listener that
 * ends the process. The provider learns of it from the close and tries again.
 */
export class NodeWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('error', () => {});
  }
}

export function connectDevice(serverUrl: string, documentName: string, token: string): TestDevice {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: serverUrl.replace(/^http/, 'ws'),
    WebSocketPolyfill: NodeWebSocket,
    // Retry for ever, as the app does (a bounded retry rejects unhandled inside the provider once the
    // server is gone); destroy() ends it.
    maxAttempts: 0,
    delay: 500,
    minDelay: 500,
    maxDelay: 1_000,
  });
  let resolveClosed: (reason: string) => void = () => {};
  const closed = new Promise<string>((resolve) => (resolveClosed = resolve));
  const stateless: string[] = [];
  let provider!: HocuspocusProvider;
  const ready = new Promise<void>((resolve, reject) => {
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token,
      onSynced: () => resolve(),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
      onClose: ({ event }) => resolveClosed(event.reason || `code ${event.code}`),
      onStateless: ({ payload }) => stateless.push(payload),
    });
    provider.attach();
  });
  ready.catch(() => {});
  return {
    doc,
    provider,
    ready,
    closed,
    stateless,
    stopReconnecting() {
      socket.shouldConnect = false;
    },
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves with the close reasons once every device was closed; fails after `ms`. */
export async function closedWithin(ms: number, ...closing: TestDevice[]): Promise<string[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not closed within ${ms} ms`)), ms)));
  try {
    return await Promise.race([Promise.all(closing.map((d) => d.closed)), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function login(serverUrl: string, user: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${serverUrl}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user, password }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A valid note record, as a device writes it into a notes map. */
export function noteRecord(id: string, note: string): NoteRecord {
  const annotation = createAnnotation({
    id,
    articleId: 'article-1',
    note,
    selectors: {
      blockId: 'p-abc',
      quote: { type: 'TextQuoteSelector', exact: 'نص', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 2 },
    },
  });
  return { annotation, parent: null };
}
