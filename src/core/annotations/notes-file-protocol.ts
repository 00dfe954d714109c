import type { Annotation } from './annotation';
import type { ConvertedNotes, ImportOptions } from './export';

/** What the page sends the notes-file worker: the file itself (read there) and what to match it to. */
export interface NotesFileRequest {
  readonly file: Blob;
  readonly options: ImportOptions;
}

/**
 * What the worker answers: the checked notes in parts (each message is its own short task on the
 * page when it arrives, where one message of 50,000 notes would be one long one), then the rest.
 */
export type NotesFileResponse =
  | { readonly type: 'annotations'; readonly annotations: readonly Annotation[] }
  | { readonly type: 'done' } & Pick<ConvertedNotes, 'rejected' | 'unmatchedSources' | 'fitReading'>
  | { readonly type: 'not-json' }
  | { readonly type: 'error'; readonly message: string };

/** Checked notes per message. */
export const NOTES_PER_MESSAGE = 500;
