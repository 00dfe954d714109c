import type { ReactNode } from 'react';
import type { Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import type { DecorationsByBlock } from '../../core/decorations/merge';
import type { ReaderHandle } from '../../shared/reader-handle';
import { AnnotationTools } from './AnnotationTools';
import { EarlierVersionOffer } from './EarlierVersionOffer';
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
  return {
    decorations,
    action: article ? <NotesButton articleId={article.id} open={panel.open} onToggle={panel.toggle} /> : null,
    panel: article ? <NotesPanel article={article} onClose={panel.close} cardActions={cardActions} /> : null,
    overlay: article ? <AnnotationTools article={article} extraActions={extraActions} /> : null,
    notice: article ? <EarlierVersionOffer article={article} /> : null,
  };
}
