import { BLOCK_SEPARATOR, articleText, blockSpans, type Article } from '../article/article';
import { FUZZY_LIMITS } from '../limits';
import type { TextPositionSelector, TextQuoteSelector } from '../schema/annotation';
import { isWordCharacter } from '../text/fold';
import { boundedSearch, FuzzyBudget, type FuzzyMatch } from './fuzzy-search';

export type { TextPositionSelector, TextQuoteSelector };

/**
 * Anchoring: `describe` turns a selection into W3C Web Annotation selectors, `anchor` finds that
 * passage again after the article's text has changed (the approach Hypothesis uses).
 *
 * The rule that matters most: a highlight must never land on the wrong text. A quote that cannot be
 * found with enough evidence (the quote itself plus the text around it) becomes an orphan.
 */

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Selectors {
  readonly blockId: string;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
}

export type AnchorMethod = 'position' | 'block-exact' | 'exact' | 'fuzzy';

export type Anchored = { readonly start: number; readonly end: number; readonly method: AnchorMethod; readonly score?: number };
export type Orphan = { readonly orphan: true };
export type AnchorResult = Anchored | Orphan;

/** Plain text (no block step) or an article (text = articleText, blocks from blockSpans). */
export type AnchorSource = string | Pick<Article, 'blocks'>;

/** Characters of context stored on each side of the quote. */
export const CONTEXT_LENGTH = 32;
/** A quote at least this long is distinctive on its own; shorter ones need their context to agree. */
const DISTINCTIVE_LENGTH = 32;
/** One side of the context counts as "agreeing" at this similarity (unrelated text scores far lower). */
const STRONG_CONTEXT = 0.75;
/** Characters of context that must match exactly next to a short quote's occurrence. */
const ADJACENT_MATCH = 12;
/** Reaching the start or end of the text together counts as this many matching characters. */
const BOUNDARY_BONUS = 4;
/** Fuzzy matching of very short quotes mostly finds lookalike words, so it is not attempted. */
const FUZZY_MIN_LENGTH = 12;
const FUZZY_MIN_SCORE = 0.75;
/** Slack around the old position searched before the whole text. */
const WINDOW = 4096;
/** Longest pattern given to the whole-text fuzzy search; matches are then extended to the full quote. */
const FUZZY_PROBE = 64;
/** Whole-text exact search of a very common short quote scores at most this many candidates. */
const MAX_EXACT_CANDIDATES = 512;
/**
 * Occurrences of the quote collected per exact search. A quote found more often than this is not
 * distinctive (text of one repeated letter, say): collecting every one would cost a scan per
 * occurrence, so only the first ones are judged.
 */
const MAX_EXACT_SCAN = 4096;

export function isOrphan(result: AnchorResult): result is Orphan {
  return 'orphan' in result;
}

interface Prepared {
  readonly text: string;
  readonly blocks: ReadonlyMap<string, TextRange> | null;
}

// Anchoring many annotations against one article must not rebuild its text every time.
const preparedCache = new WeakMap<object, Prepared>();

function prepare(source: AnchorSource): Prepared {
  if (typeof source === 'string') return { text: source, blocks: null };
  const cached = preparedCache.get(source);
  if (cached) return cached;
  const blocks = new Map<string, TextRange>();
  for (const span of blockSpans(source)) {
    // A duplicated id is ambiguous; keep the first so the hint is at least deterministic.
    if (!blocks.has(span.block.id)) blocks.set(span.block.id, { start: span.start, end: span.end });
  }
  const prepared = { text: articleText(source), blocks };
  preparedCache.set(source, prepared);
  return prepared;
}

