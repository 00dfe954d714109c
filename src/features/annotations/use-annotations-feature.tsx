import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import { mergeDecorations, rangeDecorations, type DecorationsByBlock } from '../../core/decorations/merge';
import { wholeWords } from '../../core/decorations/words';
import type { MarginMode } from '../../shared/margin-mode';
import type { ReaderHandle } from '../../shared/reader-handle';
import { useValueStore } from '../../shared/value-store';
import { AnnotationTools } from './AnnotationTools';
import { EarlierVersionOffer } from './EarlierVersionOffer';
import { HighlightsHere } from './HighlightsHere';
import { MarginNotes } from './MarginNotes';
import { NotesButton } from './NotesButton';
import { createNotesUi } from './notes-ui-state';
import { NotesPanel } from './NotesPanel';
import type { SelectionRange } from './SelectionToolbar';
import { useHighlightDecorations } from './use-anchored-annotations';
import { useArriveAtNote } from './use-arrive-at-note';

export interface AnnotationsFeature {
  /** Highlight decorations per block (and the passage of a note being written). */
  decorations: DecorationsByBlock;
  /** The top-bar button that opens the notes panel. */
  action: ReactNode;
  /** The notes panel's content. */
  panel: ReactNode;
  /** The selection toolbar and the keys. */
  overlay: ReactNode;
  /** Above the article: the offer to bring an earlier version's notes over. */
  notice: ReactNode;
  /** Beside the text: the notes (or their markers) and the note being written. */
  margin: ((mode: MarginMode) => ReactNode) | undefined;
  /**
   * The reader's own highlights over a span of a block (a name's mention), as buttons that open
   * their notes: what a click on that name did not open. Null when there are none.
   */
  highlightsAt: (span: { readonly blockId: string; readonly start: number; readonly end: number }) => ReactNode;
}

/** The passage a new note is being written on stays marked while the form is open (its selection is gone). */
const PENDING_NOTE = 'pending-note';

export function useAnnotationsFeature(
  articleId: string,
  article: Article | undefined,
  /** The reader's handle: what is on screen, its scheduler, highlights activated. */
  reader: ReaderHandle,
  panel: { open: boolean; toggle: () => void; close: () => void },
  /** Other features' selection-toolbar buttons (share, mark as entity). */
  extraActions?: (range: SelectionRange) => ReactNode,
  /** Other features' buttons on each highlight (share). */
  cardActions?: (annotation: Annotation) => ReactNode,
  /** A note the route opens the article at (from the notebook). */
  openNoteId?: string,
): AnnotationsFeature {
  const [ui] = useState(createNotesUi);
  // Another article: nothing current, nothing being written.
  useEffect(() => {
    ui.current.set(null);
    ui.editing.set(null);
    ui.sheet.set(null);
  }, [ui, articleId]);
  const highlights = useHighlightDecorations(reader, articleId, article);
  const editing = useValueStore(ui.editing);
  const pending = useMemo(
    () => (article && editing?.kind === 'new' ? rangeDecorations(article, editing.range.start, editing.range.end, PENDING_NOTE, 'focus') : undefined),
    [article, editing],
  );
  const decorations = useMemo(() => mergeDecorations(highlights, pending), [highlights, pending]);
  useArriveAtNote(openNoteId, highlights, ui);
  const highlightsAt = useCallback<AnnotationsFeature['highlightsAt']>(
    ({ blockId, start, end }) => {
      const text = article?.blocks.find((b) => b.id === blockId)?.text ?? '';
      // Compared as whole words, as the marks' elements are (what the click landed on).
      const span = wholeWords(text, { start, end });
      const here = (highlights.get(blockId) ?? []).filter((mark) => {
        const words = wholeWords(text, mark);
        return mark.kind === 'highlight' && !mark.owner && words.start < span.end && words.end > span.start;
      });
      return here.length > 0 ? <HighlightsHere highlights={here} /> : null;
    },
    [article, highlights],
  );
  return {
    decorations,
    highlightsAt,
    action: article ? <NotesButton articleId={article.id} open={panel.open} onToggle={panel.toggle} /> : null,
    panel: article ? <NotesPanel article={article} onClose={panel.close} cardActions={cardActions} /> : null,
    overlay: article ? <AnnotationTools article={article} ui={ui} extraActions={extraActions} /> : null,
    notice: article ? <EarlierVersionOffer article={article} /> : null,
    margin: article ? (mode) => <MarginNotes article={article} mode={mode} ui={ui} cardActions={cardActions} /> : undefined,
  };
}
