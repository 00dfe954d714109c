import { blockSpans, type Article } from '../article/article';
import type { MarkDecoration } from '../decorations/runs';
import { anchor, isOrphan, type AnchorMethod } from './anchoring';
import { selectorsOf, type Annotation } from './annotation';

/**
 * One article's annotations anchored against its current text: the reader's highlights (as
 * per-block decorations) and the orphans that could not be placed with confidence.
 */

export interface AnchoredAnnotation {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
}

export interface AnchoredSet {
  /** In reading order of where they are now. */
  readonly anchored: readonly AnchoredAnnotation[];
  readonly orphans: readonly Annotation[];
  readonly decorations: ReadonlyMap<string, readonly MarkDecoration[]>;
}

export function anchorAll(article: Pick<Article, 'blocks'>, annotations: readonly Annotation[]): AnchoredSet {
  const anchored: AnchoredAnnotation[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const result = anchor(article, selectorsOf(annotation));
    if (isOrphan(result)) orphans.push(annotation);
    else anchored.push({ annotation, start: result.start, end: result.end, method: result.method });
  }
  anchored.sort((a, b) => a.start - b.start || a.end - b.end || a.annotation.created.localeCompare(b.annotation.created));
  return { anchored, orphans, decorations: highlightDecorations(article, anchored) };
}

/** Cut each anchored range at block boundaries into per-block highlight decorations (block-relative offsets). */
export function highlightDecorations(article: Pick<Article, 'blocks'>, anchored: readonly AnchoredAnnotation[]): Map<string, MarkDecoration[]> {
  const spans = blockSpans(article);
  const out = new Map<string, MarkDecoration[]>();
  for (const { annotation, start, end } of anchored) {
    for (const span of spans) {
      if (span.end <= start) continue;
      if (span.start >= end) break;
      const from = Math.max(start, span.start) - span.start;
      const to = Math.min(end, span.end) - span.start;
      if (to <= from) continue;
      const list = out.get(span.block.id) ?? [];
      list.push({ kind: 'highlight', start: from, end: to, id: annotation.id, variant: annotation.color });
      out.set(span.block.id, list);
    }
  }
  return out;
}
