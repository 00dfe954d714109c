import type { AnchoredAnnotation } from '../../core/annotations/anchor-all';
import type { Article } from '../../core/article/article';
import { offsetsToRanges } from '../../shared/dom-selection';

export interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The rendered article of `article` (its element carries data-article-id). */
export const renderedArticle = (articleId: string): HTMLElement | null => document.querySelector<HTMLElement>(`article[data-article-id="${CSS.escape(articleId)}"]`);

/**
 * Where each highlight's text is painted, from its text range (Range.getClientRects), never from
 * the elements that paint it: line boxes relative to `origin`'s top-left corner. Highlights whose
 * blocks are not rendered yet are left out.
 */
export function highlightRects(article: Pick<Article, 'id' | 'blocks'>, anchored: readonly Pick<AnchoredAnnotation, 'start' | 'end' | 'annotation'>[], origin: Element): Map<string, Rect[]> {
  const out = new Map<string, Rect[]>();
  const root = renderedArticle(article.id);
  if (!root || anchored.length === 0) return out;
  const base = origin.getBoundingClientRect();
  const ranges = offsetsToRanges(root, article, anchored);
  anchored.forEach((a, i) => {
    const range = ranges[i];
    if (!range || typeof range.getClientRects !== 'function') return;
    const rects = lines(
      [...range.getClientRects()]
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ top: r.top - base.top, bottom: r.bottom - base.top, left: r.left - base.left, right: r.right - base.left })),
    );
    if (rects.length > 0) out.set(a.annotation.id, rects);
  });
  return out;
}

/** One box per line: the pieces a line is painted in (text nodes, marks, isolates) joined. */
function lines(rects: readonly Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const line = out.find((l) => Math.abs(l.top - r.top) < 4 || (r.top < l.bottom - 4 && r.bottom > l.top + 4));
    if (!line) out.push(r);
    else out[out.indexOf(line)] = { top: Math.min(line.top, r.top), bottom: Math.max(line.bottom, r.bottom), left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) };
  }
  return out.sort((a, b) => a.top - b.top);
}
