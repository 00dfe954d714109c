// From a document's texts to name spans: tokenise, tag the sentences (both passes see the whole
// document), trim clitics off the visible spans, and add the rule layers — a caller's own names
// and non-names, dates, multi-word and news names of the gazetteer the model missed, a person's
// family name after the full name — then give each name one type across the document.
import { findDates } from './dates.ts';
import { GAZ, PHRASE_SHIFT, gazKey } from './features.ts';
import { phraseKey } from './gazetteer.ts';
import { scoreDocument, sentenceSpans, type NerModel } from './model.ts';
import { cleanWord, stripProclitics } from './normalise.ts';
import { tokenize, type Token } from './tokenize.ts';

/** The four name types of the model (ANERcorp's) and DATE from the rules. */
export type EntityType = 'PERS' | 'LOC' | 'ORG' | 'MISC' | 'DATE';

/** Where a span comes from: the model, a rule layer (dates, the curated lists), or the caller's own names. */
export type SpanSource = 'model' | 'rules' | 'list';

export interface NameSpan {
  /** Index of the text in the document (0 for `tag(text)`). */
  block: number;
  /** UTF-16 offsets into that text: `text.slice(start, end) === span.text`. */
  start: number;
  end: number;
  type: EntityType;
  text: string;
  source: SpanSource;
  /** How sure the tagger is, 0–1: the model's probability of exactly this span (a name found
   *  again by its family name keeps its full name's); 1 for the caller's names, dates and names
   *  from the curated lists, which are there by provenance, not by guess. */
  confidence: number;
  /** The name's canonical words (normalised, without the article): one name, one key. */
  words: string[];
}

export interface TagOptions {
  /** Names that always win (matched insensitive to diacritics, alef/hamza, ta marbuta and clitics). */
  names?: ReadonlyArray<{ text: string; type: EntityType }>;
  /** Words or phrases that are never names (the same matching). */
  nonNames?: ReadonlyArray<string>;
  /** Dates and times by rule (default true; ANERcorp does not annotate them). */
  dates?: boolean;
}

const SENTENCE_END = /^[.!?؟…]+$/;
const NAME_BITS = GAZ.COUNTRY | GAZ.CITY | GAZ.GIVEN | GAZ.SURNAME | GAZ.WORLD_CITY | GAZ.NEWS | GAZ.TR_B_PERS | GAZ.TR_B_LOC | GAZ.TR_B_ORG | GAZ.TR_B_MISC | GAZ.TR_I_PERS;

/** Token ranges per sentence: split at sentence punctuation and at line breaks. */
export function splitSentences(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const lineBreak = next ? text.slice(t.end, next.start).includes('\n') : false;
    if (SENTENCE_END.test(t.text) || lineBreak) { out.push([s, i + 1]); s = i + 1; }
  }
  if (s < tokens.length) out.push([s, tokens.length]);
  return out;
}

/** Offset in `raw` after skipping `count` letters of its normalised form (diacritics don't count). */
function rawOffsetAfter(raw: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/[\u0610-\u061A\u064B-\u065F\u0670\u0640]/.test(raw[i] ?? '')) continue;
    if (seen === count) return i;
    seen++;
  }
  return raw.length;
}

/**
 * Number of normalised letters of conjunction/preposition clitics at the start of a name word.
 * `known` says whether an exact normalised form is a name the model's gazetteer knows.
 * و is cut unless the whole word is the known name (واشنطن, وليد); ف ب ل ك only before ال or when
 * the rest is a known name and the whole word is not (so بوتين, لبنان, كييف, فلاديمير stay whole).
 */
export function cliticLength(word: string, known: (w: string) => boolean): number {
  const norm = cleanWord(word);
  const restKnownOnly = (k: number): boolean => known(norm.slice(k)) && !known(norm);
  let i = 0;
  if (norm.length > 3 && ((norm[0] === 'و' && !known(norm)) || (norm[0] === 'ف' && restKnownOnly(1)))) i = 1;
  const rest = norm.slice(i);
  if (rest.startsWith('لل') && rest.length > 4) return i + 2;
  if (/^[بلك]/.test(rest) && rest.length > 3) {
    if (rest.slice(1).startsWith('ال') || (known(rest.slice(1)) && !known(rest))) return i + 1;
  }
  return i;
}

