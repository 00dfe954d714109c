import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Article } from '../../core/article/article';
import { offsetsToRange, selectionToOffsets, type ArticleRange } from '../../shared/dom-selection';

/**
 * Decorations arriving (entity marks when the tagger answers, a highlight made in another tab)
 * re-render a block's text nodes, which would drop a selection the reader is making. The selection
 * is remembered as article offsets and put back after such a re-render.
 */
export function useKeepSelection(container: RefObject<HTMLElement | null>, article: Pick<Article, 'blocks'>, decorations: unknown): void {
  const kept = useRef<ArticleRange | null>(null);

  useEffect(() => {
    const remember = () => {
      const root = container.current;
      const selection = document.getSelection();
      kept.current = root && selection && !selection.isCollapsed ? selectionToOffsets(root, article, selection) : null;
    };
    document.addEventListener('selectionchange', remember);
    // A selection made before the listener was added (right after the first paint) is kept too.
    remember();
    return () => document.removeEventListener('selectionchange', remember);
  }, [container, article]);

  // Runs right after the re-render, before the browser reports the lost selection.
  useLayoutEffect(() => {
    const root = container.current;
    const target = kept.current;
    const selection = document.getSelection();
    if (!root || !target || !selection) return;
    // Cleared on purpose (after highlighting, say): forget it. A re-render only collapses it.
    if (selection.rangeCount === 0) {
      kept.current = null;
      return;
    }
    const current = selection.isCollapsed ? null : selectionToOffsets(root, article, selection);
    if (current && current.start === target.start && current.end === target.end) return;
    const range = offsetsToRange(root, article, target);
    if (!range) return;
    selection.removeAllRanges();
    selection.addRange(range);
  }, [container, article, decorations]);
}
