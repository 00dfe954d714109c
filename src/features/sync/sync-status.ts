import { createValueStore } from '../../shared/value-store';

/**
 * What the Settings → Sync panel and its button show. Written by the sync engine (loaded only when
 * sync is on); read by the small eager parts. `reason` is an i18n key under sync:errors, or the
 * server's own words for an error it named.
 */
export type SyncState = 'off' | 'synced' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  readonly state: SyncState;
  readonly reason?: { readonly key: string; readonly detail?: string };
  /** Conflict copies made since the page opened. */
  readonly conflicts: number;
  /** Imported articles kept off the server for being over SYNC_LIMITS.articleBytes. */
  readonly tooLarge?: number;
}

export const syncStatus = createValueStore<SyncStatus>({ state: 'off', conflicts: 0 });