/** A name's canonical words: normalised, without the article (the key one name goes by). */
export function canonicalWords(text: string): string[] {
  return tokenize(text)
    .filter((t) => /[\p{L}\p{N}]/u.test(t.text))
    .map((t) => {
      const w = cleanWord(t.text);
      return w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
    });
}

/**
 * Canonical forms a token can take once a clitic combination is removed, with how many normalised
 * letters that cuts off the visible span (for the caller's names and name propagation).
 */
function tokenVariants(token: string): Array<{ form: string; cut: number }> {
  const w = cleanWord(token);
  const out: Array<{ form: string; cut: number }> = [{ form: w, cut: 0 }];
  for (const m of [/^[وف]/, /^[وف]?[بلك]/, /^[وف]?لل/]) {
    const hit = m.exec(w);
    if (!hit || w.length - hit[0].length < 2) continue;
    const rest = w.slice(hit[0].length);
    out.push({ form: hit[0].endsWith('لل') ? 'ال' + rest : rest, cut: hit[0].length });
  }
  return out.map((v) => ({ form: v.form.startsWith('ال') && v.form.length > 4 ? v.form.slice(2) : v.form, cut: v.cut }));
}

interface Draft { block: number; start: number; end: number; type: EntityType; source: SpanSource; words: string[]; confidence: number }

/**
 * Name spans of a document given as texts (paragraphs): the model's second pass sees all of them
 * as one document. Spans come in document order.
 */
