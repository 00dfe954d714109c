import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { truncateText } from '../../core/article/summary';
import { anchorAll, type AnchoredSet } from '../../core/annotations/anchor-all';
import type { Annotation } from '../../core/annotations/annotation';
import type { MarkDecoration } from '../../core/decorations/runs';
import { useAnnotations } from './annotations-query';

// The reader's decorations and the notes panel anchor the same list: do it once per list and article.
const cache = new WeakMap<object, { article: object; set: AnchoredSet }>();

function anchored(article: Article, annotations: Parameters<typeof anchorAll>[1]): AnchoredSet {
  const hit = cache.get(annotations);
  if (hit && hit.article === article) return hit.set;
  const set = anchorAll(article, annotations);
  cache.set(annotations, { article, set });
  return set;
}

const EMPTY: ReadonlyMap<string, readonly MarkDecoration[]> = new Map();

/** The article's annotations placed in its current text (anchored in reading order, and orphans). */
export function useAnchoredAnnotations(article: Article): AnchoredSet {
  const annotations = useAnnotations(article.id);
  return useMemo(() => anchored(article, annotations), [article, annotations]);
}

/** Highlight decorations for the reader, each described for screen readers (colour, note); an empty map while the article is loading. */
const NO_ANNOTATIONS: Annotation[] = [];

export function useHighlightDecorations(articleId: string, article: Article | undefined): ReadonlyMap<string, readonly MarkDecoration[]> {
  const { t } = useTranslation('annotations');
  // Deferred: the article's text paints first, then highlights are anchored in a background
  // render, so opening a long article with many notes is not one long main-thread task.
  const annotations = useDeferredValue(useAnnotations(articleId), NO_ANNOTATIONS);
  return useMemo(() => {
    if (!article) return EMPTY;
    const notes = new Map(annotations.map((a) => [a.id, a]));
    // One description per highlight (a highlight across blocks has several pieces), one name per colour.
    const colors = new Map<string, string>();
    const labels = new Map<string, string>();
    const describe = (mark: MarkDecoration): string => {
      const known = labels.get(mark.id);
      if (known !== undefined) return known;
      const variant = mark.variant ?? 'yellow';
      let color = colors.get(variant);
      if (color === undefined) colors.set(variant, (color = t(`colors.${variant}`)));
      const note = notes.get(mark.id)?.note.trim();
      const label = note ? t('describe.withNote', { color, note: truncateText(note, 160) }) : t('describe.highlight', { color });
      labels.set(mark.id, label);
      return label;
    };
    const labelled = new Map<string, readonly MarkDecoration[]>();
    for (const [blockId, marks] of anchored(article, annotations).decorations) {
      labelled.set(
        blockId,
        marks.map((mark) => ({ ...mark, label: describe(mark) })),
      );
    }
    return labelled;
  }, [article, annotations, t]);
}
