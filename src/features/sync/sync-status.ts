import type { SyncStatus } from '../../core/sync/engine';
import { createValueStore } from '../../shared/value-store';

export type { SyncState, SyncStatus } from '../../core/sync/engine';

/**
 * What the Settings → Sync panel and its button show: the running engine's status (it is loaded
 * only when sync is on), read by the small eager parts.
 */
export const syncStatus = createValueStore<SyncStatus>({ state: 'off', conflicts: 0 });
