/**
 * Approximate string search with a bound on its work, for anchoring.
 *
 * The scan is Myers' bit-parallel algorithm with Ukkonen's cut-off, as in approx-string-match
 * (Robert Knight, MIT), from which `scanEnds` is adapted. That library then searches backwards from
 * every match end to find its start: on text where the passage nearly matches everywhere (a long run
 * of one letter) that is one search per character, and a 2-million-character article froze the tab
 * for a minute. Here the ends found close together are one candidate, at most MAX_CANDIDATES
 * candidates are kept, and only they get a start; every step is paid from a FuzzyBudget, and a
 * search that runs out reports it instead of going on.
 *
 * Work is counted in units of one 32-character block of the pattern advanced over one character of
 * text: scanning n characters costs at most n × ceil(pattern length / 32).
 */

export interface FuzzyMatch {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/** The work one anchoring may spend on fuzzy search; shared by all its searches. */
export class FuzzyBudget {
  exhausted = false;
  constructor(private remaining: number) {}

  /** Pay `units` if they are left; once refused, every later request is refused too. */
  spend(units: number): boolean {
    if (this.exhausted || units > this.remaining) {
      this.exhausted = true;
      return false;
    }
    this.remaining -= units;
    return true;
  }
}

/** Distinct candidates (groups of nearby ends) kept per search; more means the passage is not distinctive. */
const MAX_CANDIDATES = 4096;
/** Candidates given a start (nearest the hint first). */
const MAX_STARTS = 64;
const WORD = 32;
/** Ends kept from one group: enough for every way of reading the same place (at most 2 × errors + 2). */
const CHAIN_KEEP = 66;

/** One step of Myers' block algorithm: advances block `b` over one character; returns the horizontal delta out. */
function advance(P: Uint32Array, M: Uint32Array, lastRowMask: Uint32Array, eqBits: Uint32Array, b: number, hIn: number): number {
  let pV = P[b]!;
  let mV = M[b]!;
  const hInIsNegative = hIn >>> 31;
  const eq = eqBits[b]! | hInIsNegative;
  const xV = eq | mV;
  const xH = (((eq & pV) + pV) ^ pV) | eq;
  let pH = mV | ~(xH | pV);
  let mH = pV & xH;
  const hOut = ((pH & lastRowMask[b]!) !== 0 ? 1 : 0) - ((mH & lastRowMask[b]!) !== 0 ? 1 : 0);
  pH <<= 1;
  mH <<= 1;
  mH |= hInIsNegative;
  pH |= (hIn !== 0 ? 1 : 0) - hInIsNegative;
  pV = mH | ~(xV | pH);
  mV = pH & xV;
  P[b] = pV;
  M[b] = mV;
  return hOut;
}

interface End {
  end: number;
  errors: number;
}

/**
 * Ends of the lowest-error matches of `pattern` in text[from, to) with at most `maxErrors` errors,
 * each group of ends lying within `maxErrors` of the next reduced to its best one. Null when the
 * budget cannot pay for the scan or there are more than MAX_CANDIDATES groups.
 */
function scanEnds(text: string, from: number, to: number, pattern: string, maxErrors: number, budget: FuzzyBudget): End[] | null {
  const m = pattern.length;
  if (m === 0 || to <= from) return [];
  const bMax = Math.ceil(m / WORD) - 1;
  if (!budget.spend((to - from) * (bMax + 1))) return null;
  let k = Math.min(maxErrors, m);
  const P = new Uint32Array(bMax + 1);
  const M = new Uint32Array(bMax + 1);
  const lastRowMask = new Uint32Array(bMax + 1).fill(1 << 31);
  lastRowMask[bMax] = 1 << (m - 1) % WORD;
  const emptyPeq = new Uint32Array(bMax + 1);
  // Per character of the pattern, the bit vector of where it occurs; looked up by code in a dense
  // table over the pattern's range of codes (Arabic text and its punctuation span a few thousand).
  let lowest = 0xffff;
  let highest = 0;
  for (let c = 0; c < m; c += 1) {
    lowest = Math.min(lowest, pattern.charCodeAt(c));
    highest = Math.max(highest, pattern.charCodeAt(c));
  }
  const dense = highest - lowest < 8192;
  const table: (Uint32Array | undefined)[] = dense ? new Array<Uint32Array | undefined>(highest - lowest + 1) : [];
  const peq = new Map<number, Uint32Array>();
  for (let c = 0; c < m; c += 1) {
    const code = pattern.charCodeAt(c);
    let bits = peq.get(code);
    if (!bits) peq.set(code, (bits = new Uint32Array(bMax + 1)));
    if (dense) table[code - lowest] = bits;
    bits[Math.floor(c / WORD)]! |= 1 << c % WORD;
  }
  const lookup = (code: number): Uint32Array =>
    (dense ? (code >= lowest && code <= highest ? table[code - lowest] : undefined) : peq.get(code)) ?? emptyPeq;

  let y = Math.max(0, Math.ceil(k / WORD) - 1);
  const score = new Uint32Array(bMax + 1);
  for (let b = 0; b <= y; b += 1) score[b] = (b + 1) * WORD;
  score[bMax] = m;
  for (let b = 0; b <= y; b += 1) {
    P[b] = ~0;
    M[b] = 0;
  }

  const ends: End[] = [];
  let groups = 0;
  let chainEnd = -Infinity;
  let chainMembers = 0;
  for (let j = from; j < to; j += 1) {
    const eqBits = lookup(text.charCodeAt(j));
    let carry = 0;
    for (let b = 0; b <= y; b += 1) {
      carry = advance(P, M, lastRowMask, eqBits, b, carry);
      score[b]! += carry;
    }
    if (score[y]! - carry <= k && y < bMax && ((eqBits[y + 1]! & 1) !== 0 || carry < 0)) {
      y += 1;
      P[y] = ~0;
      M[y] = 0;
      const maxBlockScore = y === bMax ? m % WORD || WORD : WORD;
      score[y] = score[y - 1]! + maxBlockScore - carry + advance(P, M, lastRowMask, eqBits, y, carry);
    } else {
      while (y > 0 && score[y]! >= k + WORD) y -= 1;
    }
    if (y === bMax && score[y]! <= k) {
      const errors = score[y]!;
      // Only the best matches are kept: a better one discards the rest and lowers the threshold.
      if (errors < k) {
        ends.length = 0;
        groups = 0;
        chainEnd = -Infinity;
      }
      k = errors;
      const end = j + 1;
      // Ends within `errors` of each other are one place in the text, read with a little more or less.
      if (end - chainEnd > Math.max(1, k)) {
        groups += 1;
        chainMembers = 0;
        if (groups > MAX_CANDIDATES) return null;
      }
      chainEnd = end;
      chainMembers += 1;
      if (chainMembers <= CHAIN_KEEP) ends.push({ end, errors });
    }
  }
  return ends;
}

/**
 * The best approximate matches of `pattern` in text[from, to), at most MAX_STARTS of them, nearest
 * `hint` first. Null when the budget ran out (the caller then treats the passage as changed).
 */
export function boundedSearch(
  text: string,
  from: number,
  to: number,
  pattern: string,
  maxErrors: number,
  budget: FuzzyBudget,
  hint = from,
): FuzzyMatch[] | null {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  const ends = scanEnds(text, from, to, pattern, maxErrors, budget);
  if (!ends) return null;
  const chosen = ends.length <= MAX_STARTS ? ends : [...ends].sort((a, b) => Math.abs(a.end - hint) - Math.abs(b.end - hint)).slice(0, MAX_STARTS);
  // Reversed by UTF-16 unit, like the offsets.
  const reversed = pattern.split('').reverse().join('');
  const matches: FuzzyMatch[] = [];
  for (const { end, errors } of chosen) {
    // The start: search backwards from the end for the reversed pattern, keeping the longest match.
    const minStart = Math.max(from, end - pattern.length - errors);
    const back = text.slice(minStart, end).split('').reverse().join('');
    const found = scanEnds(back, 0, back.length, reversed, errors, budget);
    if (!found) return null;
    const longest = found.reduce((max, f) => Math.max(max, f.end), 0);
    matches.push({ start: end - (longest || pattern.length), end, errors });
  }
  return matches;
}
