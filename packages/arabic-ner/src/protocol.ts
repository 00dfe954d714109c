// Typed messages between a tagger client and its worker.
import type { NameSpan, TagOptions } from './document.ts';

export interface TagRequest { id: number; type: 'tag'; modelUrl: string; texts: string[]; options?: TagOptions }
export type TaggerErrorCode = 'worker-unavailable' | 'model-fetch' | 'model-format' | 'internal';
export type TagResponse =
  /** elapsedMs: from the worker receiving the request to its answer (model load included). */
  | { id: number; type: 'result'; spans: NameSpan[]; elapsedMs?: number }
  | { id: number; type: 'error'; code: TaggerErrorCode; message: string };

export class TaggerError extends Error {
  override name = 'TaggerError';
  constructor(readonly code: TaggerErrorCode, message: string) {
    super(message);
  }
}
