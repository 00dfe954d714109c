import * as v from 'valibot';
import { changeOfKey, createChangeFeed, type StoreChangeListener } from './changes';
import { openEnvelope, type Migrations } from './envelope';
import { BACKUP_PREFIX, STORAGE_PREFIX } from './keys';

/**
 * The one storage adapter. Every localStorage access in the app goes through a Store:
 * - values are wrapped in an envelope { v: schemaVersion, data } and migrated forward on read;
 * - every read is validated; a value that is corrupt, foreign or from a future version is copied to
 *   a backup key (never silently overwritten) and reported as a StorageProblem;
 * - writes report quota and availability failures instead of throwing, so callers keep unsaved
 *   input where it is;
 * - a key whose read failed, or whose unreadable value could not be backed up, is not written:
 *   a write computed from "nothing there" would replace what is there;
 * - collections are null-prototype records: ids come from files, links and storage, and an id
 *   such as `__proto__` or `constructor` must be an ordinary key;
 * - every change is announced, as a typed StoreChange (core/storage/changes.ts: domain and articles),
 *   whether this tab made it or another tab did (the 'storage' event).
 */

export type StorageProblem =
  | { readonly kind: 'corrupt'; readonly key: string; readonly backupKey: string | null }
  | { readonly kind: 'future-version'; readonly key: string; readonly backupKey: string | null; readonly version: number }
  | { readonly kind: 'quota'; readonly key: string }
  /** Reading this key threw: what it holds is unknown, so it is not written until it reads again. */
  | { readonly kind: 'read-failed'; readonly key: string }
  /** The store was already full when the app started: everything saved shows, new changes cannot be kept. */
  | { readonly kind: 'full' }
  | { readonly kind: 'unavailable' };

export type WriteFailure =
  | 'quota'
  | 'unavailable'
  /** The key could not be read, so writing it could replace what it holds. */
  | 'unreadable'
  /** The key holds a value that could not be read and could not be backed up: it is kept as it is. */
  | 'not-backed-up';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: WriteFailure };

/** A versioned value: its schema, its current version and how to lift older versions to it. */
export interface StoredValue<T> {
  readonly key: string;
  readonly version: number;
  readonly schema: v.GenericSchema<unknown, T>;
  /** migrations[n] lifts data stored at version n to version n + 1. */
  readonly migrations?: Migrations;
  readonly fallback: () => T;
}

/** A collection stored as one record of items; invalid items are dropped (after a backup), valid ones kept. */
export interface StoredCollection<T> extends Omit<StoredValue<Record<string, T>>, 'schema'> {
  readonly itemSchema: v.GenericSchema<unknown, T>;
}

type ProblemListener = (problem: StorageProblem) => void;

/** What a write may say about itself: the articles it concerns, when its key holds several. */
export interface WriteNote {
  readonly articleIds?: readonly string[];
}


export interface Store {
  read<T>(spec: StoredValue<T>): T;
  readCollection<T>(spec: StoredCollection<T>): Record<string, T>;
  write<T>(spec: Pick<StoredValue<T>, 'key' | 'version'>, value: T, note?: WriteNote): WriteResult;
  /** Read the freshest stored value, apply `change`, write it back: concurrent tabs editing different items both win. */
  updateCollection<T>(spec: StoredCollection<T>, change: (items: Record<string, T>) => Record<string, T>, note?: WriteNote): WriteResult;
  remove(key: string): WriteResult;
  /** Keys under our prefix (backups included) — for diagnostics and export. */
  keys(): string[];
  /** Characters of every key and value stored for this site (ours or not): what the browser's quota counts. */
  usedChars(): number;
  /** Called after every change to one of our keys, by this tab or another one. Returns an unsubscribe. */
  subscribe(listener: StoreChangeListener): () => void;
  onProblem(listener: ProblemListener): () => void;
  /** Problems seen so far (each reported once), newest last; a new array after each change. */
  problems(): readonly StorageProblem[];
  readonly available: boolean;
}

export interface BrowserStorage {
  readonly storage: Storage | null;
  /** Readable but with no room left even for a probe: full, not unavailable. */
  readonly full: boolean;
}

