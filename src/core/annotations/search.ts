import { foldText, matchesQuery, queryTerms, searchForm, type FoldedText } from '../text/fold';
import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from './annotation';

/**
 * Searching notes: every word of the query must be in the quote, the note or a tag, compared with
 * the app's one folding (core/text/fold.ts): diacritics, alef and hamza forms, ى/ي, ة/ه, digits,
 * case, and clitics (a word is also found by its stem).
 */

export interface AnnotationFilter {
  /** Every word must appear in the quote, the note or a tag. */
  readonly query?: string;
  /** Any of these colours (all when empty). */
  readonly colors?: readonly AnnotationColor[];
  /** All of these tags (compared folded). */
  readonly tags?: readonly string[];
}

// Folded text per annotation, kept while the annotation object lives (annotations are never
// mutated: an edit makes a new object): each keystroke in a search over 10,000 notes would
// otherwise fold them all again.
const haystacks = new WeakMap<Annotation, FoldedText>();
function haystackOf(a: Annotation): FoldedText {
  let haystack = haystacks.get(a);
  if (haystack === undefined) {
    haystack = foldText([a.target.selectors[0].exact, a.note, ...a.tags].join('\n'));
    haystacks.set(a, haystack);
  }
  return haystack;
}

export function filterAnnotations<T extends Annotation>(list: readonly T[], filter: AnnotationFilter): T[] {
  const terms = queryTerms(filter.query ?? '');
  const colors = filter.colors && filter.colors.length > 0 ? new Set(filter.colors) : null;
  const tags = (filter.tags ?? []).map(searchForm).filter((t) => t.length > 0);
  return list.filter((a) => {
    if (colors && !colors.has(a.color)) return false;
    if (tags.length > 0) {
      const own = new Set(a.tags.map(searchForm));
      if (!tags.every((t) => own.has(t))) return false;
    }
    if (terms.length === 0) return true;
    return matchesQuery(haystackOf(a), terms);
  });
}

/**
 * Reading order: by position in the article (TextPositionSelector start, then end, then creation).
 * Annotations of different articles keep the order in which their articles first appear.
 */
export function sortByReadingOrder<T extends Annotation>(list: readonly T[]): T[] {
  const articleRank = new Map<string, number>();
  for (const a of list) if (!articleRank.has(a.articleId)) articleRank.set(a.articleId, articleRank.size);
  return [...list].sort((a, b) => {
    const byArticle = (articleRank.get(a.articleId) ?? 0) - (articleRank.get(b.articleId) ?? 0);
    if (byArticle !== 0) return byArticle;
    const [, pa] = a.target.selectors;
    const [, pb] = b.target.selectors;
    return pa.start - pb.start || pa.end - pb.end || a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
  });
}

/** What the filters can offer for a list: its tags (sorted) and the colours it uses (palette order). */
export function filterOptions(list: readonly Annotation[]): { tags: string[]; colors: AnnotationColor[] } {
  const tags = [...new Set(list.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b));
  const colors = ANNOTATION_COLORS.filter((c) => list.some((a) => a.color === c));
  return { tags, colors };
}
