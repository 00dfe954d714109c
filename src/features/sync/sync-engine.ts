import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { QueryClient } from '@tanstack/react-query';
import * as Y from 'yjs';
import type { Store } from '../../core/storage/storage';
import { personalDocumentName } from '../../core/sync/data-model';
import { LOCAL_ORIGIN, syncNotesPass } from '../../core/sync/notes-sync';
import { accountKey, markSynced, websocketUrl, type SyncAccount } from '../../core/sync/sync-account';
import { queryKeys } from '../../shared/query-keys';
import { syncStatus, type SyncStatus } from './sync-status';

/**
 * The running sync for a signed-in reader (loaded only when sync is on): one Yjs document per
 * reader over Hocuspocus, and a sync pass (core/sync/notes-sync) whenever either side changes.
 * Passes run only while connected and synced with the server, so what this device records as
 * agreed is what the server has; offline, changes simply stay in local storage until it returns.
 */
const PASS_DELAY_MS = 150;
/** A pass now and then catches changes that no event announced (reading progress is saved without one). */
const PERIODIC_PASS_MS = 15_000;

export function startSyncEngine(store: Store, account: SyncAccount, queryClient: QueryClient): () => void {
  const doc = new Y.Doc();
  const key = accountKey(account);
  let conflicts = syncStatus.get().conflicts;
  let refused = false;
  let authFailed: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (status: Omit<SyncStatus, 'conflicts'>) => syncStatus.set({ ...status, conflicts });

  const socket = new HocuspocusProviderWebsocket({ url: websocketUrl(account.server), delay: 1_000, minDelay: 1_000, maxDelay: 5_000, maxAttempts: 0 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: personalDocumentName(account.session.user),
    document: doc,
    token: account.session.token,
    onSynced: () => schedule(0),
    onAuthenticationFailed: ({ reason }) => {
      authFailed = reason;
      set({ state: 'error', reason: { key: 'session', detail: reason } });
    },
    onClose: ({ event }) => {
      // The server closes a document with a reason when it refused what this device sent.
      if (event.reason && !authFailed) set({ state: 'error', reason: { key: 'server', detail: event.reason } });
    },
  });

  const online = () => socket.status === WebSocketStatus.Connected && provider.isSynced && !authFailed;

  function showState(): void {
    if (authFailed) return;
    if (refused) set({ state: 'error', reason: { key: 'refused' } });
    else if (!online()) set({ state: 'offline' });
    else set({ state: provider.hasUnsyncedChanges ? 'syncing' : 'synced' });
  }

  function pass(): void {
    if (!online()) return showState();
    const result = syncNotesPass(store, doc, key);
    conflicts += result.conflicts;
    refused = result.refused > 0;
    for (const articleId of result.changedArticles) void queryClient.invalidateQueries({ queryKey: queryKeys.annotations(articleId) });
    if (result.changedArticles.length) void queryClient.invalidateQueries({ queryKey: queryKeys.allAnnotations(), exact: true });
    if (result.progressChanged) void queryClient.invalidateQueries({ queryKey: ['store', 'progress'] });
    if (!provider.hasUnsyncedChanges) markSynced(store, new Date());
    showState();
  }

  function schedule(delay = PASS_DELAY_MS): void {
    clearTimeout(timer);
    timer = setTimeout(pass, delay);
  }

  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL_ORIGIN) schedule();
  };
  doc.on('update', onDocUpdate);
  socket.on('status', () => {
    showState();
    if (socket.status === WebSocketStatus.Connected) schedule();
  });
  provider.on('unsyncedChanges', () => {
    if (!provider.hasUnsyncedChanges && online()) markSynced(store, new Date());
    showState();
  });
  // Local changes: this tab's saves (react-query mutations) and other tabs (storage events).
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.mutation.state.status === 'success') schedule();
  });
  const stopStore = store.subscribe(() => schedule());
  const periodic = setInterval(() => schedule(), PERIODIC_PASS_MS);
  const onOnline = () => socket.connect();
  globalThis.addEventListener?.('online', onOnline);

  set({ state: 'offline' });
  provider.attach();

  return () => {
    clearTimeout(timer);
    clearInterval(periodic);
    stopMutations();
    stopStore();
    globalThis.removeEventListener?.('online', onOnline);
    doc.off('update', onDocUpdate);
    provider.destroy();
    socket.destroy();
    doc.destroy();
    syncStatus.set({ state: 'off', conflicts: 0 });
  };
}
