import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** A device for the server tests: one Yjs document over its own websocket (Node has no browser WebSocket). */
export interface TestDevice {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves when the first sync is done; rejects with the reason authentication failed. */
  readonly ready: Promise<void>;
  /** Resolves with the reason when the server closes this document's connection. */
  readonly closed: Promise<string>;
  destroy(): void;
}

export function connectDevice(serverUrl: string, documentName: string, token: string): TestDevice {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: serverUrl.replace(/^http/, 'ws'),
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
    delay: 1_000,
    minDelay: 1_000,
  });
  let resolveClosed: (reason: string) => void = () => {};
  const closed = new Promise<string>((resolve) => (resolveClosed = resolve));
  let provider!: HocuspocusProvider;
  const ready = new Promise<void>((resolve, reject) => {
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName,
      document: doc,
      token,
      onSynced: () => resolve(),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
      onClose: ({ event }) => resolveClosed(event.reason),
    });
    provider.attach();
  });
  ready.catch(() => {});
  return {
    doc,
    provider,
    ready,
    closed,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
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
