import type { Annotation } from '../../core/annotations/annotation';
import type { SelectionRange } from '../../core/annotations/selection';
import type { MarginMode } from '../../shared/margin-mode';
import { createValueStore, type ValueStore } from '../../shared/value-store';

/**
 * A note being written: a new one on a passage (its id kept across retries), or an existing one as
 * it was when the form opened (so a change made meanwhile in another tab is noticed).
 */
export type Editing = { readonly kind: 'new'; readonly range: SelectionRange; readonly id: string } | { readonly kind: 'edit'; readonly annotation: Annotation };

/**
 * The reader's notes state shared by the margin, the keys, the selection toolbar and the editor,
 * kept in stores so that moving between notes re-renders the margin, never the article.
 */
export interface NotesUi {
  /** The current highlight: the one n/p reached, the one clicked or opened; its note is expanded. */
  readonly current: ValueStore<string | null>;
  /** The note being written, if any. */
  readonly editing: ValueStore<Editing | null>;
  /** The paragraph whose notes are open in a sheet (narrow screens). */
  readonly sheet: ValueStore<string | null>;
  /** How much room the margin has now (set by the margin). */
  readonly mode: ValueStore<MarginMode>;
}

export function createNotesUi(): NotesUi {
  return {
    current: createValueStore<string | null>(null),
    editing: createValueStore<Editing | null>(null),
    sheet: createValueStore<string | null>(null),
    mode: createValueStore<MarginMode>('markers'),
  };
}
