// Model fetching + tagging shared by the worker and the main-thread fallback.
import { tagDocument, type NameSpan, type TagOptions } from './document.ts';
import { readModel, ModelFormatError, type NerModel } from './model.ts';
import { TaggerError, type TagRequest, type TagResponse } from './protocol.ts';

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

export const defaultFetchBytes: FetchBytes = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
};

export interface Engine { tag(url: string, texts: string[], options?: TagOptions): Promise<NameSpan[]> }

/** Loads each model URL once; a failed load is forgotten so a later request can retry. */
export function createEngine(fetchBytes: FetchBytes = defaultFetchBytes): Engine {
  const models = new Map<string, Promise<NerModel>>();
  const model = (url: string): Promise<NerModel> => {
    let p = models.get(url);
    if (!p) {
      p = fetchBytes(url).then(
        (bytes) => {
          try {
            return readModel(bytes);
          } catch (e) {
            throw new TaggerError('model-format', e instanceof ModelFormatError ? e.message : String(e));
          }
        },
        (e: unknown) => {
          throw new TaggerError('model-fetch', `Could not load the entity model: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
      p.catch(() => models.delete(url));
      models.set(url, p);
    }
    return p;
  };
  return {
    async tag(url, texts, options) {
      const m = await model(url);
      return tagDocument(m, texts, options);
    },
  };
}

/** What a worker's global scope offers (DedicatedWorkerGlobalScope, or a test double). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<TagRequest>) => void) | null;
  postMessage(message: TagResponse): void;
}

/**
 * A worker's whole job: answer each TagRequest with the spans (or a typed error). A worker file is
 * `serveTagRequests(self)`; the model loads on the first request and stays for the next ones.
 */
export function serveTagRequests(scope: WorkerScope, engine: Engine = createEngine()): void {
  scope.onmessage = (event) => {
    const req = event.data;
    if (req?.type !== 'tag') return;
    const received = performance.now();
    engine.tag(req.modelUrl, req.texts, req.options).then(
      (spans) => scope.postMessage({ id: req.id, type: 'result', spans, elapsedMs: performance.now() - received }),
      (e: unknown) => {
        const code = e instanceof TaggerError ? e.code : 'internal';
        scope.postMessage({ id: req.id, type: 'error', code, message: e instanceof Error ? e.message : String(e) });
      },
    );
  };
}
