import { stripProclitics } from 'arabic-ner';
import { FILTER_LIMITS } from '../limits';

/**
 * Arabic (and Latin) text folding: one set of rules, in levels, each adding to the one before. Readers
 * type Arabic without diacritics, with whichever alef or hamza their keyboard gives, with or without
 * the conjunction or preposition glued to a word; every search in the app (the library, the notes,
 * the names) compares the levels below, so the same query finds the same text everywhere.
 *
 * - display: what the eye sees as equal. Unicode NFC, invisible formatting (zero-width characters,
 *   bidi controls, soft hyphen, BOM) removed, whitespace collapsed, trimmed.
 * - spelling: display + diacritics and Quranic marks, tatweel, alef with hamza or madda (أ إ آ ٱ → ا),
 *   Arabic-Indic digits → ASCII, lower case: two spellings of one word in one text (the importers
 *   match labels, month names and repeated titles at this level).
 * - search: spelling + the other hamza seats (ؤ → و, ئ → ي, ء dropped), ى → ي, ة → ه, Persian ی ک
 *   → ي ك, Latin accents and presentation forms: what a reader types for a word.
 * - stem: search, word by word, without the proclitics و ف (conjunctions), ب ل ك (prepositions),
 *   لل and ال (the article): «للاستخدام» and «الاستخدام» are both «استخدام».
 * - names: stem + long vowels inside a word and doubled letters dropped, as transliteration adds or
 *   drops them: «نتانياهو» and «نتنياهو» meet. Loose: for finding names, not for text.
 *
 * These levels are for comparing only: nothing folded is stored or shown. Two foldings that ARE
 * stored stay where they are, frozen, because changing them would change stored data: block ids
 * (core/article/block-id.ts) and the tagger's features and grouping keys (packages/arabic-ner).
 */
export const FOLD_LEVELS = ['display', 'spelling', 'search', 'stem', 'names'] as const;
export type FoldLevel = (typeof FOLD_LEVELS)[number];

// Zero-width space/joiners, bidi marks and controls, word joiner and invisible operators, BOM, soft hyphen.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SPACES = /\s+/gu;
const MARKS = /\p{M}/gu;
// Harakat, superscript alef, Quranic marks and tatweel (typographic stretching, not a letter).
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;
/** Letters folded onto another (or dropped) once NFKD has split off the hamza and madda marks. */
const LETTERS: Readonly<Record<string, string>> = {
  '\u0649': '\u064a', // ى → ي
  '\u06cc': '\u064a', // Persian ye → ي
  '\u0629': '\u0647', // ة → ه
  '\u06a9': '\u0643', // Persian kaf → ك
  '\u0621': '', // standalone hamza ء
};
const FOLDED_LETTERS = /[\u0649\u06cc\u0629\u06a9\u0621]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const PERSIAN_DIGITS = /[\u06f0-\u06f9]/g;
/** A word at the search level: letters and digits (marks are gone by then). */
const WORD = /[\p{L}\p{N}]+/gu;
/** Letters a transliteration adds or drops inside a name: alef, waw, ya. */
const LONG_VOWELS = /(?<=.)[\u0627\u0648\u064a]/gu;
const DOUBLED = /(.)\1+/gu;
/** Words shorter than this are not compared at the loose `names` level (it would match too much). */
const NAMES_LEVEL_MIN = 4;

function display(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

function spelling(text: string): string {
  // Marks go before spaces are collapsed: a lone tatweel between two spaces leaves one space.
  return asciiDigits(display(text.normalize('NFC').replace(DIACRITICS, '').replace(ALEF_FORMS, '\u0627'))).toLowerCase();
}

function asciiDigits(text: string): string {
  return text.replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660)).replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0));
}

function search(text: string): string {
  return (
    spelling(text)
      // NFKD splits أ إ آ ؤ ئ into a base letter plus a combining mark and undoes presentation forms.
      .normalize('NFKD')
      .replace(MARKS, '')
      .replace(FOLDED_LETTERS, (ch) => LETTERS[ch] ?? ch)
      .toLowerCase()
      // Dropping a lone hamza may leave doubled or edge spaces.
      .replace(SPACES, ' ')
      .trim()
  );
}

/** A search-level word without its proclitics (the tagger's rules: a stem keeps at least two letters). */
function stemOfFolded(word: string): string {
  return stripProclitics(word).stem || word;
}

function namesOfFolded(word: string): string {
  return stemOfFolded(word).replace(LONG_VOWELS, '').replace(DOUBLED, '$1');
}

/** The text at a level. At `stem` and `names` the text becomes its words, one space apart. */
export function fold(text: string, level: FoldLevel): string {
  switch (level) {
    case 'display':
      return display(text);
    case 'spelling':
      return spelling(text);
    case 'search':
      return search(text);
    case 'stem':
      return foldedWords(search(text)).map(stemOfFolded).join(' ');
    case 'names':
      return foldedWords(search(text)).map(namesOfFolded).join(' ');
  }
}

/** Text compared at the spelling level (the importers: labels, month names, repeated titles). */
export const spellingForm = (text: string): string => spelling(text);

/** Text compared at the search level (tags, titles: equal as a reader would type them). */
export const searchForm = (text: string): string => search(text);

