import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from './annotation';

/**
 * Searching notes: readers type Arabic without diacritics and with whichever alef or hamza their
 * keyboard gives, so both sides are folded to one form before comparing.
 */

const FOLD: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ wasla → ا (أ إ آ lose their hamza/madda as combining marks below)
  '\u0649': '\u064a', // ى → ي
  '\u06cc': '\u064a', // Persian ye → ي
  '\u0629': '\u0647', // ة → ه
  '\u06a9': '\u0643', // Persian kaf → ك
  '\u0621': '', // standalone hamza ء
  '\u0640': '', // tatweel
};

/** Fold text for comparison: diacritics, tatweel, alef and hamza forms, ى/ي, ة/ه, digits, case. */
export function normalizeForSearch(text: string): string {
  return (
    text
      // NFKD splits أ إ آ ؤ ئ into a base letter plus a combining mark and undoes presentation forms.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u0671\u0649\u06cc\u0629\u06a9\u0621\u0640]/g, (ch) => FOLD[ch] ?? ch)
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

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
const haystacks = new WeakMap<Annotation, string>();
function haystackOf(a: Annotation): string {
  let haystack = haystacks.get(a);
  if (haystack === undefined) {
    haystack = normalizeForSearch([a.target.selectors[0].exact, a.note, ...a.tags].join('\n'));
    haystacks.set(a, haystack);
  }
  return haystack;
}

export function filterAnnotations<T extends Annotation>(list: readonly T[], filter: AnnotationFilter): T[] {
  const terms = normalizeForSearch(filter.query ?? '')
    .split(' ')
    .filter((t) => t.length > 0);
  const colors = filter.colors && filter.colors.length > 0 ? new Set(filter.colors) : null;
  const tags = (filter.tags ?? []).map(normalizeForSearch).filter((t) => t.length > 0);
  return list.filter((a) => {
    if (colors && !colors.has(a.color)) return false;
    if (tags.length > 0) {
      const own = new Set(a.tags.map(normalizeForSearch));
      if (!tags.every((t) => own.has(t))) return false;
    }
    if (terms.length === 0) return true;
    const haystack = haystackOf(a);
    return terms.every((t) => haystack.includes(t));
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
