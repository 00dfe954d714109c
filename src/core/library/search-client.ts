// Promise-based client for the search worker. If a worker cannot run, the same engine runs on the
// main thread (over the same IndexedDB store), so search still works, only less smoothly.
import type { Article } from '../article/article';
import { LIBRARY_DB_NAME, type IdbStore } from '../storage/idb-store';
import { createSearchEngine, type SearchEngine } from './search-engine';
import type { SearchHit } from './search-index';
import type { SearchRequest, SearchResponse } from './search-protocol';

export interface SearchClient {
  /** Brings the index up to date with IndexedDB (new and deleted articles). */
  sync(): Promise<{ articles: number; ms: number }>;
  /** Re-reads these articles (after an edit, import or delete). */
  refresh(ids: readonly string[]): Promise<void>;
  /** Indexes articles that are not stored (the bundled ones). */
  addArticles(articles: readonly Article[]): Promise<void>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  dispose(): void;
}

type Payload<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface SearchClientOptions {
  /** The store the main-thread fallback reads; its database name is passed to the worker. */
  readonly db: IdbStore;
  readonly dbName?: string;
  /** Defaults to the module worker; return null when unavailable (tests). */
  readonly createWorker?: () => Worker | null;
}

function defaultWorker(dbName: string): Worker | null {
  if (typeof Worker === 'undefined') return null;
  // Written inline: Vite bundles the worker only for this exact pattern.
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: `search:${dbName}` });
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const dbName = options.dbName ?? LIBRARY_DB_NAME;
  let fallback: SearchEngine | null = null;
  const engine = () => (fallback ??= createSearchEngine(options.db));
  let worker: Worker | null = null;
  try {
    worker = (options.createWorker ?? (() => defaultWorker(dbName)))();
  } catch {
    worker = null;
  }
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }>();
  const breakWorker = () => {
    worker?.terminate();
    worker = null;
    for (const [, p] of pending) p.reject(new Error('search worker failed'));
    pending.clear();
  };
  if (worker) {
    worker.onmessage = (event: MessageEvent<SearchResponse>) => {
      const p = pending.get(event.data.id);
      if (!p) return;
      pending.delete(event.data.id);
      if (event.data.type === 'error') p.reject(new Error(event.data.message));
      else p.resolve(event.data);
    };
    worker.onerror = breakWorker;
  }

  /** Sends to the worker; without one (or if it fails), runs `local` on the main thread. */
  const call = <T>(request: Payload<SearchRequest>, fromWorker: (r: SearchResponse) => T, local: () => Promise<T> | T): Promise<T> => {
    const w = worker;
    if (!w) return Promise.resolve(local());
    return new Promise<SearchResponse>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      w.postMessage({ ...request, id });
    }).then(fromWorker, () => local());
  };

  return {
    sync: () => call({ type: 'sync' }, (r) => (r.type === 'synced' ? { articles: r.articles, ms: r.ms } : { articles: 0, ms: 0 }), () => engine().sync()),
    refresh: (ids) => call({ type: 'refresh', ids: [...ids] }, () => undefined, () => engine().refresh(ids)),
    addArticles: (articles) => call({ type: 'add', articles: [...articles] }, () => undefined, () => engine().addArticles(articles)),
    search: (query, limit = 30) =>
      call(
        { type: 'search', query, limit },
        (r) => {
          if (r.type !== 'hits') return [];
          // The worker's own time per query, for the benchmark.
          if (typeof performance?.measure === 'function') performance.measure('hashiya:search-worker', { start: performance.now() - r.ms, duration: r.ms });
          return r.hits;
        },
        async () => {
          await engine().sync();
          return engine().search(query, limit);
        },
      ),
    dispose() {
      breakWorker();
    },
  };
}
