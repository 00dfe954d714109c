import * as v from 'valibot';
import type { Article } from '../article/article';
import { hash53 } from '../article/hash';
import { ANNOTATION_LIMITS, IMPORT_LIMITS } from '../limits';
import { type Annotation } from './annotation';
import { normaliseTags } from '../schema/tags';
import { validateAnnotation } from '../schema/annotation';
import { anchor, CONTEXT_LENGTH, describe, isOrphan, type Selectors } from './anchoring';
import { sortByReadingOrder } from './search';

/**
 * Export to Markdown (for people) and to W3C Web Annotation JSON-LD (for tools, and for moving notes
 * between browsers), and import of that JSON back, merged by id.
 */

export type LinkFor = (annotation: Annotation) => string;

export interface ArticleNotes {
  readonly article: Pick<Article, 'id' | 'title' | 'dateline'>;
  readonly annotations: readonly Annotation[];
}

export interface MarkdownLabels {
  readonly tags: string;
  readonly link: string;
}

const DEFAULT_LABELS: MarkdownLabels = { tags: 'Tags', link: 'Open in article' };

// A link in a note stays a link: written as an autolink (<https://…>), which needs no escaping.
const URL_IN_TEXT = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?،؛)\]'»”]/g;
// Characters that can start inline syntax anywhere: code, emphasis, links and images, HTML, strikethrough, tables.
const INLINE_SYNTAX = /[\\`*_[\]<>~|]/g;
// Entities (&amp; &#38;) would be decoded.
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, (ch) => `\\${ch}`).replace(ENTITY, '\\&');
}

/** Escape at the start of a line what would make it a heading, quote, list item, rule or setext underline. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^([>+-])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^(=+|-+)\s*$/, (m) => `\\${m}`);
}

/**
 * Escape only what Markdown (CommonMark + GFM) would read as syntax, so a note keeps its meaning
 * and reads naturally in the file: no link, image, heading, list, HTML or code can come from it,
 * and http(s) addresses stay links. Leading spaces (a code block) are dropped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => {
      const trimmed = line.replace(/^[ \t]+/, '');
      let out = '';
      let from = 0;
      for (const match of trimmed.matchAll(URL_IN_TEXT)) {
        const at = match.index ?? 0;
        out += `${escapeInline(trimmed.slice(from, at))}<${match[0]}>`;
        from = at + match[0].length;
      }
      return escapeLineStart(out + escapeInline(trimmed.slice(from)));
    })
    .join('\n');
}

/** A file name that reads like the title it comes from: only what file systems forbid is removed. */
export function readableFileName(base: string, extension: string): string {
  const clean = Array.from(base, (ch) => (ch.charCodeAt(0) < 0x20 || ch === '\u007f' ? ' ' : ch))
    .join('')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  const short = clean.length <= 80 ? clean : clean.slice(0, clean.lastIndexOf(' ', 80) > 40 ? clean.lastIndexOf(' ', 80) : 80).trim();
  return `${short || 'hashiya'}.${extension}`;
}

/** A URL safe inside `(<...>)`: no spaces, angle brackets or line breaks. */
function safeUrl(url: string): string {
  return url.replace(/[\s<>()\\]/g, (ch) => encodeURIComponent(ch));
}

/** Multi-line text as Markdown lines that keep their breaks (backslash hard breaks). */
function markdownLines(text: string): string[] {
  return escapeMarkdown(text)
    .split('\n')
    .map((line, i, all) => (i < all.length - 1 && line && all[i + 1] ? `${line}\\` : line));
}

function annotationToMarkdown(annotation: Annotation, linkFor: LinkFor, labels: MarkdownLabels): string {
  const parts: string[] = [];
  parts.push(markdownLines(annotation.target.selectors[0].exact).map((line) => (line ? `> ${line}` : '>')).join('\n'));
  if (annotation.note.trim()) parts.push(markdownLines(annotation.note.trim()).join('\n'));
  if (annotation.tags.length > 0) parts.push(`${labels.tags}: ${annotation.tags.map((t) => `#${escapeMarkdown(t)}`).join(' ')}`);
  parts.push(`[${escapeMarkdown(labels.link)}](<${safeUrl(linkFor(annotation))}>)`);
  return parts.join('\n\n');
}

/** One article's notes: title, dateline, then each quote with its note, tags and a link back. */
export function articleNotesToMarkdown(notes: ArticleNotes, linkFor: LinkFor, labels: MarkdownLabels = DEFAULT_LABELS): string {
  const head = [`# ${escapeMarkdown(notes.article.title).replace(/\n/g, ' ')}`];
  if (notes.article.dateline) head.push(escapeMarkdown(notes.article.dateline.raw).replace(/\n/g, ' '));
  const body = sortByReadingOrder(notes.annotations).map((a) => annotationToMarkdown(a, linkFor, labels));
  return `${[head.join('\n\n'), ...body].join('\n\n---\n\n')}\n`;
}

