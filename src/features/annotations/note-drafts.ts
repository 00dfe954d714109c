import type { NoteValues } from './NoteForm';
import { createValueStore, useValueStore, type ValueStore } from '../../shared/value-store';

/**
 * Notes being written and not saved yet, by what they are about: Escape closes the editor and keeps
 * the text here, so opening the same note (or the same passage's new note) again brings it back.
 * Saving or Cancel forgets it. Kept for the session (in memory), never written to storage.
 */
const drafts: ValueStore<ReadonlyMap<string, NoteValues>> = createValueStore<ReadonlyMap<string, NoteValues>>(new Map());

/** The key of a note being edited, or of a new note on a passage (article offsets). */
export const draftKey = (what: { annotationId: string } | { articleId: string; start: number; end: number }): string =>
  'annotationId' in what ? `note:${what.annotationId}` : `new:${what.articleId}:${what.start}:${what.end}`;

export function getDraft(key: string): NoteValues | undefined {
  return drafts.get().get(key);
}

export function keepDraft(key: string, values: NoteValues): void {
  const next = new Map(drafts.get());
  next.set(key, values);
  drafts.set(next);
}

export function forgetDraft(key: string): void {
  if (!drafts.get().has(key)) return;
  const next = new Map(drafts.get());
  next.delete(key);
  drafts.set(next);
}

/** Whether a note has a draft waiting (shown on its card). */
export function useHasDraft(key: string): boolean {
  return useValueStore(drafts).has(key);
}
