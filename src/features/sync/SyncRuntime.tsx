import { useEffect } from 'react';
import { readSyncAccount } from '../../core/sync/account-store';
import { useIdbStore, useStore } from '../../shared/store-context';
import { useValueStore } from '../../shared/value-store';
import { syncAccountChanges } from '../../shared/sync-account-changes';

/**
 * Runs sync while an account is stored, and nothing otherwise: the engine (Yjs, Hocuspocus) is
 * loaded only then, so the first page of a reader without sync carries none of it.
 */
export function SyncRuntime() {
  const store = useStore();
  const db = useIdbStore();
  const changes = useValueStore(syncAccountChanges);
  const account = readSyncAccount(store);
  const token = account?.session.token ?? null;

  useEffect(() => {
    const current = readSyncAccount(store);
    if (!current) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./run-sync').then(({ runSync }) => {
      if (!cancelled) stop = runSync(store, db, current);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [store, db, token, changes]);

  return null;
}