/** Several articles' notes in one document (the notebook export). */
export function notebookToMarkdown(articles: readonly ArticleNotes[], linkFor: LinkFor, labels: MarkdownLabels = DEFAULT_LABELS): string {
  return articles
    .filter((a) => a.annotations.length > 0)
    .map((a) => articleNotesToMarkdown(a, linkFor, labels))
    .join('\n')
    .concat('');
}

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly purpose: 'commenting' | 'tagging';
  readonly format?: 'text/plain';
}

export interface WebAnnotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'highlighting' | 'commenting';
  readonly created: string;
  readonly modified: string;
  readonly body: readonly TextualBody[];
  readonly target: {
    readonly source: string;
    readonly selector: Annotation['target']['selectors'];
  };
  /** What the W3C model has no field for; other tools ignore it. */
  readonly hashiya: { readonly articleId: string; readonly blockId: string; readonly color: Annotation['color'] };
}

export interface WebAnnotationCollection {
  readonly '@context': typeof ANNO_CONTEXT;
  readonly type: 'AnnotationCollection';
  readonly total: number;
  readonly items: readonly WebAnnotation[];
}

const URN = 'urn:uuid:';

export function toWebAnnotation(annotation: Annotation, linkFor: LinkFor): WebAnnotation {
  const body: TextualBody[] = [];
  if (annotation.note) body.push({ type: 'TextualBody', value: annotation.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return {
    id: `${URN}${annotation.id}`,
    type: 'Annotation',
    motivation: annotation.note ? 'commenting' : 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    body,
    target: { source: linkFor(annotation), selector: annotation.target.selectors },
    hashiya: { articleId: annotation.articleId, blockId: annotation.target.blockId, color: annotation.color },
  };
}

export function toWebAnnotationCollection(annotations: readonly Annotation[], linkFor: LinkFor): WebAnnotationCollection {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    total: annotations.length,
    items: sortByReadingOrder(annotations).map((a) => toWebAnnotation(a, linkFor)),
  };
}

// Import is lenient about shape (other tools' extra fields are ignored) and strict about content.
const bodySchema = v.object({ type: v.optional(v.string()), value: v.string(), purpose: v.optional(v.string()) });
const importItemSchema = v.object({
  id: v.string(),
  type: v.optional(v.union([v.literal('Annotation'), v.array(v.string())])),
  created: v.string(),
  modified: v.optional(v.string()),
  body: v.optional(v.union([bodySchema, v.array(bodySchema)])),
  target: v.object({ selector: v.array(v.unknown()) }),
  hashiya: v.object({ articleId: v.string(), blockId: v.string(), color: v.string() }),
});

type Converted = { ok: true; annotation: Annotation } | { ok: false; reason: string; source?: string; fitsReading?: boolean };

function issueReason(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue?.message ?? ''}` : (issue?.message ?? 'invalid');
}

function fromHashiyaAnnotation(item: unknown): Converted {
  const parsed = v.safeParse(importItemSchema, item);
  if (!parsed.success) return { ok: false, reason: issueReason(parsed.issues) };
  const w = parsed.output;
  const bodies = w.body === undefined ? [] : Array.isArray(w.body) ? w.body : [w.body];
  const note = bodies
    .filter((b) => b.purpose !== 'tagging')
    .map((b) => b.value)
    .join('\n\n');
  const rawTags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value);
  const quote = w.target.selector.find((s) => isTyped(s, 'TextQuoteSelector'));
  const position = w.target.selector.find((s) => isTyped(s, 'TextPositionSelector'));
  if (!quote || !position) return { ok: false, reason: 'target.selector: needs a TextQuoteSelector and a TextPositionSelector' };
  const candidate = {
    id: w.id.startsWith(URN) ? w.id.slice(URN.length) : w.id,
    articleId: w.hashiya.articleId,
    target: { blockId: w.hashiya.blockId, selectors: [quote, position] },
    color: w.hashiya.color,
    note,
    tags: normaliseTags(rawTags),
    created: w.created,
    modified: w.modified ?? w.created,
  };
  if (rawTags.length > 30) return { ok: false, reason: 'tags: too many tags' };
  return validateAnnotation(candidate);
}

function isTyped(value: unknown, type: string): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

// Standard Web Annotations from other tools: Recogito's W3C export (target.source, body list) and
// Hypothesis's API/JSON export (uri, text, tags, target[].selector with RangeSelector, which is ignored).
const foreignTargetSchema = v.object({ source: v.optional(v.string()), selector: v.optional(v.unknown()) });
const foreignItemSchema = v.object({
  id: v.optional(v.union([v.string(), v.number()])),
  created: v.optional(v.string()),
  modified: v.optional(v.string()),
  updated: v.optional(v.string()),
  uri: v.optional(v.string()),
  text: v.optional(v.string()),
  tags: v.optional(v.array(v.unknown())),
  body: v.optional(v.unknown()),
  // The array first: valibot's object schema would take an array as an empty object.
  target: v.union([v.array(foreignTargetSchema), foreignTargetSchema]),
});

export interface ImportOptions {
  /** Articles standard annotations are matched to by source URL (the http(s) addresses in their sources) and anchored in. */
  readonly articles?: readonly Pick<Article, 'id' | 'blocks' | 'sources'>[];
  /**
   * The article being read (a bundled one too): standard annotations whose source matches no
   * article but whose quotes anchor in it are counted (`fitReading`), so it can be offered as their
   * target; it is matched by source URL like the others, and may be chosen.
   */
  readonly reading?: Pick<Article, 'id' | 'blocks' | 'sources'>;
  /** Where standard annotations whose source matches no article go, when the reader chose. */
  readonly chosenArticleId?: string;
  /** Stands in for a missing created date (for tests). */
  readonly now?: Date;
}

/** Comparable form of a page address: no scheme, no "www.", no fragment, no trailing slash. */
export function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.host.replace(/^www\./, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return undefined;
  }
}

function timestamp(value: string | undefined, fallback: string): string | undefined {
  if (value === undefined) return fallback;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A stable id of our own shape for another tool's id (URL, "#uuid", number): the same file imports to the same ids. */
function foreignId(raw: string | number | undefined, fallback: string): string {
  const text = String(raw ?? '').trim();
  const tail = text.replace(/^urn:uuid:/i, '').split(/[/#]/).filter((p) => p !== '').pop() ?? '';
  const clean = tail.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 100);
  return `ext-${clean || hash53(text || fallback).toString(36)}`;
}

function bodyParts(body: unknown): { notes: string[]; tags: string[] } {
  const notes: string[] = [];
  const tags: string[] = [];
  for (const b of Array.isArray(body) ? body : body === undefined ? [] : [body]) {
    if (typeof b === 'string') notes.push(b);
    if (typeof b !== 'object' || b === null) continue;
    const { value, purpose } = b as { value?: unknown; purpose?: unknown };
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (purpose === 'tagging') tags.push(value);
    else if (purpose === undefined || purpose === 'commenting' || purpose === 'describing' || purpose === 'replying') notes.push(value);
  }
  return { notes, tags };
}

type Target = Pick<Article, 'id' | 'blocks'>;

function fromForeignAnnotation(item: unknown, index: number, options: ImportOptions, byUrl: ReadonlyMap<string, Target>, chosen: Target | undefined): Converted {
  const parsed = v.safeParse(foreignItemSchema, item);
  if (!parsed.success) return { ok: false, reason: issueReason(parsed.issues) };
  const w = parsed.output;
  const targets = Array.isArray(w.target) ? w.target : [w.target];
  const selectors = targets.flatMap((t) => (Array.isArray(t.selector) ? t.selector : t.selector === undefined ? [] : [t.selector]));
  const quote = selectors.find((s) => isTyped(s, 'TextQuoteSelector')) as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
  const position = selectors.find((s) => isTyped(s, 'TextPositionSelector')) as { start?: unknown; end?: unknown } | undefined;
  if (!quote || typeof quote.exact !== 'string' || quote.exact.trim() === '') return { ok: false, reason: 'target.selector: needs a TextQuoteSelector with the quoted text' };

  const start = typeof position?.start === 'number' && Number.isInteger(position.start) && position.start >= 0 ? position.start : 0;
  const exact = quote.exact.slice(0, ANNOTATION_LIMITS.quote);
  const given: Selectors = {
    blockId: '',
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix.slice(-CONTEXT_LENGTH) : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix.slice(0, CONTEXT_LENGTH) : '',
    },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  };

  const source = targets.map((t) => t.source).find((s) => s !== undefined) ?? w.uri ?? '';
  const article = byUrl.get(urlKey(source) ?? '') ?? chosen;
  if (!article) {
    const fitsReading = options.reading !== undefined && !isOrphan(anchor(options.reading, given));
    return { ok: false, reason: `no article in your library has this source: ${source.slice(0, 200) || '(none)'}`, source, fitsReading };
  }

  // The same path as our own notes: position, quote, fuzzy; an orphan keeps what it was given.
  const placed = anchor(article, given);
  const selected = isOrphan(placed) ? given : describe(article, placed);

  const { notes, tags } = bodyParts(w.body);
  if (w.text?.trim()) notes.unshift(w.text);
  const rawTags = [...tags, ...(w.tags ?? []).filter((t): t is string => typeof t === 'string')];
  if (rawTags.length > ANNOTATION_LIMITS.tags) return { ok: false, reason: 'tags: too many tags' };
  const now = (options.now ?? new Date()).toISOString();
  const created = timestamp(w.created, now);
  const modified = timestamp(w.modified ?? w.updated, created ?? now);
  if (!created || !modified) return { ok: false, reason: 'created: not a date' };
  return validateAnnotation({
    id: foreignId(w.id, `${source}#${index}#${exact}`),
    articleId: article.id,
    target: { blockId: selected.blockId, selectors: [selected.quote, selected.position] },
    color: 'yellow',
    note: notes.join('\n\n'),
    tags: normaliseTags(rawTags),
    created,
    modified,
  });
}

