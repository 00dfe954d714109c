import { useCallback, useSyncExternalStore } from 'react';
import { readSettings, writeSettings, type Settings } from '../../core/settings/settings-store';
import type { Store, WriteResult } from '../../core/storage/storage';
import { useStore } from '../../shared/store-context';

/**
 * Settings are synchronous local state, not async server-like state, so they live in a small
 * external store rather than react-query: a change re-renders within the same event, so controlled
 * inputs never flick back to the old value. Changes from other tabs arrive through the adapter.
 */
interface SettingsSource {
  current: Settings;
  readonly listeners: Set<() => void>;
}

const sources = new WeakMap<Store, SettingsSource>();

function sourceFor(store: Store): SettingsSource {
  let source = sources.get(store);
  if (!source) {
    const created: SettingsSource = { current: readSettings(store), listeners: new Set() };
    // This tab's changes are set by useSetting; another tab's arrive here.
    store.subscribe((change) => {
      if (change.domain !== 'settings' || change.source !== 'other-tab') return;
      created.current = readSettings(store);
      for (const listener of created.listeners) listener();
    });
    sources.set(store, created);
    source = created;
  }
  return source;
}

export function useSettings(): Settings {
  const source = sourceFor(useStore());
  const subscribe = useCallback(
    (listener: () => void) => {
      source.listeners.add(listener);
      return () => source.listeners.delete(listener);
    },
    [source],
  );
  return useSyncExternalStore(subscribe, () => source.current);
}

export function updateSettings(store: Store, change: Partial<Settings>): WriteResult {
  const source = sourceFor(store);
  const { settings, result } = writeSettings(store, change);
  // Even when storage refuses the write, the choice applies for this visit.
  source.current = settings;
  for (const listener of source.listeners) listener();
  return result;
}

export function useUpdateSettings(): (change: Partial<Settings>) => WriteResult {
  const store = useStore();
  return useCallback((change: Partial<Settings>) => updateSettings(store, change), [store]);
}