/** Accessing window.localStorage can itself throw (disabled cookies, sandboxed iframes). */
export function browserStorage(): BrowserStorage {
  let storage: Storage;
  try {
    storage = globalThis.localStorage;
    storage.getItem(`${STORAGE_PREFIX}probe`);
  } catch {
    return { storage: null, full: false };
  }
  try {
    const probe = `${STORAGE_PREFIX}probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { storage, full: false };
  } catch (error) {
    return isQuotaError(error) ? { storage, full: true } : { storage: null, full: false };
  }
}

/** A record safe to key by any id (no prototype: `__proto__` and `constructor` are ordinary keys). */
export function idRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [id, value] of entries) record[id] = value;
  return record;
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22)
  );
}

export interface StoreOptions {
  /** The store was found full on start (see browserStorage). */
  readonly full?: boolean;
}

export function createStore(backend: Storage | null, target: EventTarget | null = globalThis.window ?? null, options: StoreOptions = {}): Store {
  const changes = createChangeFeed();
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
  else if (options.full) report({ kind: 'full' });
  // Keys whose last read threw, and unreadable values (by key) still waiting for their backup.
  const unreadable = new Set<string>();
  const unprotected = new Map<string, string>();

  const getRaw = (key: string): string | null => {
    if (!backend) return memory.get(key) ?? null;
    try {
      const raw = backend.getItem(key);
      unreadable.delete(key);
      return raw;
    } catch {
      unreadable.add(key);
      report({ kind: 'read-failed', key });
      return null;
    }
  };

  /** Whether `key` may be written: it read fine, and any unreadable value in it has a backup. */
  const writable = (key: string): WriteResult => {
    if (unreadable.has(key)) return { ok: false, reason: 'unreadable' };
    const raw = unprotected.get(key);
    if (raw !== undefined) {
      if (backup(key, raw) === null) return { ok: false, reason: 'not-backed-up' };
      unprotected.delete(key);
    }
    return { ok: true };
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
    if (getRaw(backupKey) === raw || setRaw(backupKey, raw).ok) {
      unprotected.delete(key);
      return backupKey;
    }
    // No copy: the value stays where it is, and nothing may overwrite it until a copy is made.
    unprotected.set(key, raw);
    return null;
  };

  /**
   * Collections as this store last wrote or validated them, with the exact stored text: a read that
   * finds the same text returns a copy instead of parsing and validating every item again (12,500
   * notes: ~150 ms). The app writes only values it validated; another tab's write changes the text,
   * so what it wrote is checked as ever.
   */
  const known = new Map<string, { readonly raw: string; readonly data: Readonly<Record<string, unknown>> }>();

  /** Parse the envelope and migrate; undefined when the value is absent or unusable (after reporting). */
  const readData = (spec: Pick<StoredValue<unknown>, 'key' | 'version' | 'migrations'>, raw = getRaw(spec.key)): { data: unknown; raw: string } | undefined => {
    if (raw === null) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, raw) });
      return undefined;
    }
    const opened = openEnvelope(parsed, spec.version, spec.migrations);
    if (!opened.ok) {
      const backupKey = backup(spec.key, raw);
      report(opened.problem === 'future-version' ? { kind: 'future-version', key: spec.key, backupKey, version: opened.version } : { kind: 'corrupt', key: spec.key, backupKey });
      return undefined;
    }
    const { data } = opened;
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
      const raw = getRaw(spec.key);
      const seen = known.get(spec.key);
      if (raw !== null && seen?.raw === raw) return idRecord([...Object.entries(spec.fallback()), ...Object.entries(seen.data)]) as Record<string, never>;
      const found = readData(spec, raw);
      if (!found) return idRecord(Object.entries(spec.fallback()));
      if (typeof found.data !== 'object' || found.data === null || Array.isArray(found.data)) {
        report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, found.raw) });
        return idRecord(Object.entries(spec.fallback()));
      }
      const items = idRecord<unknown>(Object.entries(spec.fallback()));
      let dropped = false;
      for (const [id, item] of Object.entries(found.data)) {
        const result = v.safeParse(spec.itemSchema, item);
        if (result.success) items[id] = result.output;
        else dropped = true;
      }
      if (dropped) report({ kind: 'corrupt', key: spec.key, backupKey: backup(spec.key, found.raw) });
      else known.set(spec.key, { raw: found.raw, data: idRecord(Object.entries(items)) });
      return items as Record<string, never>;
    },

    write(spec, value, note) {
      const allowed = writable(spec.key);
      if (!allowed.ok) return allowed;
      const raw = JSON.stringify({ v: spec.version, data: value });
      const written = setRaw(spec.key, raw);
      // A failed write leaves the stored text, and so what is known of it, as it was.
      if (written.ok) {
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) known.set(spec.key, { raw, data: idRecord(Object.entries(value)) });
        else known.delete(spec.key);
      }
      // Without localStorage the value lives in memory for the session: readers see it changed too.
      if (written.ok || !backend) announce(spec.key, note);
      return written;
    },

    updateCollection(spec, change, note) {
      const items = store.readCollection(spec);
      const allowed = writable(spec.key);
      if (!allowed.ok) return allowed;
      return store.write(spec, change(items), note);
    },

    remove(key) {
      const allowed = writable(key);
      if (!allowed.ok) return allowed;
      known.delete(key);
      if (!backend) {
        memory.delete(key);
        announce(key);
        return { ok: true };
      }
      try {
        backend.removeItem(key);
        announce(key);
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

    usedChars() {
      let used = 0;
      try {
        if (backend) {
          for (let i = 0; i < backend.length; i += 1) {
            const key = backend.key(i);
            if (key !== null) used += key.length + (backend.getItem(key)?.length ?? 0);
          }
        } else {
          for (const [key, value] of memory) used += key.length + value.length;
        }
      } catch {
        report({ kind: 'unavailable' });
      }
      return used;
    },

    subscribe: changes.subscribe,

    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },

    problems: () => seenProblems,
  };

  function announce(key: string, note?: WriteNote): void {
    const change = changeOfKey(key);
    changes.emit({ ...change, ...(note?.articleIds && change.articleIds === 'all' ? { articleIds: note.articleIds } : {}), source: 'this-tab' });
  }

  target?.addEventListener('storage', (event) => {
    const key = (event as StorageEvent).key;
    if (key?.startsWith(STORAGE_PREFIX)) changes.emit({ ...changeOfKey(key), source: 'other-tab' });
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
  if (!appStore) {
    const { storage, full } = browserStorage();
    appStore = createStore(storage, undefined, { full });
  }
  return appStore;
}
