import type { ParseStage } from './html/html-article';
import type { ImportResult } from './import-file';

/** One thing to import, as the page hands it to the import worker (a file is read there, not here). */
export type ImportRequest =
  | { readonly kind: 'file'; readonly file: Blob; readonly name: string; readonly type: string }
  | { readonly kind: 'text'; readonly text: string; readonly url?: string }
  | { readonly kind: 'html'; readonly html: string; readonly url?: string };

export type ImportStage = 'reading' | ParseStage;

/** What the worker answers: where it is, then the result (plain data: no markup ever crosses). */
export type ImportResponse = { readonly type: 'stage'; readonly stage: ImportStage } | { readonly type: 'done'; readonly result: ImportResult };