/** The words of a text at a level (search and above: letters and digits; below: whitespace-separated). */
export function words(text: string, level: FoldLevel): string[] {
  if (level === 'display' || level === 'spelling') return fold(text, level).split(' ').filter(Boolean);
  const folded = foldedWords(search(text));
  return level === 'search' ? folded : folded.map(level === 'stem' ? stemOfFolded : namesOfFolded);
}

function foldedWords(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/**
 * One word at the search and stem levels (the stem is the same string when nothing is cut), and at
 * the loose `names` level when it is long enough to be compared there (null otherwise).
 */
export function wordForms(word: string): WordForms {
  return formsOfFolded(search(word));
}

export interface WordForms {
  readonly search: string;
  readonly stem: string;
  /** The word at the loose `names` level, or null when it is too short to be compared there. */
  readonly names: string | null;
}

function formsOfFolded(folded: string): WordForms {
  return { search: folded, stem: folded ? stemOfFolded(folded) : folded, names: folded.length >= NAMES_LEVEL_MIN ? namesOfFolded(folded) : null };
}

/**
 * A text folded for `matchesQuery`: its search form, and its words' stems, worked out only when a
 * query word is not found as written (most searches never need them). Keep one per text that is
 * searched again and again (a note, on every keystroke).
 */
export class FoldedText {
  readonly search: string;
  #stems: string | undefined;
  #names: string[] | undefined;

  constructor(text: string) {
    this.search = search(text);
  }

  get stems(): string {
    this.#stems ??= foldedWords(this.search).map(stemOfFolded).join(' ');
    return this.#stems;
  }

  /** The words at the loose `names` level (only asked for when a long query word is not found otherwise). */
  get names(): readonly string[] {
    this.#names ??= foldedWords(this.search).map(namesOfFolded);
    return this.#names;
  }
}

export const foldText = (text: string): FoldedText => new FoldedText(text);

export type QueryTerm = WordForms;

/** A query as the words `matchesQuery` looks for. */
export function queryTerms(query: string): QueryTerm[] {
  return foldedWords(search(query)).map(formsOfFolded);
}

/**
 * Whether every query word appears in the text: as written or as its stem (folded for search,
 * anywhere in the text), or as its stem among the text's stems. So «بطهران» finds «طهران»,
 * «الاستخدام» finds «للاستخدام», and «والوزير» finds «وزير» (whose و is part of the word). A word
 * of four letters or more also finds a word that begins with it at the `names` level, as
 * transliterations vary: «نتانياهو» finds «نتنياهو».
 */
export function matchesQuery(text: FoldedText, terms: readonly QueryTerm[]): boolean {
  return terms.every(
    (term) =>
      text.search.includes(term.search) ||
      text.search.includes(term.stem) ||
      text.stems.includes(term.stem) ||
      looseMatch(text, term.names),
  );
}

function looseMatch(text: FoldedText, names: string | null): boolean {
  return names !== null && names !== '' && text.names.some((w) => w.startsWith(names));
}

/**
 * A character inside a word, as a reader selects words and anchoring snaps to them: letters (tatweel
 * is a modifier letter), combining marks (harakat), digits, and the zero-width joiners that sit
 * inside words.
 */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
export const isWordCharacter = (ch: string | undefined): boolean => ch !== undefined && WORD_CHARACTER.test(ch);

/** A name's words at the levels `matchesName` compares, kept for names filtered on every keystroke. */
const nameForms = new Map<string, { readonly search: string[]; readonly stems: string[]; readonly names: string[] }>();
const NAME_FORMS_LIMIT = 20_000;

function formsOfName(name: string) {
  let forms = nameForms.get(name);
  if (!forms) {
    const folded = foldedWords(search(name));
    forms = { search: folded, stems: folded.map(stemOfFolded), names: folded.map(namesOfFolded) };
    if (nameForms.size >= NAME_FORMS_LIMIT) nameForms.clear();
    nameForms.set(name, forms);
  }
  return forms;
}

/**
 * What the reader typed in a names filter, compiled once for a whole list: every typed word must
 * begin some word of the name, as written, as its stem («بطهران», «للاتحاد»), or, from four letters
 * on, as transliterations vary it («نتنياهو» for «نتانياهو»). Only the first FILTER_LIMITS.query
 * characters and FILTER_LIMITS.words words are read: a pasted page cannot make each name's test slow.
 */
export function nameMatcher(query: string): (name: string) => boolean {
  const typed = foldedWords(search(query.slice(0, FILTER_LIMITS.query)))
    .slice(0, FILTER_LIMITS.words)
    .map((word) => ({ word, stem: stemOfFolded(word), loose: word.length >= NAMES_LEVEL_MIN ? namesOfFolded(word) : '' }));
  if (typed.length === 0) return () => true;
  const begins = (list: readonly string[], prefix: string) => prefix !== '' && list.some((w) => w.startsWith(prefix));
  return (name) => {
    const forms = formsOfName(name);
    return typed.every(
      ({ word, stem, loose }) => begins(forms.search, word) || begins(forms.search, stem) || begins(forms.stems, stem) || begins(forms.names, loose),
    );
  };
}

/** Whether one name matches a names-filter query (`nameMatcher`, for a single test). */
export function matchesName(name: string, query: string): boolean {
  return nameMatcher(query)(name);
}
