import MiniSearch from 'minisearch';
import type { Article } from '../article/article';
import { SEARCH_LIMITS } from '../limits';
import { wordForms } from '../text/fold';
import { passageAroundAll, type PassagePiece } from './passage';

/**
 * Full-text search over articles, one document per block (so a hit is a passage that can be linked
 * to), on MiniSearch with the app's one folding (core/text/fold.ts: diacritics, alef and hamza
 * forms, ى/ي, ة/ه, digits, English case, clitics و ف ب ل ك, لل, ال): a word is indexed both at the
 * search level and as its stem, a query word is looked up as its stem, so «بطهران» finds «طهران»,
 * «الرئيس» finds «رئيس» and «الاستخدام» finds «للاستخدام». A word of four letters or more is also
 * indexed and looked up at the loose `names` level, so «نتانياهو» finds «نتنياهو». Every query word
 * must match; the last one may be a prefix (search as you type). A hit's passage marks every word
 * that answers the query, not only the first.
 */

export interface PassageDoc {
  /** `${articleId}\u0000${blockId}` */
  readonly id: string;
  readonly articleId: string;
  readonly blockId: string;
  readonly text: string;
}

export interface SearchHit {
  readonly articleId: string;
  readonly title: string;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly blockId: string;
  /** The passage from the first match on, every matched word in it marked. */
  readonly passage: readonly PassagePiece[];
  readonly score: number;
}

/** Letters, digits and the combining marks inside words (diacritics are folded away afterwards). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function tokenizeForIndex(text: string): string[] {
  return text.match(WORD) ?? [];
}

// A library's vocabulary is far smaller than its text: folding each distinct word once makes
// indexing several times faster. Bounded, so a hostile input cannot grow it without end.
const termCache = new Map<string, string[] | null>();
const TERM_CACHE_LIMIT = 500_000;

/**
 * Terms at the loose `names` level (core/text/fold.ts) carry this mark, so they only ever meet each
 * other: «نتانياهو» and «نتنياهو» share one, and no such term equals a word's own folded form.
 */
const LOOSE = '~';

/** A word as stored: its folded form, its stem without proclitics when different, and its loose form for names. */
export function indexTerms(word: string): string[] | null {
  const known = termCache.get(word);
  if (known !== undefined) return known;
  const { search: folded, stem, names } = wordForms(word);
  const terms = !folded ? null : [...new Set([folded, stem])];
  if (terms && names) terms.push(LOOSE + names);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, terms);
  return terms;
}

/** A word as looked up: its stem. */
export function queryTerm(word: string): string | null {
  return wordForms(word).stem || null;
}

/** A query word as looked up: its stem, or (four letters and more) its loose form for names. */
function queryAlternatives(word: string): string[] | null {
  const { stem, names } = wordForms(word);
  if (!stem) return null;
  return names ? [stem, LOOSE + names] : [stem];
}


export interface ArticleMeta {
  readonly title: string;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
}

export interface LibraryIndex {
  /** Adds the article, replacing its earlier version. */
  upsert(article: Article): void;
  remove(articleId: string): void;
  has(articleId: string): boolean;
  articleIds(): string[];
  search(query: string, limit?: number): SearchHit[];
  readonly size: number;
}

const miniOptions = {
  fields: ['text'],
  idField: 'id',
  // Block texts are kept in the index to cut passages around the match.
  storeFields: ['articleId', 'blockId', 'text'],
  tokenize: tokenizeForIndex,
  processTerm: indexTerms,
  searchOptions: {
    tokenize: tokenizeForIndex,
    processTerm: queryTerm,
    combineWith: 'AND' as const,
  },
};

export function createLibraryIndex(): LibraryIndex {
  const mini = new MiniSearch<PassageDoc>(miniOptions);
  const articles = new Map<string, { meta: ArticleMeta; docIds: string[] }>();

  const remove = (articleId: string) => {
    const known = articles.get(articleId);
    if (!known) return;
    for (const id of known.docIds) mini.discard(id);
    articles.delete(articleId);
  };

  /** Every word of the passage that answers one of the query words (the last one as a prefix), as offsets in the text. */
  const matches = (text: string, wanted: ReadonlyArray<readonly string[]>): Array<{ start: number; end: number }> => {
    const last = wanted[wanted.length - 1] ?? [];
    const found: Array<{ start: number; end: number }> = [];
    for (const m of text.matchAll(WORD)) {
      const terms = indexTerms(m[0]) ?? [];
      const answers = terms.some((t) => wanted.some((alternatives) => alternatives.includes(t)) || last.some((prefix) => t.startsWith(prefix)));
      if (answers) found.push({ start: m.index, end: m.index + m[0].length });
    }
    return found;
  };

  return {
    upsert(article) {
      remove(article.id);
      const docs = article.blocks.map((b) => ({ id: `${article.id}\u0000${b.id}`, articleId: article.id, blockId: b.id, text: b.text }));
      mini.addAll(docs);
      articles.set(article.id, { meta: { title: article.title, lang: article.lang, dir: article.dir }, docIds: docs.map((d) => d.id) });
    },
    remove,
    has: (articleId) => articles.has(articleId),
    articleIds: () => [...articles.keys()],
    get size() {
      return articles.size;
    },
    search(query, limit = 30) {
      // Only the first SEARCH_LIMITS of a query are read: a pasted page costs no more than a sentence.
      const words = tokenizeForIndex(query.slice(0, SEARCH_LIMITS.query)).slice(0, SEARCH_LIMITS.words);
      const wanted = words.map(queryAlternatives).filter((t): t is string[] => t !== null);
      if (wanted.length === 0) return [];
      // Every word must match (as its stem, or loosely as a name); the last may be a prefix.
      const tree = {
        combineWith: 'AND' as const,
        queries: wanted.map((alternatives, i) => ({
          combineWith: 'OR' as const,
          prefix: i === wanted.length - 1,
          tokenize: (term: string) => [term],
          processTerm: (term: string) => term,
          queries: alternatives,
        })),
      };
      const hits: SearchHit[] = [];
      for (const result of mini.search(tree)) {
        if (hits.length >= limit) break;
        const { articleId, blockId, text } = result as unknown as PassageDoc;
        const meta = articles.get(articleId)?.meta;
        if (!meta || typeof text !== 'string') continue;
        hits.push({ articleId, ...meta, blockId, passage: passageAroundAll(text, matches(text, wanted), 90), score: result.score });
      }
      return hits;
    },
  };
}
