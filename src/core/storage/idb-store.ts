import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import * as v from 'valibot';
import { createChangeFeed, type StoreChange, type StoreChangeListener, type StoreDomain } from './changes';
import { openEnvelope, type Migrations } from './envelope';
import type { StorageProblem, WriteResult } from './storage';
import { hash } from './storage';

/**
 * The IndexedDB half of the storage adapter: what grows with the library (articles, their summaries,
 * cached entities, the search index) lives here; small settings and notes stay in localStorage
 * (storage.ts). Same rules as storage.ts:
 * - each record is an envelope { v, data } under its id, migrated forward and validated on read;
 * - a record that is corrupt, foreign or from a future version is copied to the `backups` object
 *   store (never overwritten) and reported as a StorageProblem; valid records are still returned;
 * - writes resolve to a WriteResult (quota / unavailable) instead of throwing;
 * - with no IndexedDB (private modes, blocked) the app keeps working from memory for the session
 *   and reports 'unavailable';
 * - every committed change is announced as a typed StoreChange (core/storage/changes.ts), this
 *   tab's at once and other tabs' through a BroadcastChannel.
 * Several writes in one `write([...])` call commit together or not at all. See docs/library.md.
 */

export const LIBRARY_DB_NAME = 'hashiya';
const DB_VERSION = 1;

/** Object stores. Adding one means bumping DB_VERSION and creating it in `upgrade`. */
export const IDB_STORES = ['articles', 'summaries', 'entities', 'search', 'meta', 'backups'] as const;
export type IdbStoreName = Exclude<(typeof IDB_STORES)[number], 'backups'>;

/** A kind of record: where it lives, its schema, its version and how to lift older versions. */
export interface RecordSpec<T> {
  readonly store: IdbStoreName;
  readonly version: number;
  readonly schema: v.GenericSchema<unknown, T>;
  /** migrations[n] lifts data stored at version n to version n + 1. */
  readonly migrations?: Migrations;
}

/** One change in a `write` batch: `value: null` deletes the record. */
export interface RecordWrite<T = unknown> {
  readonly spec: RecordSpec<T>;
  readonly id: string;
  readonly value: T | null;
}

export interface IdbStore {
  get<T>(spec: RecordSpec<T>, id: string): Promise<T | undefined>;
  /** Every valid record, with its id; invalid ones are backed up and reported. */
  getAll<T>(spec: RecordSpec<T>): Promise<Array<{ id: string; value: T }>>;
  /** Ids only (no reading or validation): cheap presence checks. */
  ids(store: IdbStoreName): Promise<string[]>;
  /** Applies every change in one transaction: all or nothing. */
  write(changes: readonly RecordWrite[]): Promise<WriteResult>;
  put<T>(spec: RecordSpec<T>, id: string, value: T): Promise<WriteResult>;
  delete(spec: RecordSpec<unknown>, id: string): Promise<WriteResult>;
  /** The raw backups (key → value as found), for diagnostics and tests. */
  backups(): Promise<Array<{ key: string; value: unknown }>>;
  /** Called after every committed write, by this tab or another one. Returns an unsubscribe. */
  subscribe(listener: StoreChangeListener): () => void;
  onProblem(listener: (problem: StorageProblem) => void): () => void;
  /** Problems seen so far (each reported once), newest last; a new array after each change. */
  problems(): readonly StorageProblem[];
  /** Resolves once the database is open (or known to be unavailable). */
  ready(): Promise<boolean>;
  close(): void;
}

/** Which domain each object store's records belong to (articles and summaries are keyed by article id). */
const STORE_DOMAIN: Readonly<Record<IdbStoreName, StoreDomain>> = { articles: 'articles', summaries: 'articles', entities: 'entities', search: 'other', meta: 'other' };
/** Records of these stores are keyed by article id. */
const BY_ARTICLE: ReadonlySet<IdbStoreName> = new Set(['articles', 'summaries', 'entities']);

/** One change per domain for a committed batch. */
function changesOf(written: readonly RecordWrite[]): Array<Omit<StoreChange, 'source'>> {
  const ids = new Map<StoreDomain, Set<string> | 'all'>();
  for (const { spec, id } of written) {
    const domain = STORE_DOMAIN[spec.store];
    const known = ids.get(domain);
    if (!BY_ARTICLE.has(spec.store)) ids.set(domain, 'all');
    else if (known !== 'all') ids.set(domain, (known ?? new Set()).add(id));
  }
  return [...ids].map(([domain, articles]) => ({ domain, articleIds: articles === 'all' ? 'all' : [...articles] }));
}

