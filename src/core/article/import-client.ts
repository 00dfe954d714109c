// Runs an import in the import worker, with its stages reported and a way to cancel; where a worker
// cannot run (no Worker, a failed start) the same code runs here. Sizes are checked in bytes before
// anything is read or sent: a File by its size, a string by its UTF-8 length.
import { MAX_IMPORT_BYTES } from '../limits';
import type { ImportResult } from './import-file';
import type { ImportRequest, ImportResponse, ImportStage } from './import-protocol';

export interface RunningImport {
  readonly result: Promise<ImportResult | 'cancelled'>;
  cancel(): void;
}


/** Whether the input is over the byte limit, decided without reading a file or copying a string. */
export function overByteLimit(request: ImportRequest): boolean {
  if (request.kind === 'file') return request.file.size > MAX_IMPORT_BYTES;
  const text = request.kind === 'text' ? request.text : request.html;
  return text.length > MAX_IMPORT_BYTES || (text.length * 3 > MAX_IMPORT_BYTES && new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES);
}

/** The same import on this thread (tests, or a browser where the worker cannot start): loaded only then. */
async function onMainThread(request: ImportRequest, onStage: (stage: ImportStage) => void): Promise<ImportResult> {
  const { runImport } = await import('./import-run');
  return runImport(request, onStage);
}

function inWorker(request: ImportRequest, onStage: (stage: ImportStage) => void): RunningImport | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let settle: (value: ImportResult | 'cancelled') => void = () => undefined;
  const result = new Promise<ImportResult | 'cancelled'>((resolve) => {
    settle = resolve;
  });
  let finished = false;
  const finish = (value: ImportResult | 'cancelled' | null) => {
    if (finished) return;
    finished = true;
    worker.terminate();
    if (value === null) void onMainThread(request, onStage).then(settle);
    else settle(value);
  };
  worker.onmessage = (event: MessageEvent<ImportResponse>) => {
    if (event.data.type === 'stage') onStage(event.data.stage);
    else finish(event.data.result);
  };
  // A worker that cannot load: the same work here.
  worker.onerror = () => finish(null);
  worker.onmessageerror = () => finish(null);
  worker.postMessage(request);
  return { result, cancel: () => finish('cancelled') };
}

/** Start an import; over the byte limit it is refused at once, before anything is read. */
export function startImport(request: ImportRequest, onStage: (stage: ImportStage) => void = () => undefined): RunningImport {
  if (overByteLimit(request)) return { result: Promise.resolve({ ok: false, error: 'too-large' }), cancel: () => undefined };
  const running = typeof Worker === 'undefined' ? null : inWorker(request, onStage);
  if (running) return running;
  let cancelled = false;
  return {
    result: onMainThread(request, onStage).then((r) => (cancelled ? 'cancelled' : r)),
    cancel: () => {
      cancelled = true;
    },
  };
}
