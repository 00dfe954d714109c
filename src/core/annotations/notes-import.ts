import type { Store, WriteFailure } from '../storage/storage';
import { listAllAnnotationsPaced, saveAnnotationsPaced } from './annotation-store';
import { mergeNotesInSlices, type ImportOptions, type ImportReport } from './export';
import { readNotesFile } from './notes-file-client';

export type NotesImportOutcome =
  | { readonly ok: false; readonly reason: 'not-json' }
  | {
      readonly ok: true;
      /** What was read from the file: added, updated, unchanged, rejected. */
      readonly report: ImportReport;
      /** How many of the added and updated notes the store holds now, of `total`. */
      readonly stored: number;
      readonly total: number;
      /** Why the rest were not saved (saving stops at the first refusal). */
      readonly failure?: WriteFailure;
    };

/** Where a notes import is (for scripts/bench-notes.ts, which splits the long tasks by step). */
const mark = (step: string) => globalThis.performance?.mark?.(`hashiya:notes-import:${step}`);

/**
 * Import a notes file into the store, the way the notes panel and the notebook do: read and checked
 * in a worker, merged by id with what is stored in slices, saved one write per article, with
 * `pause` giving the main thread back between steps. The outcome never claims more than was stored.
 */
export async function importNotesFile(store: Store, file: Blob, options: ImportOptions, pause: () => Promise<void>): Promise<NotesImportOutcome> {
  const read = await readNotesFile(file, options);
  if (!read.ok) return read;
  mark('read');
  const existing = await listAllAnnotationsPaced(store, pause);
  const { report, changed } = await mergeNotesInSlices(read.notes, existing, pause);
  mark('merged');
  const saved = await saveAnnotationsPaced(store, changed, pause);
  mark('saved');
  return { ok: true, report, stored: saved.stored, total: changed.length, ...(saved.failure ? { failure: saved.failure } : {}) };
}