/** A change another tab posted; anything else on the channel (an older version's store name) means "something changed". */
function receivedChange(data: unknown): Omit<StoreChange, 'source'> | null {
  if (typeof data === 'string') return (IDB_STORES as readonly string[]).includes(data) && data !== 'backups' ? { domain: STORE_DOMAIN[data as IdbStoreName], articleIds: 'all' } : null;
  const change = data as Partial<StoreChange> | null;
  const domains: readonly StoreDomain[] = Object.values(STORE_DOMAIN);
  if (!change || typeof change !== 'object' || !domains.includes(change.domain as StoreDomain)) return null;
  const articleIds = change.articleIds === 'all' ? 'all' : Array.isArray(change.articleIds) && change.articleIds.every((id) => typeof id === 'string') ? change.articleIds : null;
  return articleIds ? { domain: change.domain as StoreDomain, articleIds } : null;
}

/** What a problem calls a record: `idb:<store>/<id>`. */
export const recordKey = (store: string, id: string) => `idb:${store}/${id}`;

type Db = IDBPDatabase<unknown>;

export interface IdbStoreOptions {
  /** Defaults to the global indexedDB (fake-indexeddb in tests). */
  readonly factory?: IDBFactory | null;
  readonly name?: string;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export function createIdbStore(options: IdbStoreOptions = {}): IdbStore {
  const name = options.name ?? LIBRARY_DB_NAME;
  const factory = options.factory === undefined ? (globalThis.indexedDB ?? null) : options.factory;
  const problemListeners = new Set<(problem: StorageProblem) => void>();
  const feed = createChangeFeed();
  let seenProblems: readonly StorageProblem[] = [];
  // The session's fallback when IndexedDB cannot be opened: one Map per object store.
  const memory = new Map<string, Map<string, unknown>>(IDB_STORES.map((s) => [s, new Map()]));

  const report = (problem: StorageProblem) => {
    const id = JSON.stringify(problem);
    if (seenProblems.some((p) => JSON.stringify(p) === id)) return;
    seenProblems = [...seenProblems, problem];
    for (const listener of problemListeners) listener(problem);
  };

  const opening: Promise<Db | null> = (async () => {
    if (!factory) return null;
    try {
      // Opened through `factory` (not idb's openDB, which always uses the global indexedDB).
      const request = factory.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        for (const store of IDB_STORES) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      };
      const db = (await wrap(request)) as Db;
      // Another tab upgraded the schema: close, the next page load opens the new version.
      db.addEventListener('versionchange', () => db.close());
      return db;
    } catch {
      return null;
    }
  })().then((db) => {
    if (!db) report({ kind: 'unavailable' });
    return db;
  });

  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const change = receivedChange(event.data);
      if (change) feed.emit({ ...change, source: 'other-tab' });
    };
  }
  /** Announces a committed batch: here, and to the other tabs. */
  const announce = (written: readonly RecordWrite[]) => {
    for (const change of changesOf(written)) {
      feed.emit({ ...change, source: 'this-tab' });
      channel?.postMessage(change);
    }
  };

  /** Keep an unreadable record: one backup per distinct value, never overwritten. */
  const backup = async (store: string, id: string, raw: unknown): Promise<string | null> => {
    let text: string;
    try {
      text = JSON.stringify(raw) ?? String(raw);
    } catch {
      text = String(raw);
    }
    const key = `${store}/${id}:${hash(text)}`;
    const db = await opening;
    if (!db) {
      memory.get('backups')?.set(key, raw);
      return recordKey('backups', key);
    }
    try {
      const tx = db.transaction('backups', 'readwrite');
      if ((await tx.store.getKey(key)) === undefined) await tx.store.put(raw, key);
      await tx.done;
      return recordKey('backups', key);
    } catch {
      return null;
    }
  };

  /** Envelope → current-version data, validated; undefined (after backup and report) when unusable. */
  const decode = async <T>(spec: RecordSpec<T>, id: string, raw: unknown): Promise<T | undefined> => {
    const key = recordKey(spec.store, id);
    const opened = openEnvelope(raw, spec.version, spec.migrations);
    if (!opened.ok) {
      const backupKey = await backup(spec.store, id, raw);
      report(opened.problem === 'future-version' ? { kind: 'future-version', key, backupKey, version: opened.version } : { kind: 'corrupt', key, backupKey });
      return undefined;
    }
    const { data } = opened;
    const result = v.safeParse(spec.schema, data);
    if (result.success) return result.output;
    report({ kind: 'corrupt', key, backupKey: await backup(spec.store, id, raw) });
    return undefined;
  };

  const store: IdbStore = {
    async get(spec, id) {
      const db = await opening;
      let raw: unknown;
      try {
        raw = db ? await db.get(spec.store, id) : memory.get(spec.store)?.get(id);
      } catch {
        report({ kind: 'unavailable' });
        return undefined;
      }
      return raw === undefined ? undefined : decode(spec, id, raw);
    },

    async getAll(spec) {
      const db = await opening;
      let keys: string[];
      let values: unknown[];
      try {
        if (db) {
          const tx = db.transaction(spec.store);
          [keys, values] = await Promise.all([tx.store.getAllKeys() as Promise<string[]>, tx.store.getAll()]);
        } else {
          const map = memory.get(spec.store) ?? new Map<string, unknown>();
          keys = [...map.keys()];
          values = [...map.values()];
        }
      } catch {
        report({ kind: 'unavailable' });
        return [];
      }
      const out: Array<{ id: string; value: never }> = [];
      for (let i = 0; i < keys.length; i += 1) {
        const id = String(keys[i]);
        const value = await decode(spec, id, values[i]);
        if (value !== undefined) out.push({ id, value: value as never });
      }
      return out;
    },

    async ids(name) {
      const db = await opening;
      try {
        return db ? ((await db.getAllKeys(name)) as unknown[]).map(String) : [...(memory.get(name)?.keys() ?? [])];
      } catch {
        report({ kind: 'unavailable' });
        return [];
      }
    },

    async write(changes) {
      if (changes.length === 0) return { ok: true };
      const stores = [...new Set(changes.map((c) => c.spec.store))];
      const db = await opening;
      if (!db) {
        for (const c of changes) {
          const map = memory.get(c.spec.store);
          if (c.value === null) map?.delete(c.id);
          else map?.set(c.id, { v: c.spec.version, data: c.value });
        }
        // The session's memory holds the change: whoever shows it must read again.
        announce(changes);
        return { ok: false, reason: 'unavailable' };
      }
      let tx: IDBPTransaction<unknown, string[], 'readwrite'> | undefined;
      try {
        tx = db.transaction(stores, 'readwrite');
        const active = tx;
        const requests = changes.map((c) => {
          const os = active.objectStore(c.spec.store);
          return c.value === null ? os.delete(c.id) : os.put({ v: c.spec.version, data: c.value }, c.id);
        });
        await Promise.all([...requests, tx.done]);
      } catch (error) {
        // All or nothing: a change that failed takes the others of the batch with it.
        try {
          tx?.abort();
        } catch {
          // already finished or aborted
        }
        if (isQuotaError(error)) {
          report({ kind: 'quota', key: recordKey(stores.join('+'), changes[0]?.id ?? '') });
          return { ok: false, reason: 'quota' };
        }
        report({ kind: 'unavailable' });
        return { ok: false, reason: 'unavailable' };
      }
      announce(changes);
      return { ok: true };
    },

    put: (spec, id, value) => store.write([{ spec: spec as RecordSpec<unknown>, id, value }]),
    delete: (spec, id) => store.write([{ spec, id, value: null }]),

    async backups() {
      const db = await opening;
      if (!db) return [...(memory.get('backups') ?? new Map<string, unknown>())].map(([key, value]) => ({ key, value }));
      const tx = db.transaction('backups');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      return keys.map((key, i) => ({ key: String(key), value: values[i] }));
    },

    subscribe: feed.subscribe,
    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    problems: () => seenProblems,
    ready: () => opening.then((db) => db !== null),
    close() {
      channel?.close();
      void opening.then((db) => db?.close());
    },
  };
  return store;
}

/** The browser's estimate of what this origin stores and may store, when it tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const estimate = await globalThis.navigator?.storage?.estimate?.();
    return estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null;
  } catch {
    return null;
  }
}

let appIdbStore: IdbStore | undefined;
/** The app's IndexedDB store (opened on first use). */
export function getIdbStore(): IdbStore {
  appIdbStore ??= createIdbStore();
  return appIdbStore;
}
