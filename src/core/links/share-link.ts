import * as v from 'valibot';
import type { Article } from '../article/article';
import { articleSchema } from '../schema/article';
import type { Selectors } from '../annotations/anchoring';
import { deflate, fromBase64Url, inflate, InflateError, toBase64Url } from './compression';
import { absoluteLink, type Route } from './routes';
import { LINK_LIMITS } from '../limits';
import { decodeCompactText, encodeCompactText } from './compact-text';

/**
 * Share links. Everything the recipient needs travels in the URL's hash (no server), read by the app
 * itself — browsers hide `#:~:text=` text fragments from page scripts, so the syntax is our own.
 *
 * Passage link (format 2), for articles any copy of the app has (the bundled ones):
 *   #/a/<articleId>/<blockId>?q=<quote>&p=<prefix>&s=<suffix>&n=<note>&v=2
 * A quote longer than MAX_QUOTE_LENGTH travels as its first and last words, like text fragments'
 * start,end:  ?q=<first words>&qe=<last words>&p=...&s=...&v=2  and is expanded on opening.
 * Format 2 spells every text value with compact-text.ts (one character per Arabic letter instead of
 * six), then URLSearchParams-encodes it; format 1 (plain UTF-8 percent-encoding, no `v` or v=1) is
 * still read. Same fields, same context: a format-2 link is as robust as a format-1 one, about a
 * third of its length.
 *
 * Self-contained link (format 1), for imported articles only their reader's browser holds:
 *   #/s?v=1&d=<base64url(deflate(UTF-8 JSON {"v":1,"a":<Article>,"p":<passage>?}))>
 * with passage = {"b":blockId,"q":quote,"qe"?:end,"p":prefix,"s":suffix,"n"?:note}.
 * 'deflate' is zlib (RFC 1950) as produced by CompressionStream('deflate').
 *
 * Everything read from a link is untrusted: lengths are capped, decompression stops at
 * MAX_INFLATED_BYTES, the article is validated with articleSchema, and it is rendered as text only.
 */

/** The self-contained link's format. */
export const SHARE_FORMAT_VERSION = 1;
/** The passage link's format written today; PLAIN_PASSAGE_FORMAT links are still read. */
export const PASSAGE_FORMAT_VERSION = 2;
const PLAIN_PASSAGE_FORMAT = 1;
/** Target length of each end of a long quote (cut at a word boundary). */
export const QUOTE_EDGE_LENGTH = 150;
// The caps on what a link carries live with every other input limit, in core/limits.
export const MAX_QUOTE_LENGTH = LINK_LIMITS.quote;
export const MAX_CONTEXT_LENGTH = LINK_LIMITS.context;
export const MAX_NOTE_LENGTH = LINK_LIMITS.note;
export const MAX_LINK_LENGTH = LINK_LIMITS.link;
export const MAX_INFLATED_BYTES = LINK_LIMITS.inflatedBytes;

export interface SharedPassage {
  readonly blockId: string;
  /** The whole quote, or its first words when `quoteEnd` is set. */
  readonly quote: string;
  /** The last words of a long quote: the passage runs from `quote` through `quoteEnd`. */
  readonly quoteEnd?: string;
  readonly prefix: string;
  readonly suffix: string;
  /** The sharer's note: shown read-only to the recipient, never saved unless they keep it. */
  readonly note?: string;
}