export function tagDocument(model: NerModel, texts: readonly string[], options: TagOptions = {}): NameSpan[] {
  const known = (w: string): boolean => ((model.gazetteer.get(gazKey(w)) ?? 0) & NAME_BITS) !== 0;
  const isGivenName = (w: string): boolean => ((model.gazetteer.get(gazKey(w)) ?? 0) & GAZ.GIVEN) !== 0;
  const nonNames = new Set((options.nonNames ?? []).map((n) => canonicalWords(n).join(' ')).filter(Boolean));
  const givenNames = (options.names ?? []).map((n) => ({ words: canonicalWords(n.text), type: n.type })).filter((n) => n.words.length > 0);
  const drafts: Draft[] = [];
  /** Clitic letters to trim off a name's first word; a three-letter word (وتل أبيب) loses its و/ف
   *  when the rest of the name is a known multi-word name. */
  const nameCliticLength = (words: readonly Token[]): number => {
    const first = (words[0] as Token).text;
    const cut = cliticLength(first, known);
    if (cut || words.length < 2) return cut;
    const norm = cleanWord(first);
    const rest = [norm.slice(1), ...words.slice(1).map((t) => t.text)];
    // Longer words are already handled by cliticLength (and phrase keys strip their clitics anyway).
    return /^[وف]..$/.test(norm) && ((model.gazetteer.get(phraseKey(rest)) ?? 0) >>> PHRASE_SHIFT) & 0xf ? 1 : 0;
  };
  // All blocks form one document for the model's second pass.
  const tokenLists = texts.map((text) => tokenize(text));
  const sentenceLists = texts.map((text, b) => splitSentences(text, tokenLists[b] as Token[]).map(([s, e]) => (tokenLists[b] as Token[]).slice(s, e)));
  const scored = scoreDocument(model, sentenceLists.flat().map((sent) => sent.map((t) => t.text)), 0);
  const allTags = scored.tags;
  const taken = texts.map(() => [] as Array<[number, number]>);
  const free = (block: number, s: number, e: number): boolean => !(taken[block] ?? []).some(([a, b]) => s < b && a < e);
  const add = (d: Draft): void => {
    if (d.end <= d.start || !free(d.block, d.start, d.end)) return;
    drafts.push(d);
    taken[d.block]?.push([d.start, d.end]);
  };
  /** A known longer name takes the place of the model's mentions inside it (قطاع غزة over غزة). */
  const widen = (d: Draft): void => {
    const inside = drafts.filter((x) => x.block === d.block && x.start < d.end && d.start < x.end);
    if (!inside.length || !inside.every((x) => x.source === 'model' && x.start >= d.start && x.end <= d.end && x.end - x.start < d.end - d.start)) return add(d);
    for (const x of inside) drafts.splice(drafts.indexOf(x), 1);
    taken[d.block] = (taken[d.block] ?? []).filter(([a, b]) => !inside.some((x) => x.start === a && x.end === b));
    add(d);
  };
  const text = (block: number, s: number, e: number): string => (texts[block] ?? '').slice(s, e);
  /** Matches canonical words at token i; returns the visible start offset or -1. */
  const matchAt = (tokens: readonly Token[], i: number, words: readonly string[]): number => {
    if (i + words.length > tokens.length) return -1;
    let cut = -1;
    for (let k = 0; k < words.length; k++) {
      const v = tokenVariants((tokens[i + k] as Token).text).find((x) => x.form === words[k] && (k === 0 || x.cut === 0));
      if (!v) return -1;
      if (k === 0) cut = v.cut;
    }
    const first = tokens[i] as Token;
    return first.start + rawOffsetAfter(first.text, cut);
  };

  // 1. The caller's own names win over everything else.
  tokenLists.forEach((tokens, block) => {
    for (let i = 0; i < tokens.length; i++) for (const n of givenNames) {
      const start = matchAt(tokens, i, n.words);
      if (start >= 0) add({ block, start, end: (tokens[i + n.words.length - 1] as Token).end, type: n.type, source: 'list', words: n.words, confidence: 1 });
    }
  });
  // 2. Dates and times.
  if (options.dates !== false) texts.forEach((t, block) => {
    for (const d of findDates(t)) add({ block, start: d.start, end: d.end, type: 'DATE', source: 'rules', words: canonicalWords(t.slice(d.start, d.end)), confidence: 1 });
  });
  // 3. The sequence model.
  let sentIndex = 0;
  sentenceLists.forEach((sentences, block) => {
    for (const sent of sentences) {
      const tags = allTags[sentIndex] as Int32Array;
      const spans = sentenceSpans(scored, sentIndex);
      sentIndex++;
      spans.forEach((span) => {
        const first = sent[span.start] as Token;
        let last = sent[span.end - 1] as Token;
        // "إبراهيم رئيسي": a lone given name followed by a plain word is usually first + family
        // name, even when the family name is also an ordinary word the model keeps as O.
        const next = sent[span.end];
        if (span.type === 'PERS' && span.end - span.start === 1 && next && tags[span.end] === 0 && isGivenName(cleanWord(first.text)) && isSurnameCandidate(next.text)) last = next;
        const start = first.start + rawOffsetAfter(first.text, nameCliticLength(sent.slice(span.start, span.end)));
        add({ block, start, end: last.end, type: span.type, source: 'model', words: canonicalWords(text(block, start, last.end)), confidence: span.confidence });
      });
    }
  });
  // 4. Multi-word names from the gazetteer (curated lists, names seen in training) the model missed
  //    or only tagged in part.
  sentenceLists.forEach((sentences, block) => {
    for (const sent of sentences) {
      const stems = sent.map((t) => stripProclitics(cleanWord(t.text)).stem);
      for (let i = 0; i < sent.length; i++) {
        for (let len = Math.min(5, sent.length - i); len >= 2; len--) {
          const bits = ((model.gazetteer.get(gazKey('P:' + stems.slice(i, i + len).join(' '))) ?? 0) >>> PHRASE_SHIFT) & 0xf;
          const type = PHRASE_TYPES[bits];
          if (!type) continue;
          const first = sent[i] as Token;
          const last = sent[i + len - 1] as Token;
          const start = first.start + rawOffsetAfter(first.text, nameCliticLength(sent.slice(i, i + len)));
          widen({ block, start, end: last.end, type, source: 'rules', words: canonicalWords(text(block, start, last.end)), confidence: 1 });
          break;
        }
      }
    }
  });
  // 4b. One-word names of today's news (ترمب, وحماس, الأونروا) the model left out: the curated list
  //     keeps only names that are not also ordinary words.
  sentenceLists.forEach((sentences, block) => {
    for (const sent of sentences) for (const tok of sent) {
      const { stem } = stripProclitics(cleanWord(tok.text));
      if (!((model.gazetteer.get(gazKey(stem)) ?? 0) & GAZ.NEWS)) continue;
      const type = PHRASE_TYPES[((model.gazetteer.get(gazKey('P:' + stem)) ?? 0) >>> PHRASE_SHIFT) & 0xf];
      const start = tok.start + rawOffsetAfter(tok.text, cliticLength(tok.text, known));
      if (type) add({ block, start, end: tok.end, type, source: 'rules', words: canonicalWords(text(block, start, tok.end)), confidence: 1 });
    }
  });
  // 5. A surname of a person named in full is that person elsewhere in the article ("بوتين").
  const surnames = new Map<string, number>(); // family name → best confidence of a full name ending in it
  for (const d of drafts) {
    const w = d.words[d.words.length - 1] as string;
    if (d.type === 'PERS' && d.source === 'model' && d.words.length > 1 && w.length > 2) surnames.set(w, Math.max(surnames.get(w) ?? 0, d.confidence));
  }
  if (surnames.size) tokenLists.forEach((tokens, block) => {
    for (let i = 0; i < tokens.length; i++) for (const [w, confidence] of surnames) {
      const start = matchAt(tokens, i, [w]);
      if (start >= 0) add({ block, start, end: (tokens[i] as Token).end, type: 'PERS', source: 'model', words: [w], confidence });
    }
  });
  const kept = drafts.filter((d) => d.source === 'list' || !nonNames.has(d.words.join(' ')));
  kept.sort((a, b) => a.block - b.block || a.start - b.start);
  majorityTypes(kept);
  return kept.map((d) => ({ block: d.block, start: d.start, end: d.end, type: d.type, text: (texts[d.block] ?? '').slice(d.start, d.end), source: d.source, confidence: d.confidence, words: d.words }));
}

