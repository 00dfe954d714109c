import * as v from 'valibot';
import { BACKUP_PREFIX, STORAGE_PREFIX } from './keys';

/**
 * The one storage adapter. Every localStorage access in the app goes through a Store:
 * - values are wrapped in an envelope { v: schemaVersion, data } and migrated forward on read;
 * - every read is validated; a value that is corrupt, foreign or from a future version is copied to
 *   a backup key (never silently overwritten) and reported as a StorageProblem;
 * - writes report quota and availability failures instead of throwing, so callers keep unsaved
 *   input where it is;
 * - `subscribe` delivers changes made by other tabs (the 'storage' event).
 */

export type StorageProblem =
  | { readonly kind: 'corrupt'; readonly key: string; readonly backupKey: string | null }
  | { readonly kind: 'future-version'; readonly key: string; readonly backupKey: string | null; readonly version: number }
  | { readonly kind: 'quota'; readonly key: string }
  | { readonly kind: 'unavailable' };

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'quota' | 'unavailable' };

/** A versioned value: its schema, its current version and how to lift older versions to it. */
export interface StoredValue<T> {
  readonly key: string;
  readonly version: number;
  readonly schema: v.GenericSchema<unknown, T>;
  /** migrations[n] lifts data stored at version n to version n + 1. */
  readonly migrations?: Readonly<Record<number, (data: unknown) => unknown>>;
  readonly fallback: () => T;
}

/** A collection stored as one record of items; invalid items are dropped (after a backup), valid ones kept. */
export interface StoredCollection<T> extends Omit<StoredValue<Record<string, T>>, 'schema'> {
  readonly itemSchema: v.GenericSchema<unknown, T>;
}

type Listener = (key: string) => void;
type ProblemListener = (problem: StorageProblem) => void;

const envelopeSchema = v.object({ v: v.pipe(v.number(), v.integer(), v.minValue(1)), data: v.unknown() });

export interface Store {
  read<T>(spec: StoredValue<T>): T;
  readCollection<T>(spec: StoredCollection<T>): Record<string, T>;
  write<T>(spec: Pick<StoredValue<T>, 'key' | 'version'>, value: T): WriteResult;
  /** Read the freshest stored value, apply `change`, write it back: concurrent tabs editing different items both win. */
  updateCollection<T>(spec: StoredCollection<T>, change: (items: Record<string, T>) => Record<string, T>): WriteResult;
  remove(key: string): WriteResult;
  /** Keys under our prefix (backups included) — for diagnostics and export. */
  keys(): string[];
  /** Called with the key whenever another tab changes one of our keys. Returns an unsubscribe. */
  subscribe(listener: Listener): () => void;
  onProblem(listener: ProblemListener): () => void;
  /** Problems seen so far (each reported once), newest last; a new array after each change. */
  problems(): readonly StorageProblem[];
  readonly available: boolean;
}

