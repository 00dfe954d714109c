import { useEffect, useRef } from 'react';
import type { DecorationsByBlock } from '../../core/decorations/merge';
import { goToHighlight } from './NotesPanel';
import type { NotesUi } from './notes-ui-state';

/**
 * Opened at one of the reader's notes (a notebook link): once its highlight is painted (highlights
 * are placed progressively), make it the current one, scroll to it and flash it, once per note asked for.
 */
export function useArriveAtNote(noteId: string | undefined, decorations: DecorationsByBlock, ui: NotesUi): void {
  const arrived = useRef<string | null>(null);
  useEffect(() => {
    if (!noteId || arrived.current === noteId) return;
    const painted = [...decorations.values()].some((marks) => marks.some((mark) => mark.kind === 'highlight' && mark.id === noteId));
    if (!painted) return;
    // After the render that paints it.
    const frame = requestAnimationFrame(() => {
      arrived.current = noteId;
      // The current note: expanded in the margin.
      ui.current.set(noteId);
      goToHighlight(noteId);
    });
    return () => cancelAnimationFrame(frame);
  }, [noteId, decorations, ui]);
}