const NOT_SURNAMES = new Set(['في', 'من', 'الي', 'علي', 'عن', 'ان', 'الذي', 'التي', 'قد', 'كان', 'كانت', 'لم', 'لن', 'ما', 'لا', 'هو', 'هي', 'ثم', 'او', 'بعد', 'قبل', 'خلال', 'مع', 'عند', 'حيث', 'كما', 'يوم', 'منذ', 'حول', 'ضد', 'بين', 'امس', 'لدي', 'الا', 'غير', 'اي', 'كل', 'بعض', 'هذا', 'هذه', 'ذلك', 'تلك', 'انه', 'انها', 'اليوم', 'امام', 'عبر', 'نحو', 'لكن', 'بل', 'حتي', 'اذا', 'قال', 'قالت', 'يقول', 'اكد', 'اعلن', 'وقال']);

/** A plain Arabic word that can be a family name: no article, conjunction or function word. */
function isSurnameCandidate(token: string): boolean {
  const w = cleanWord(token);
  return /^[\u0621-\u064A]{3,}$/.test(w) && !w.startsWith('ال') && !w.startsWith('و') && !NOT_SURNAMES.has(w);
}

const PHRASE_TYPES: Record<number, Exclude<EntityType, 'DATE'>> = { 1: 'PERS', 2: 'LOC', 4: 'ORG', 8: 'MISC' };

/** One name, one type across the document: each canonical form of the model's spans takes its majority type. */
function majorityTypes(drafts: Draft[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const d of drafts) {
    if (d.source !== 'model') continue;
    const c = d.words.join(' ');
    const m = votes.get(c) ?? new Map<EntityType, number>();
    m.set(d.type, (m.get(d.type) ?? 0) + 1);
    votes.set(c, m);
  }
  for (const d of drafts) {
    const m = d.source === 'model' ? votes.get(d.words.join(' ')) : undefined;
    if (m) d.type = [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? d.type;
  }
}