/** Selectors for `range` of plain text, given the id of the block it starts in. */
export function describeText(text: string, range: TextRange, blockId: string): Selectors {
  const start = clamp(Math.min(range.start, range.end), 0, text.length);
  const end = clamp(Math.max(range.start, range.end), 0, text.length);
  return {
    blockId,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Selectors for `range` of articleText(article); the block is the one the range starts in. */
export function describe(article: Pick<Article, 'blocks'>, range: TextRange): Selectors {
  const { text } = prepare(article);
  const start = Math.min(range.start, range.end);
  const spans = blockSpans(article);
  // A start inside the separator belongs to the following block.
  const span = spans.find((s) => start < s.end + BLOCK_SEPARATOR.length) ?? spans[spans.length - 1];
  return describeText(text, range, span?.block.id ?? '');
}

/** Find the passage described by `selectors` in the current text. */
export function anchor(source: AnchorSource, selectors: Selectors): AnchorResult {
  const { text, blocks } = prepare(source);
  const { exact } = selectors.quote;
  const hint = selectors.position.start;
  if (exact.length === 0) return { orphan: true };
  const judge = new Judge(text, selectors.quote, hint);

  // 1. The stored position, if the quote is still there and its surroundings agree.
  if (text.startsWith(exact, hint) && judge.exactAcceptable(hint)) {
    return { start: hint, end: hint + exact.length, method: 'position' };
  }

  // 2. An exact match inside the stored block (its offset may have moved).
  const block = blocks?.get(selectors.blockId);
  if (block) {
    const best = judge.bestExact(exactOccurrences(text, exact, block.start, block.end, MAX_EXACT_SCAN));
    if (best !== undefined) return { start: best, end: best + exact.length, method: 'block-exact' };
  }

  // 3. An exact match anywhere: nearby first; a nearby one with intact context cannot be beaten.
  const near = exactOccurrences(text, exact, hint - WINDOW, hint + WINDOW, MAX_EXACT_SCAN);
  const nearBest = judge.bestExact(near);
  if (nearBest !== undefined && judge.contextIntact(nearBest)) {
    return { start: nearBest, end: nearBest + exact.length, method: 'exact' };
  }
  const all = exactOccurrences(text, exact, 0, text.length, MAX_EXACT_SCAN);
  const best = judge.bestExact(nearestFirst(all, hint, MAX_EXACT_CANDIDATES, (i) => judge.contextLooksIntact(i)));
  if (best !== undefined) return { start: best, end: best + exact.length, method: 'exact' };

  // 4. A fuzzy match: the stored block, then a window around the old position, then everything.
  // Its work is bounded (FUZZY_LIMITS): text where the passage nearly matches everywhere gives up.
  if (exact.length < FUZZY_MIN_LENGTH) return { orphan: true };
  const budget = new FuzzyBudget(FUZZY_LIMITS.work);
  const maxErrors = Math.min(32, Math.floor(exact.length / 4));
  const fuzzyIn = (area: TextRange) => boundedSearch(text, area.start - maxErrors, area.end + maxErrors, exact, maxErrors, budget, hint) ?? [];
  // Cheapest first: tight slices where an intact piece of the quote or its context says it now is.
  const seeded = seedEstimates(text, selectors.quote, hint).flatMap((at) => fuzzyIn({ start: at - maxErrors, end: at + exact.length + maxErrors }));
  const fromSeeds = judge.bestFuzzy(seeded);
  if (fromSeeds) return fromSeeds;
  const areas: TextRange[] = [];
  if (block) areas.push(block);
  areas.push({ start: hint - WINDOW, end: selectors.position.end + WINDOW });
  for (const area of areas) {
    const found = judge.bestFuzzy(fuzzyIn(area));
    if (found) return found;
  }
  const found = judge.bestFuzzy(wholeTextFuzzy(text, exact, maxErrors, budget, hint, 'head')) ?? judge.bestFuzzy(wholeTextFuzzy(text, exact, maxErrors, budget, hint, 'tail'));
  return found ?? { orphan: true };
}

/** Scores candidates against the stored quote and context. */
class Judge {
  private readonly sims = new Map<number, { p: number; s: number }>();

  constructor(
    private readonly text: string,
    private readonly quote: TextQuoteSelector,
    private readonly hint: number,
  ) {}

  /** Similarity of the stored prefix / suffix with the text around [start, end). */
  context(start: number, end: number): { p: number; s: number } {
    const key = start * 65_537 + (end - start);
    let found = this.sims.get(key);
    if (!found) {
      const { text, quote } = this;
      const before = text.slice(Math.max(0, start - CONTEXT_LENGTH), start);
      const after = text.slice(end, end + CONTEXT_LENGTH);
      found = { p: similarity(quote.prefix, before), s: similarity(quote.suffix, after) };
      this.sims.set(key, found);
    }
    return found;
  }

  contextIntact(start: number): boolean {
    const { p, s } = this.context(start, start + this.quote.exact.length);
    return p === 1 && s === 1;
  }

  /** Cheap pre-filter: the context right next to the quote matches on at least one side. */
  contextLooksIntact(start: number): boolean {
    const { text, quote } = this;
    const end = start + quote.exact.length;
    const p = quote.prefix.slice(-8);
    const s = quote.suffix.slice(0, 8);
    return text.startsWith(p, start - p.length) || text.startsWith(s, end);
  }

  /**
   * An exact occurrence is accepted when the quote is distinctive on its own, or when the stored
   * context continues it character for character, right at its edges, for ADJACENT_MATCH characters
   * (both sides counted). Edit similarity is not enough here: a short quote's neighbour a few
   * characters away has context that is merely shifted, and scores high.
   */
  exactAcceptable(start: number): boolean {
    const { quote } = this;
    if (quote.exact.length >= DISTINCTIVE_LENGTH) return true;
    return this.prefixEvidence(start) + this.suffixEvidence(start + quote.exact.length) >= ADJACENT_MATCH;
  }

  private prefixEvidence(start: number): number {
    const { text } = this;
    const { prefix } = this.quote;
    let n = 0;
    while (n < prefix.length && n < start && prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(start - 1 - n)) n += 1;
    // Context cut short by the start of the text agrees a little more if the candidate is cut the same way.
    return n === prefix.length && prefix.length < CONTEXT_LENGTH && start === n ? n + BOUNDARY_BONUS : n;
  }

  private suffixEvidence(end: number): number {
    const { text } = this;
    const { suffix } = this.quote;
    let n = 0;
    while (n < suffix.length && end + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(end + n)) n += 1;
    return n === suffix.length && suffix.length < CONTEXT_LENGTH && end + n === text.length ? n + BOUNDARY_BONUS : n;
  }

  /** Best acceptable exact occurrence: context first, then nearness to the old position. */
  bestExact(starts: readonly number[]): number | undefined {
    let best: number | undefined;
    let bestContext = -1;
    for (const start of starts) {
      if (!this.exactAcceptable(start)) continue;
      const { p, s } = this.context(start, start + this.quote.exact.length);
      const c = p + s;
      if (c > bestContext || (c === bestContext && best !== undefined && Math.abs(start - this.hint) < Math.abs(best - this.hint))) {
        best = start;
        bestContext = c;
      }
    }
    return best;
  }

  bestFuzzy(matches: readonly { start: number; end: number; errors: number }[]): Anchored | undefined {
    const { quote, text, hint } = this;
    let best: Anchored | undefined;
    for (const m of matches) {
      const q = 1 - m.errors / quote.exact.length;
      const { p, s } = this.context(m.start, m.end);
      const strong = p >= STRONG_CONTEXT || s >= STRONG_CONTEXT;
      // Without agreeing context only a long, nearly identical passage is trusted.
      if (!strong && !(quote.exact.length >= 2 * DISTINCTIVE_LENGTH && q >= 0.9)) continue;
      const pos = 1 - Math.abs(m.start - hint) / Math.max(1, text.length);
      const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
      if (score < FUZZY_MIN_SCORE) continue;
      if (!best || score > (best.score ?? 0)) best = { start: m.start, end: m.end, method: 'fuzzy', score };
    }
    return best;
  }
}

/** Starts of `exact` in text that begin within [from, to). */
function exactOccurrences(text: string, exact: string, from: number, to: number, limit: number): number[] {
  const lo = Math.max(0, from);
  // Search a slice: indexOf on the whole text would scan past `to` looking for one more occurrence.
  const hay = lo === 0 && to >= text.length ? text : text.slice(lo, Math.min(text.length, to + exact.length - 1));
  const starts: number[] = [];
  let i = hay.indexOf(exact);
  while (i !== -1 && starts.length < limit) {
    starts.push(lo + i);
    i = hay.indexOf(exact, i + 1);
  }
  return starts;
}

const SEED = 16;
/**
 * Likely new starts of an edited quote, from 16-character pieces that survived unchanged: the end
 * of the prefix, the head and tail of the quote, the start of the suffix — looked for near the old position.
 */
function seedEstimates(text: string, quote: TextQuoteSelector, hint: number): number[] {
  const { exact, prefix, suffix } = quote;
  const probes: [string, number][] = [];
  if (prefix.length >= SEED) probes.push([prefix.slice(-SEED), -SEED]);
  if (exact.length >= SEED) probes.push([exact.slice(0, SEED), 0], [exact.slice(-SEED), exact.length - SEED]);
  if (suffix.length >= SEED) probes.push([suffix.slice(0, SEED), exact.length]);
  const estimates = new Set<number>();
  for (const [probe, offset] of probes) {
    const found = exactOccurrences(text, probe, hint + offset - WINDOW, hint + offset + WINDOW, 4);
    for (const at of found) estimates.add(at - offset);
  }
  // Estimates a few characters apart search overlapping slices; keep one of each cluster.
  const sorted = [...estimates].sort((a, b) => a - b);
  return sorted.filter((at, i) => i === 0 || at - (sorted[i - 1] ?? 0) > 8).slice(0, 8);
}

/** Candidates passing `keep`, topped up with the ones nearest the hint, at most `max`. */
function nearestFirst(starts: number[], hint: number, max: number, keep: (start: number) => boolean): number[] {
  if (starts.length <= max) return starts;
  const kept = starts.filter(keep);
  const rest = starts.filter((s) => !keep(s)).sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
  return kept.concat(rest.slice(0, Math.max(0, max - kept.length)));
}

/**
 * Whole-text fuzzy search. A long pattern costs time proportional to its length over the whole
 * text, so one end of the quote (`probe`) is searched and each hit extended to the full quote in a
 * small slice. The caller tries the tail only when the head found nothing acceptable (an edit
 * there), so a budget that pays for one scan of the text usually suffices.
 */
function wholeTextFuzzy(text: string, exact: string, maxErrors: number, budget: FuzzyBudget, hint: number, probe: 'head' | 'tail'): FuzzyMatch[] {
  if (exact.length <= FUZZY_PROBE) return probe === 'head' ? (boundedSearch(text, 0, text.length, exact, maxErrors, budget, hint) ?? []) : [];
  const probeErrors = Math.floor(FUZZY_PROBE / 4);
  const hits =
    probe === 'head'
      ? (boundedSearch(text, 0, text.length, exact.slice(0, FUZZY_PROBE), probeErrors, budget, hint) ?? []).map((m) => m.start)
      : (boundedSearch(text, 0, text.length, exact.slice(-FUZZY_PROBE), probeErrors, budget, hint + exact.length) ?? []).map((m) => m.end - exact.length);
  const results: FuzzyMatch[] = [];
  const seen = new Set<number>();
  for (const guess of hits.slice(0, 64)) {
    const from = clamp(guess - 2 * maxErrors, 0, text.length);
    if (seen.has(from)) continue;
    seen.add(from);
    const to = clamp(guess + exact.length + 2 * maxErrors, 0, text.length);
    results.push(...(boundedSearch(text, from, to, exact, maxErrors, budget, guess) ?? []));
  }
  return results;
}

/**
 * Context similarity: 1 for equal strings, falling towards 0 with the edit distance. Distance is
 * measured against a full context's length, so a context cut short by the edge of the text ("" at
 * the start) differs only a little from a few characters now standing there.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  return Math.max(0, 1 - levenshtein(a, b) / Math.max(a.length, b.length, CONTEXT_LENGTH));
}

let row = new Uint16Array(64);
function levenshtein(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] ?? 0;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}


const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/** Widen a selection so half-selected words are included wholly; surrounding whitespace is dropped. */
export function snapToWords(text: string, range: TextRange): TextRange {
  let start = clamp(Math.min(range.start, range.end), 0, text.length);
  let end = clamp(Math.max(range.start, range.end), 0, text.length);
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  while (start > 0 && isWordCharacter(text[start - 1]) && (isWordCharacter(text[start]) || start === end)) start -= 1;
  while (end < text.length && isWordCharacter(text[end]) && (isWordCharacter(text[end - 1]) || start === end)) end += 1;
  return { start, end };
}