export interface ImportReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly { readonly index: number; readonly reason: string }[];
  /** Sources of standard annotations that matched no article (the reader may choose one). */
  readonly unmatchedSources?: readonly string[];
  /** How many of those anchor in the article being read (ImportOptions.reading), which may then be offered. */
  readonly fitReading?: number;
}

export interface ImportResult {
  readonly report: ImportReport;
  /** Only the annotations that were added or updated: what needs saving. */
  readonly changed: Annotation[];
}

function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return null;
  const { items, rows, first } = json as { items?: unknown; rows?: unknown; first?: unknown };
  if (Array.isArray(items)) return items;
  // Hypothesis's search API answers { rows: [...] }; an AnnotationPage may sit in "first".
  if (Array.isArray(rows)) return rows;
  if (typeof first === 'object' && first !== null && Array.isArray((first as { items?: unknown }).items)) return (first as { items: unknown[] }).items;
  if ((json as { type?: unknown }).type === 'Annotation') return [json];
  return null;
}

/** A notes file read and checked, before it meets what is stored: runs in the notes-import worker. */
export interface ConvertedNotes {
  /** The valid items, in file order (an id may come more than once). */
  readonly annotations: Annotation[];
  readonly rejected: readonly { readonly index: number; readonly reason: string }[];
  /** Sources of standard annotations that matched no article (the reader may choose one). */
  readonly unmatchedSources: readonly string[];
  /** How many of those anchor in the article being read. */
  readonly fitReading: number;
}