/** Accessing window.localStorage can itself throw (disabled cookies, sandboxed iframes). */
export function browserStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    const probe = `${STORAGE_PREFIX}probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}

export function createStore(backend: Storage | null, target: EventTarget | null = globalThis.window ?? null): Store {
  const listeners = new Set<Listener>();
  const problemListeners = new Set<ProblemListener>();
  // Replaced (never mutated) on change, so it can serve as a useSyncExternalStore snapshot.
  let seenProblems: readonly StorageProblem[] = [];
  // With no usable localStorage the app still works for this session, from memory.
  const memory = new Map<string, string>();

  const report = (problem: StorageProblem) => {
    const id = JSON.stringify(problem);
    if (seenProblems.some((p) => JSON.stringify(p) === id)) return;
    seenProblems = [...seenProblems, problem];
    for (const listener of problemListeners) listener(problem);
  };
  if (!backend) report({ kind: 'unavailable' });

  const getRaw = (key: string): string | null => {
    if (!backend) return memory.get(key) ?? null;
    try {
      return backend.getItem(key);
    } catch {
      report({ kind: 'unavailable' });
      return null;
    }
  };

  const setRaw = (key: string, raw: string): WriteResult => {
    if (!backend) {
      memory.set(key, raw);
      return { ok: false, reason: 'unavailable' };
    }
    try {
      backend.setItem(key, raw);
      return { ok: true };
    } catch (error) {
      if (isQuotaError(error)) {
        report({ kind: 'quota', key });
        return { ok: false, reason: 'quota' };
      }
      report({ kind: 'unavailable' });
      return { ok: false, reason: 'unavailable' };
    }
  };

  /** Keep an unreadable value: one backup per distinct value, never overwritten. */
  const backup = (key: string, raw: string): string | null => {
    const backupKey = `${BACKUP_PREFIX}${key.slice(STORAGE_PREFIX.length)}:${hash(raw)}`;
    if (getRaw(backupKey) === raw) return backupKey;
    return setRaw(backupKey, raw).ok ? backupKey : null;
  };

  /** Parse the envelope and migrate; undefined when the value is absent or unusable (after reporting). */
  const readData = (spec: Pick<StoredValue<unknown>, 'key' | 'version' | 'migrations'>): { data: unknown; raw: string } | undefined => {
    const raw = getRaw(spec.key);
    if (raw === null) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, raw) });
      return undefined;
    }
    const envelope = v.safeParse(envelopeSchema, parsed);
    if (!envelope.success) {
      report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, raw) });
      return undefined;
    }
    let { v: version, data } = envelope.output;
    if (version > spec.version) {
      report({ kind: 'future-version', key: spec.key, backupKey: backup(spec.key, raw), version });
      return undefined;
    }
    try {
      while (version < spec.version) {
        const migrate = spec.migrations?.[version];
        if (!migrate) throw new Error(`no migration from version ${version}`);
        data = migrate(data);
        version += 1;
      }
    } catch {
      report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, raw) });
      return undefined;
    }
    return { data, raw };
  };

  const store: Store = {
    available: backend !== null,

    read(spec) {
      const found = readData(spec);
      if (!found) return spec.fallback();
      const result = v.safeParse(spec.schema, found.data);
      if (result.success) return result.output;
      report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, found.raw) });
      return spec.fallback();
    },

    readCollection(spec) {
      const found = readData(spec);
      if (!found) return spec.fallback();
      if (typeof found.data !== 'object' || found.data === null || Array.isArray(found.data)) {
        report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, found.raw) });
        return spec.fallback();
      }
      const items: Record<string, unknown> = { ...spec.fallback() };
      let dropped = false;
      for (const [id, item] of Object.entries(found.data)) {
        const result = v.safeParse(spec.itemSchema, item);
        if (result.success) items[id] = result.output;
        else dropped = true;
      }
      if (dropped) report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, found.raw) });
      return items as Record<string, never>;
    },

    write(spec, value) {
      return setRaw(spec.key, JSON.stringify({ v: spec.version, data: value }));
    },

    updateCollection(spec, change) {
      return store.write(spec, change(store.readCollection(spec)));
    },

    remove(key) {
      if (!backend) {
        memory.delete(key);
        return { ok: true };
      }
      try {
        backend.removeItem(key);
        return { ok: true };
      } catch {
        return { ok: false, reason: 'unavailable' };
      }
    },

    keys() {
      const all: string[] = [];
      try {
        if (backend) {
          for (let i = 0; i < backend.length; i += 1) {
            const key = backend.key(i);
            if (key?.startsWith(STORAGE_PREFIX)) all.push(key);
          }
        } else {
          all.push(...memory.keys());
        }
      } catch {
        report({ kind: 'unavailable' });
      }
      return all;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },

    problems: () => seenProblems,
  };

  target?.addEventListener('storage', (event) => {
    const key = (event as StorageEvent).key;
    if (key?.startsWith(STORAGE_PREFIX)) for (const listener of listeners) listener(key);
  });

  return store;
}

/** Short, stable digest used to name backups (FNV-1a, 32 bit). */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

let appStore: Store | undefined;
/** The app's store over the browser's localStorage (created on first use). */
export function getStore(): Store {
  appStore ??= createStore(browserStorage());
  return appStore;
}
