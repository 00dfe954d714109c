// Reads a notes file in the notes-file worker; where a worker cannot run (no Worker, a failed
// start), the same checks run on the main thread.
import type { Annotation } from './annotation';
import { convertNotesFile, type ConvertedNotes, type ImportOptions } from './export';
import type { NotesFileRequest, NotesFileResponse } from './notes-file-protocol';

export type NotesFile = { readonly ok: true; readonly notes: ConvertedNotes } | { readonly ok: false; readonly reason: 'not-json' };

async function onMainThread(file: Blob, options: ImportOptions): Promise<NotesFile> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  return { ok: true, notes: convertNotesFile(json, options) };
}

function inWorker(file: Blob, options: ImportOptions): Promise<NotesFile> | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./notes-file.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  return new Promise<NotesFile>((resolve) => {
    const annotations: Annotation[] = [];
    const finish = (result: NotesFile | null) => {
      worker.terminate();
      resolve(result ?? onMainThread(file, options));
    };
    worker.onmessage = (event: MessageEvent<NotesFileResponse>) => {
      const message = event.data;
      if (message.type === 'annotations') for (const annotation of message.annotations) annotations.push(annotation);
      else if (message.type === 'done') finish({ ok: true, notes: { annotations, rejected: message.rejected, unmatchedSources: message.unmatchedSources, fitReading: message.fitReading } });
      else if (message.type === 'not-json') finish({ ok: false, reason: 'not-json' });
      else finish(null);
    };
    // A worker that cannot start or load: the same work on the main thread.
    worker.onerror = () => finish(null);
    worker.onmessageerror = () => finish(null);
    worker.postMessage({ file, options } satisfies NotesFileRequest);
  });
}

/** Read, parse and check a notes file (ours, Recogito's or Hypothesis's) off the main thread. */
export function readNotesFile(file: Blob, options: ImportOptions = {}): Promise<NotesFile> {
  return (typeof Worker === 'undefined' ? null : inWorker(file, options)) ?? onMainThread(file, options);
}
