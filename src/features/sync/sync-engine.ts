import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { QueryClient } from '@tanstack/react-query';
import * as Y from 'yjs';
import type { Store } from '../../core/storage/storage';
import { NOTES_MAP, personalDocumentName } from '../../core/sync/data-model';
import { claimedArticle, LOCAL_ORIGIN, syncNotesPass } from '../../core/sync/notes-sync';
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
  /** What the next pass must look at: some articles, or everything. */
  let pending: Set<string> | 'all' = 'all';

  const set = (status: Omit<SyncStatus, 'conflicts'>) => syncStatus.set({ ...status, conflicts });

  const socket = new HocuspocusProviderWebsocket({ url: websocketUrl(account.server), delay: 1_000, minDelay: 1_000, maxDelay: 5_000, maxAttempts: 0 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: personalDocumentName(account.session.user),
    document: doc,
    token: account.session.token,
    onSynced: () => schedule('all', 0),
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
    const scope = pending;
    pending = new Set();
    const result = syncNotesPass(store, doc, key, new Date(), scope === 'all' ? undefined : scope);
    conflicts += result.conflicts;
    refused = result.refused > 0;
    for (const articleId of result.changedArticles) void queryClient.invalidateQueries({ queryKey: queryKeys.annotations(articleId) });
    if (result.changedArticles.length) void queryClient.invalidateQueries({ queryKey: queryKeys.allAnnotations(), exact: true });
    if (result.progressChanged) void queryClient.invalidateQueries({ queryKey: ['store', 'progress'] });
    if (!provider.hasUnsyncedChanges) markSynced(store, new Date());
    showState();
  }

  /** Queue a pass over some articles (an undefined id, or 'all': everything). */
  function schedule(articles: Iterable<string | undefined> | 'all' = 'all', delay = PASS_DELAY_MS): void {
    if (articles === 'all') pending = 'all';
    else if (pending !== 'all') {
      const queued = pending;
      for (const id of articles) {
        if (id === undefined) pending = 'all';
        else queued.add(id);
      }
    }
    clearTimeout(timer);
    timer = setTimeout(pass, delay);
  }

  // Changes from the server: only the articles whose notes changed need a look.
  const onNotesChange = (event: Y.YMapEvent<unknown>) => {
    if (event.transaction.origin === LOCAL_ORIGIN) return;
    const notes = doc.getMap(NOTES_MAP);
    const touched: (string | undefined)[] = [];
    for (const id of event.keysChanged) {
      const value = notes.get(id);
      touched.push(claimedArticle(value ?? event.changes.keys.get(id)?.oldValue));
    }
    schedule(touched);
  };
  doc.getMap(NOTES_MAP).observe(onNotesChange);
  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    // Anything else from the server (progress, tombstones): a pass over what the notes events queued.
    if (origin !== LOCAL_ORIGIN) schedule([]);
  };
  doc.on('update', onDocUpdate);
  socket.on('status', () => {
    showState();
    if (socket.status === WebSocketStatus.Connected) schedule('all');
  });
  provider.on('unsyncedChanges', () => {
    if (!provider.hasUnsyncedChanges && online()) markSynced(store, new Date());
    showState();
  });
  // Local changes: this tab's saves (react-query mutations) and other tabs (storage events).
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.mutation.state.status === 'success') {
      // A save or delete of one annotation touches its article only; anything else (an import) all.
      const articleId = (event.mutation.state.variables as { articleId?: unknown } | undefined)?.articleId;
      schedule(typeof articleId === 'string' ? [articleId] : 'all');
    }
  });
  const stopStore = store.subscribe(() => schedule('all'));
  const periodic = setInterval(() => schedule('all'), PERIODIC_PASS_MS);
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
    doc.getMap(NOTES_MAP).unobserve(onNotesChange);
    provider.destroy();
    socket.destroy();
    doc.destroy();
    syncStatus.set({ state: 'off', conflicts: 0 });
  };
}