/** Read a JSON-LD export (ours, Recogito's or Hypothesis's): each item validated on its own. */
export function convertNotesFile(json: unknown, options: ImportOptions = {}): ConvertedNotes {
  const items = itemsOf(json);
  if (!items) return { annotations: [], rejected: [{ index: -1, reason: 'not an AnnotationCollection' }], unmatchedSources: [], fitReading: 0 };
  const candidates = [...(options.articles ?? []), ...(options.reading ? [options.reading] : [])];
  const chosen = candidates.find((a) => a.id === options.chosenArticleId);
  const byUrl = new Map<string, Target>();
  for (const article of candidates) {
    for (const url of article.sources?.match(/https?:\/\/[^\s·]+/g) ?? []) {
      const key = urlKey(url);
      if (key && !byUrl.has(key)) byUrl.set(key, article);
    }
  }
  const annotations: Annotation[] = [];
  const rejected: { index: number; reason: string }[] = [];
  const unmatched = new Set<string>();
  let fitReading = 0;
  for (let index = 0; index < items.length; index += 1) {
    if (index >= IMPORT_LIMITS.notesPerFile) {
      rejected.push({ index, reason: `more than ${IMPORT_LIMITS.notesPerFile} annotations in one file: the rest were not read` });
      break;
    }
    const item = items[index];
    const result = typeof item === 'object' && item !== null && 'hashiya' in item ? fromHashiyaAnnotation(item) : fromForeignAnnotation(item, index, options, byUrl, chosen);
    if (result.ok) annotations.push(result.annotation);
    else {
      rejected.push({ index, reason: result.reason });
      if (result.source !== undefined) unmatched.add(result.source);
      if (result.fitsReading) fitReading += 1;
    }
  }
  return { annotations, rejected, unmatchedSources: [...unmatched], fitReading };
}

