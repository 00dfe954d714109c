import { useCallback, type ReactNode } from 'react';
import type { Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import type { DecorationsByBlock } from '../../core/decorations/merge';
import { wholeWords } from '../../core/decorations/words';
import type { ReaderHandle } from '../../shared/reader-handle';
import { AnnotationTools } from './AnnotationTools';
import { EarlierVersionOffer } from './EarlierVersionOffer';
import { HighlightsHere } from './HighlightsHere';
import { NotesButton } from './NotesButton';
import { NotesPanel } from './NotesPanel';
import type { SelectionRange } from './SelectionToolbar';
import { useHighlightDecorations } from './use-anchored-annotations';

export interface AnnotationsFeature {
  /** Highlight decorations per block. */
  decorations: DecorationsByBlock;
  /** The top-bar button that opens the notes panel. */
  action: ReactNode;
  /** The notes panel's content. */
  panel: ReactNode;
  /** The selection toolbar and the note editor. */
  overlay: ReactNode;
  /** Above the article: the offer to bring an earlier version's notes over. */
  notice: ReactNode;
  /**
   * The reader's own highlights over a span of a block (a name's mention), as buttons that open
   * their notes: what a click on that name did not open. Null when there are none.
   */
  highlightsAt: (span: { readonly blockId: string; readonly start: number; readonly end: number }) => ReactNode;
}

export function useAnnotationsFeature(
  articleId: string,
  article: Article | undefined,
  /** The reader's handle: what is on screen, its scheduler, highlights activated. */
  reader: ReaderHandle,
  panel: { open: boolean; toggle: () => void; close: () => void },
  /** Other features' selection-toolbar buttons (share, mark as entity). */
  extraActions?: (range: SelectionRange) => ReactNode,
  /** Other features' buttons on each highlight in the notes panel (share). */
  cardActions?: (annotation: Annotation) => ReactNode,
): AnnotationsFeature {
  const decorations = useHighlightDecorations(reader, articleId, article);
  const highlightsAt = useCallback<AnnotationsFeature['highlightsAt']>(
    ({ blockId, start, end }) => {
      const text = article?.blocks.find((b) => b.id === blockId)?.text ?? '';
      // Compared as whole words, as the marks' elements are (what the click landed on).
      const span = wholeWords(text, { start, end });
      const here = (decorations.get(blockId) ?? []).filter((mark) => {
        const words = wholeWords(text, mark);
        return mark.kind === 'highlight' && !mark.owner && words.start < span.end && words.end > span.start;
      });
      return here.length > 0 ? <HighlightsHere highlights={here} /> : null;
    },
    [article, decorations],
  );
  return {
    decorations,
    highlightsAt,
    action: article ? <NotesButton articleId={article.id} open={panel.open} onToggle={panel.toggle} /> : null,
    panel: article ? <NotesPanel article={article} onClose={panel.close} cardActions={cardActions} /> : null,
    overlay: article ? <AnnotationTools article={article} extraActions={extraActions} /> : null,
    notice: article ? <EarlierVersionOffer article={article} /> : null,
  };
}
