import { hocuspocusTransport } from '../../core/sync/hocuspocus-transport';
import { startSyncEngine } from '../../core/sync/engine';
import { fetchSession } from '../../core/sync/session-client';
import type { SyncAccount } from '../../core/sync/account-store';
import type { IdbStore } from '../../core/storage/idb-store';
import type { Store } from '../../core/storage/storage';
import { syncAccountChanges } from '../../shared/sync-account-changes';
import { syncStatus } from './sync-status';

/**
 * Starts the engine (core/sync/engine.ts) over Hocuspocus for the stored account, its status shown
 * by the Sync panel and a change of groups restarting it. Loaded on demand by SyncRuntime: the
 * first page of a reader without sync carries no Yjs or Hocuspocus.
 */
export function runSync(store: Store, db: IdbStore, account: SyncAccount): () => void {
  const engine = startSyncEngine({
    store,
    db,
    account,
    transport: hocuspocusTransport(account.server, account.session.token),
    fetchSession: () => fetchSession(account.server, account.session.token),
    onStatus: (status) => syncStatus.set(status),
    onGroupsChanged: () => syncAccountChanges.set(syncAccountChanges.get() + 1),
    conflicts: syncStatus.get().conflicts,
    groupsLeft: syncStatus.get().groupsLeft,
  });
  return () => engine.stop();
}