/**
 * Merge checked notes into what is stored, by id (newer `modified` wins), one slice at a time: a
 * generator that yields after each slice so a caller can give the main thread back.
 */
function* mergeSteps(converted: ConvertedNotes, existing: readonly Annotation[], sliceSize: number): Generator<void, ImportResult & { merged: ReadonlyMap<string, Annotation> }> {
  const merged = new Map(existing.map((a) => [a.id, a]));
  const changed = new Map<string, Annotation>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const [index, incoming] of converted.annotations.entries()) {
    if (index > 0 && index % sliceSize === 0) yield;
    const current = merged.get(incoming.id);
    if (!current) added += 1;
    // Every item is counted once in the report: a newer copy of an id this same file already added
    // counts as an update, so the figures always add up to the items read.
    else if (Date.parse(incoming.modified) > Date.parse(current.modified)) updated += 1;
    else {
      unchanged += 1;
      continue;
    }
    merged.set(incoming.id, incoming);
    changed.set(incoming.id, incoming);
  }
  const { rejected, unmatchedSources, fitReading } = converted;
  return {
    report: { added, updated, unchanged, rejected, ...(unmatchedSources.length > 0 ? { unmatchedSources } : {}), ...(fitReading > 0 ? { fitReading } : {}) },
    changed: [...changed.values()],
    merged,
  };
}

/**
 * Validate a JSON-LD export (ours, Recogito's or Hypothesis's) and merge it by id, in one go; with
 * `annotations`, `existing` with the file merged in (newer `modified` wins), in reading order.
 */
export function importAnnotationsJson(json: unknown, existing: readonly Annotation[], options: ImportOptions = {}): ImportResult & { readonly annotations: Annotation[] } {
  const steps = mergeSteps(convertNotesFile(json, options), existing, Number.MAX_SAFE_INTEGER);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      const { report, changed, merged } = step.value;
      return { report, changed, annotations: sortByReadingOrder([...merged.values()]) };
    }
  }
}

/** Merge a checked file into `existing`, giving the main thread back (`pause`) between slices of `sliceSize` items. */
export async function mergeNotesInSlices(
  converted: ConvertedNotes,
  existing: readonly Annotation[],
  pause: () => Promise<void>,
  sliceSize: number = IMPORT_LIMITS.notesPerSlice,
): Promise<ImportResult> {
  const steps = mergeSteps(converted, existing, sliceSize);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { report: step.value.report, changed: step.value.changed };
    await pause();
  }
}
