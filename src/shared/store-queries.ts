import type { QueryClient } from '@tanstack/react-query';
import type { StoreChange } from '../core/storage/changes';

/**
 * Each feature owns its query keys (features/<name>/query-keys.ts) and says which of its queries a
 * store change makes stale; the app calls every feature's refresher for every change the stores
 * announce, this tab's and other tabs' (src/app/providers.tsx). Nobody clears another feature's keys.
 */
export type RefreshQueries = (client: QueryClient, change: StoreChange) => void;

/** Marks stale every query under one of `prefixes` (refetched now if shown, else when next shown). */
export function invalidate(client: QueryClient, ...prefixes: ReadonlyArray<readonly unknown[]>): void {
  for (const queryKey of prefixes) void client.invalidateQueries({ queryKey });
}
