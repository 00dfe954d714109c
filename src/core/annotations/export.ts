import * as v from 'valibot';
import type { Article } from '../article/article';
import { normalizeTags, validateAnnotation, type Annotation } from './annotation';
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

/**
 * Escape everything Markdown (CommonMark + GFM) or embedded HTML could read as syntax, so a note
 * can never become a link, an image, a heading or HTML. Leading spaces would start a code block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/^[ \t]+/, '').replace(/[\\`*_{}[\]()<>#+\-.!|~=&:"']/g, (ch) => `\\${ch}`))
    .join('\n');
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
  if (annotation.tags.length > 0) parts.push(`${labels.tags}: ${annotation.tags.map((t) => `\\#${escapeMarkdown(t)}`).join(' ')}`);
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

function fromWebAnnotation(item: unknown): { ok: true; annotation: Annotation } | { ok: false; reason: string } {
  const parsed = v.safeParse(importItemSchema, item);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
  }
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
    tags: normalizeTags(rawTags),
    created: w.created,
    modified: w.modified ?? w.created,
  };
  if (rawTags.length > 30) return { ok: false, reason: 'tags: too many tags' };
  return validateAnnotation(candidate);
}

function isTyped(value: unknown, type: string): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}

export interface ImportReport {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly { readonly index: number; readonly reason: string }[];
}

export interface ImportResult {
  readonly report: ImportReport;
  /** `existing` with the imported annotations merged in (newer `modified` wins), in reading order. */
  readonly annotations: Annotation[];
  /** Only the annotations that were added or updated: what needs saving. */
  readonly changed: Annotation[];
}

/** Validate a JSON-LD export (a collection, or a bare array of annotations) and merge it by id. */
export function importAnnotationsJson(json: unknown, existing: readonly Annotation[]): ImportResult {
  const items: unknown[] | null = Array.isArray(json)
    ? json
    : typeof json === 'object' && json !== null && Array.isArray((json as { items?: unknown }).items)
      ? (json as { items: unknown[] }).items
      : null;
  if (!items) {
    return {
      report: { added: 0, updated: 0, unchanged: 0, rejected: [{ index: -1, reason: 'not an AnnotationCollection' }] },
      annotations: [...existing],
      changed: [],
    };
  }
  const merged = new Map(existing.map((a) => [a.id, a]));
  const changed = new Map<string, Annotation>();
  const rejected: { index: number; reason: string }[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  items.forEach((item, index) => {
    const result = fromWebAnnotation(item);
    if (!result.ok) {
      rejected.push({ index, reason: result.reason });
      return;
    }
    const incoming = result.annotation;
    const current = merged.get(incoming.id);
    if (!current) added += 1;
    else if (Date.parse(incoming.modified) > Date.parse(current.modified)) {
      // An id added (or already updated) earlier in this same import is counted once.
      if (!changed.has(incoming.id)) updated += 1;
    } else {
      unchanged += 1;
      return;
    }
    merged.set(incoming.id, incoming);
    changed.set(incoming.id, incoming);
  });
  return {
    report: { added, updated, unchanged, rejected },
    annotations: sortByReadingOrder([...merged.values()]),
    changed: [...changed.values()],
  };
}