// --- building ---------------------------------------------------------------------------------

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Drop a lone surrogate left at either edge by slicing (it would not survive URL encoding). */
export function trimBrokenSurrogates(text: string): string {
  let start = 0;
  let end = text.length;
  if (end > 0 && isLow(text.charCodeAt(0))) start = 1;
  if (end > start && isHigh(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The first ~`length` characters of text, ending at a word boundary when one is near. */
function head(text: string, length: number): string {
  if (text.length <= length) return text;
  const space = text.lastIndexOf(' ', length);
  const cut = space >= length / 2 ? space : length;
  return trimBrokenSurrogates(text.slice(0, cut)).trimEnd();
}

function tail(text: string, length: number): string {
  if (text.length <= length) return text;
  const from = text.length - length;
  const space = text.indexOf(' ', from);
  const cut = space >= 0 && space <= from + length / 2 ? space + 1 : from;
  return trimBrokenSurrogates(text.slice(cut)).trimStart();
}

function shortenNote(note: string): string {
  if (note.length <= MAX_NOTE_LENGTH) return note;
  return `${trimBrokenSurrogates(note.slice(0, MAX_NOTE_LENGTH - 1))}…`;
}

/** The passage to put in a link, from the selectors of a selection or a highlight. */
export function passageFromSelectors(selectors: Pick<Selectors, 'blockId' | 'quote'>, note?: string): SharedPassage {
  const { exact } = selectors.quote;
  const prefix = trimBrokenSurrogates(selectors.quote.prefix.slice(-MAX_CONTEXT_LENGTH));
  const suffix = trimBrokenSurrogates(selectors.quote.suffix.slice(0, MAX_CONTEXT_LENGTH));
  const trimmedNote = note?.trim();
  const base = { blockId: selectors.blockId, prefix, suffix, ...(trimmedNote ? { note: shortenNote(trimmedNote) } : {}) };
  if (exact.length <= MAX_QUOTE_LENGTH) return { ...base, quote: exact };
  return { ...base, quote: head(exact, QUOTE_EDGE_LENGTH), quoteEnd: tail(exact, QUOTE_EDGE_LENGTH) };
}

/** The query parameters of a passage link, in a fixed order (format 2 unless told otherwise). */
export function passageParams(passage: SharedPassage, format: 1 | 2 = PASSAGE_FORMAT_VERSION): Record<string, string> {
  const spell = format === PLAIN_PASSAGE_FORMAT ? (text: string) => text : encodeCompactText;
  const params: Record<string, string> = { q: spell(passage.quote) };
  if (passage.quoteEnd !== undefined) params.qe = spell(passage.quoteEnd);
  if (passage.prefix) params.p = spell(passage.prefix);
  if (passage.suffix) params.s = spell(passage.suffix);
  if (passage.note) params.n = spell(passage.note);
  params.v = String(format);
  return params;
}

export function passageRoute(articleId: string, passage: SharedPassage, format: 1 | 2 = PASSAGE_FORMAT_VERSION): Route {
  return { name: 'article', articleId, ...(passage.blockId ? { blockId: passage.blockId } : {}), params: passageParams(passage, format) };
}

export function passageLink(articleId: string, passage: SharedPassage, pageUrl: string, format: 1 | 2 = PASSAGE_FORMAT_VERSION): string {
  return absoluteLink(passageRoute(articleId, passage, format), pageUrl);
}

// --- reading a passage link -------------------------------------------------------------------

export type LinkProblem =
  /** A version of the link format this app does not know. */
  | 'version'
  /** Not a link this app made: bad characters, missing or impossible fields. */
  | 'malformed'
  /** Garbled or cut off (e.g. truncated when copied). */
  | 'damaged'
  /** Longer than MAX_LINK_LENGTH, or a field over its cap. */
  | 'too-large'
  /** Decompresses to more than MAX_INFLATED_BYTES. */
  | 'too-large-inflated'
  /** The article inside is not a valid article. */
  | 'invalid-article';

export type PassageParse =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly passage: SharedPassage }
  | { readonly status: 'invalid'; readonly problem: LinkProblem };

const BLOCK_ID = /^[a-z][a-z0-9-]{0,63}$/;

/** A compact spelling takes at most this many characters per character of text (an escape). */
const COMPACT_EXPANSION = 5;

/** The text values of a format-2 link, spelt back; null when one cannot be read. */
function decodeCompactParams(params: Readonly<Record<string, string>>): Record<string, string> | null {
  const limits: Record<string, number> = { q: MAX_QUOTE_LENGTH, qe: MAX_QUOTE_LENGTH, p: MAX_CONTEXT_LENGTH, s: MAX_CONTEXT_LENGTH, n: MAX_NOTE_LENGTH };
  const out: Record<string, string> = {};
  for (const [name, limit] of Object.entries(limits)) {
    const value = params[name];
    if (value === undefined) continue;
    // Refuse before decoding: no decoding work on a value that cannot be within its cap.
    if (value.length > limit * COMPACT_EXPANSION) return { ...out, [name]: value };
    const text = decodeCompactText(value);
    if (text === null) return null;
    out[name] = text;
  }
  return out;
}

/**
 * Reads a passage from an article route's block id and query parameters. 'none' when the route
 * carries no passage (no `q`). A missing `v` is read as format 1.
 */
export function parsePassageParams(blockId: string | undefined, params: Readonly<Record<string, string>> | undefined): PassageParse {
  if (!params || params.q === undefined) return { status: 'none' };
  const format = params.v === undefined ? PLAIN_PASSAGE_FORMAT : Number(params.v);
  if (params.v !== undefined && params.v !== String(PLAIN_PASSAGE_FORMAT) && params.v !== String(PASSAGE_FORMAT_VERSION)) return { status: 'invalid', problem: 'version' };
  const texts = format === PASSAGE_FORMAT_VERSION ? decodeCompactParams(params) : params;
  if (!texts) return { status: 'invalid', problem: 'malformed' };
  const { q = '', qe, p = '', s = '', n } = texts;
  if (blockId !== undefined && !BLOCK_ID.test(blockId)) return { status: 'invalid', problem: 'malformed' };
  if (q.trim() === '' || (qe !== undefined && qe.trim() === '')) return { status: 'invalid', problem: 'malformed' };
  if (q.length > MAX_QUOTE_LENGTH || (qe?.length ?? 0) > MAX_QUOTE_LENGTH) return { status: 'invalid', problem: 'too-large' };
  if (p.length > MAX_CONTEXT_LENGTH || s.length > MAX_CONTEXT_LENGTH || (n?.length ?? 0) > MAX_NOTE_LENGTH) {
    return { status: 'invalid', problem: 'too-large' };
  }
  const note = n?.trim();
  return {
    status: 'ok',
    passage: {
      blockId: blockId ?? '',
      quote: q,
      ...(qe !== undefined ? { quoteEnd: qe } : {}),
      prefix: p,
      suffix: s,
      ...(note ? { note } : {}),
    },
  };
}

// --- self-contained links ---------------------------------------------------------------------

const passageWireSchema = v.object({
  b: v.union([v.literal(''), v.pipe(v.string(), v.regex(BLOCK_ID))]),
  q: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH)),
  qe: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_QUOTE_LENGTH))),
  p: v.pipe(v.string(), v.maxLength(MAX_CONTEXT_LENGTH)),
  s: v.pipe(v.string(), v.maxLength(MAX_CONTEXT_LENGTH)),
  n: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH))),
});
type PassageWire = v.InferOutput<typeof passageWireSchema>;

