/// <reference lib="webworker" />
// Worker entry: the search index lives here, off the main thread; it reads IndexedDB itself.
import { createIdbStore } from '../storage/idb-store';
import { createSearchEngine } from './search-engine';
import type { SearchRequest, SearchResponse } from './search-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The client names the worker `search:<database>` (tests and benchmarks use their own database).
const dbName = scope.name.startsWith('search:') ? scope.name.slice('search:'.length) : undefined;
const engine = createSearchEngine(createIdbStore(dbName ? { name: dbName } : {}));
// Indexing starts as soon as the worker does; later syncs are asked for by the client.
let synced = engine.sync();

async function answer(req: SearchRequest): Promise<SearchResponse> {
  switch (req.type) {
    case 'sync':
      synced = engine.sync();
      return { id: req.id, type: 'synced', ...(await synced) };
    case 'refresh':
      await engine.refresh(req.ids);
      return { id: req.id, type: 'done' };
    case 'add':
      engine.addArticles(req.articles);
      return { id: req.id, type: 'done' };
    case 'search': {
      await synced;
      const started = performance.now();
      const hits = engine.search(req.query, req.limit);
      return { id: req.id, type: 'hits', hits, ms: performance.now() - started };
    }
  }
}

scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  const req = event.data;
  answer(req).then(
    (res) => scope.postMessage(res),
    (e: unknown) => scope.postMessage({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies SearchResponse),
  );
};
