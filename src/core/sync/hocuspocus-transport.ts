import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { SyncTransport } from './engine';
import { websocketUrl } from './account-store';

/**
 * The sync engine's transport over Hocuspocus: one websocket to the server (retried every 1–5 s,
 * and at once when the network comes back), one provider per document on it, authenticated with
 * the session token.
 */
export function hocuspocusTransport(server: string, token: string): SyncTransport {
  const socket = new HocuspocusProviderWebsocket({ url: websocketUrl(server), delay: 1_000, minDelay: 1_000, maxDelay: 5_000, maxAttempts: 0 });
  const onOnline = () => socket.connect();
  globalThis.addEventListener?.('online', onOnline);
  return {
    open(name, doc, events) {
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token,
        onSynced: () => events.onSynced(),
        onAuthenticationFailed: ({ reason }) => events.onAuthenticationFailed(reason),
        onClose: ({ event }) => events.onClose({ code: event.code, reason: event.reason }),
        onStateless: ({ payload }) => events.onStateless(payload),
      });
      provider.on('unsyncedChanges', () => events.onUnsyncedChanges());
      return {
        get synced() {
          return provider.isSynced;
        },
        get unsyncedChanges() {
          return provider.hasUnsyncedChanges;
        },
        attach: () => provider.attach(),
        destroy: () => provider.destroy(),
      };
    },
    get connected() {
      return socket.status === WebSocketStatus.Connected;
    },
    onConnectionChange(listener) {
      socket.on('status', listener);
      return () => socket.off('status', listener);
    },
    destroy() {
      globalThis.removeEventListener?.('online', onOnline);
      socket.destroy();
    },
  };
}
