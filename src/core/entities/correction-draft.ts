// What the reader's correction of a mention (or of a span they marked) says, before it is given an
// id and a date and saved. Pure TypeScript; see corrections.ts for storing and applying them.
import type { Correction, CorrectionKind } from './corrections';
import type { EntityType } from './entity-types';

/** A correction still to be saved: the caller fills in its id and creation date. */
export type CorrectionDraft = Omit<Correction, 'id' | 'created'>;

/** The corrected text: a mention, or a span the reader selected, in block offsets. */
export interface CorrectedSpan {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The correction of `span`: `type` for 'add' and 'retype'; `everywhere` applies it in every article. */
export function correctionDraft(kind: CorrectionKind, span: CorrectedSpan, everywhere: boolean, type?: EntityType): CorrectionDraft {
  return {
    kind,
    blockId: span.blockId,
    start: span.start,
    end: span.end,
    text: span.text,
    ...(type ? { type } : {}),
    scope: everywhere ? 'everywhere' : 'article',
  };
}

/** The reader's correction that produced or changed a mention, if it is still among `corrections`. */
export function correctionOf(mention: { readonly correctionId?: string }, corrections: readonly Correction[]): Correction | undefined {
  return mention.correctionId ? corrections.find((c) => c.id === mention.correctionId) : undefined;
}

/** Changing the type of a span the reader added keeps it an addition; any other mention is retyped. */
export function retypeKind(correction: Correction | undefined): CorrectionKind {
  return correction?.kind === 'add' ? 'add' : 'retype';
}

/** The mention `delta` steps from `index` among `total`, wrapping around at either end. */
export function stepMentionIndex(index: number, delta: number, total: number): number {
  return (index + delta + total) % total;
}