function toWire(p: SharedPassage): PassageWire {
  return {
    b: p.blockId,
    q: p.quote,
    ...(p.quoteEnd !== undefined ? { qe: p.quoteEnd } : {}),
    p: p.prefix,
    s: p.suffix,
    ...(p.note ? { n: p.note } : {}),
  };
}

function fromWire(w: PassageWire): SharedPassage {
  return {
    blockId: w.b,
    quote: w.q,
    ...(w.qe !== undefined ? { quoteEnd: w.qe } : {}),
    prefix: w.p,
    suffix: w.s,
    ...(w.n?.trim() ? { note: w.n.trim() } : {}),
  };
}

/** The `d` parameter of a self-contained link. */
export async function encodeSharedArticle(article: Article, passage?: SharedPassage): Promise<string> {
  const payload = { v: SHARE_FORMAT_VERSION, a: article, ...(passage ? { p: toWire(passage) } : {}) };
  return toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(payload))));
}

export function sharedArticleRoute(data: string): Route {
  return { name: 'shared', params: { v: String(SHARE_FORMAT_VERSION), d: data } };
}

export type SharedArticleLink =
  | { readonly ok: true; readonly url: string; readonly length: number }
  | { readonly ok: false; readonly reason: 'too-large'; readonly length: number };

/** A link carrying the article itself (and the passage), or 'too-large' past MAX_LINK_LENGTH. */
export async function sharedArticleLink(article: Article, passage: SharedPassage | undefined, pageUrl: string): Promise<SharedArticleLink> {
  const url = absoluteLink(sharedArticleRoute(await encodeSharedArticle(article, passage)), pageUrl);
  return url.length <= MAX_LINK_LENGTH ? { ok: true, url, length: url.length } : { ok: false, reason: 'too-large', length: url.length };
}

export type SharedArticleResult =
  | { readonly ok: true; readonly article: Article; readonly passage?: SharedPassage }
  | { readonly ok: false; readonly problem: LinkProblem };

const payloadHeadSchema = v.object({ v: v.unknown(), a: v.unknown(), p: v.optional(v.unknown()) });

/** Reads the query parameters of a `#/s` route. Never throws. */
export async function decodeSharedArticle(params: Readonly<Record<string, string>> | undefined): Promise<SharedArticleResult> {
  const fail = (problem: LinkProblem): SharedArticleResult => ({ ok: false, problem });
  const data = params?.d;
  if (params?.v !== undefined && params.v !== String(SHARE_FORMAT_VERSION)) return fail('version');
  if (data === undefined || data === '') return fail('malformed');
  if (data.length > MAX_LINK_LENGTH) return fail('too-large');
  const bytes = fromBase64Url(data);
  if (!bytes) return fail('malformed');

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await inflate(bytes, MAX_INFLATED_BYTES));
  } catch (error) {
    return fail(error instanceof InflateError && error.reason === 'too-large-inflated' ? 'too-large-inflated' : 'damaged');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail('damaged');
  }
  const head = v.safeParse(payloadHeadSchema, value);
  if (!head.success) return fail('malformed');
  if (head.output.v !== SHARE_FORMAT_VERSION) return fail('version');
  const article = v.safeParse(articleSchema, head.output.a);
  if (!article.success) return fail('invalid-article');
  if (head.output.p === undefined) return { ok: true, article: article.output };
  const passage = v.safeParse(passageWireSchema, head.output.p);
  if (!passage.success) return fail('malformed');
  return { ok: true, article: article.output, passage: fromWire(passage.output) };
}
