// Promise-based client for a tagger worker (a module worker whose file is
// `serveTagRequests(self)`). The model loads lazily in the worker on the first request; if the
// worker cannot run (unsupported, script error, crash, silence), the same pure engine runs on the
// main thread, and if that fails too the promise rejects with a TaggerError. It never hangs.
import type { NameSpan, TagOptions } from './document.ts';
import type { FetchBytes } from './engine.ts';
import { TaggerError, type TagRequest, type TagResponse } from './protocol.ts';

export interface WorkerLike {
  postMessage(message: TagRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<TagResponse>) => void) | null;
  onerror: ((event: ErrorEvent | Event) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface TaggerClientOptions {
  /** Where the model file is served (with a bundler: the asset URL of `arabic-ner/model.bin`). */
  modelUrl: string;
  /** Creates the worker (e.g. `new Worker(new URL('./tagger.worker.ts', import.meta.url), { type: 'module' })`).
   *  Return null or throw when unavailable; without it, tagging runs on the main thread. */
  createWorker?: () => WorkerLike | null;
  /** Used by the main-thread fallback. */
  fetchBytes?: FetchBytes;
  /** A worker silent for this long is abandoned for the fallback. */
  timeoutMs?: number;
  /** With a name, each request leaves a performance measure `NAME` (request to answer) and
   *  `NAME-worker` (the worker's own time, model load included), for benchmarks. */
  measure?: string;
}

export interface TaggerClient {
  tag(texts: readonly string[], options?: TagOptions): Promise<NameSpan[]>;
  dispose(): void;
}

export function createTaggerClient(opts: TaggerClientOptions): TaggerClient {
  // Absolute, so the worker (whose base URL is its own script) fetches the same file.
  const rawUrl = opts.modelUrl;
  const url = typeof location !== 'undefined' ? new URL(rawUrl, location.href).href : rawUrl;
  const timeoutMs = opts.timeoutMs ?? 20_000;
  // The main-thread engine is only loaded when the worker cannot be used: it stays out of the app's code.
  let fallback: Promise<ReturnType<typeof import('./engine.ts').createEngine>> | undefined;
  const mainThreadEngine = () => (fallback ??= import('./engine.ts').then((m) => m.createEngine(opts.fetchBytes)));
  let worker: WorkerLike | null | undefined; // undefined: not created yet; null: unusable
  let nextId = 1;
  let disposed = false;
  const pending = new Map<number, { resolve: (r: NameSpan[]) => void; fail: (e: TaggerError) => void; timer: ReturnType<typeof setTimeout> }>();

  const breakWorker = (reason: string): void => {
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) { clearTimeout(p.timer); pending.delete(id); p.fail(new TaggerError('worker-unavailable', reason)); }
  };

  const getWorker = (): WorkerLike | null => {
    if (worker !== undefined) return worker;
    try {
      worker = opts.createWorker?.() ?? null;
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = (event) => {
        const msg = event.data;
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.type === 'result') {
          // The worker's own time for the request (model load included), for benchmarks.
          if (opts.measure && msg.elapsedMs !== undefined && typeof performance?.measure === 'function') {
            performance.measure(`${opts.measure}-worker`, { start: performance.now() - msg.elapsedMs, duration: msg.elapsedMs });
          }
          p.resolve(msg.spans);
        }
        else p.fail(new TaggerError(msg.code, msg.message));
      };
      worker.onerror = () => breakWorker('The tagger worker failed');
      worker.onmessageerror = () => breakWorker('The tagger worker sent an unreadable message');
    }
    return worker;
  };

  const onMainThread = (texts: string[], options?: TagOptions): Promise<NameSpan[]> =>
    mainThreadEngine().then((engine) => engine.tag(url, texts, options)).catch((e: unknown) => {
      throw e instanceof TaggerError ? e : new TaggerError('internal', e instanceof Error ? e.message : String(e));
    });

  const tagOnce = (texts: readonly string[], options?: TagOptions): Promise<NameSpan[]> => {
    if (disposed) return Promise.reject(new TaggerError('worker-unavailable', 'The tagger was disposed'));
    const list = [...texts];
    const w = getWorker();
    if (!w) return onMainThread(list, options);
    return new Promise<NameSpan[]>((resolve, reject) => {
      const id = nextId++;
      const fail = (e: TaggerError): void => {
        // Model-format errors would fail the same way here; anything else gets a main-thread retry.
        if (e.code === 'model-format' || disposed) reject(e);
        else onMainThread(list, options).then(resolve, reject);
      };
      const timer = setTimeout(() => { if (pending.delete(id)) { breakWorker('The tagger worker did not answer'); fail(new TaggerError('worker-unavailable', 'timeout')); } }, timeoutMs);
      pending.set(id, { resolve, fail, timer });
      try {
        w.postMessage({ id, type: 'tag', modelUrl: url, texts: list, ...(options ? { options } : {}) });
      } catch {
        breakWorker('Could not post to the tagger worker');
      }
    });
  };

  return {
    tag(texts, options) {
      // A performance entry per request: how long tagging took, model load included, from the
      // request to the answer.
      const started = typeof performance !== 'undefined' ? performance.now() : 0;
      return tagOnce(texts, options).then((spans) => {
        if (opts.measure && typeof performance !== 'undefined' && typeof performance.measure === 'function') performance.measure(opts.measure, { start: started });
        return spans;
      });
    },
    dispose() {
      disposed = true;
      for (const [, p] of pending) { clearTimeout(p.timer); p.fail(new TaggerError('worker-unavailable', 'The tagger was disposed')); }
      pending.clear();
      worker?.terminate();
      worker = null;
    },
  };
}
