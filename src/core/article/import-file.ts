import type { Article } from './article';
import { checkFits, visibleLength, type FitProblem } from './fit-limits';
import { hash53 } from './hash';
import { decodeBytes } from './html/encoding';
import { parseHtmlArticle, type DroppedReport, type ParseStage } from './html/html-article';
import { ARTICLE_LIMITS, MAX_IMPORT_BYTES } from '../limits';
import { ArticleParseError, parsePlainTextArticle } from './parse-text';

/**
 * Validation and conversion of files the reader imports. Never throws: every failure is a code the
 * UI translates. HTML is reduced to plain-text blocks — no markup survives, so scripts, event
 * handlers and remote loads cannot reach the reader. Whatever is returned as ok is an article the
 * store accepts (core/limits, checked against the article schema before it is handed back).
 */


export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'no-article'
  | 'unsupported-type'
  | 'too-deep'
  | 'too-many-blocks'
  | 'too-long';

/** Figures for the message: how many blocks or characters, and the limit. */
export interface ImportErrorDetail {
  readonly count: number;
  readonly limit: number;
}

/** What the preview shows beside the article: what was dropped, the site's name and the page's address. */
export interface ImportExtras {
  readonly dropped: DroppedReport;
  readonly siteName?: string;
  readonly pageUrl?: string;
}

export type ImportResult =
  | { readonly ok: true; readonly article: Article; readonly extras: ImportExtras }
  | { readonly ok: false; readonly error: ImportErrorCode; readonly detail?: ImportErrorDetail };

/** What importFromFile needs of a File (so tests can pass plain objects). */
export interface ImportableFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  text(): Promise<string>;
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export type ImportFormat = 'text' | 'html';

/** Stable id for imported content: importing the same file twice gives the same article. */
export function articleIdFor(text: string): string {
  return `imp-${hash53(text).toString(36)}`;
}

const fail = (error: ImportErrorCode, detail?: ImportErrorDetail): ImportResult => ({ ok: false, error, ...(detail ? { detail } : {}) });

/** NUL anywhere, or more than a sliver of control characters / undecodable bytes. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let bad = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) {
      bad += 1;
    }
  }
  return sample.length > 0 && bad / sample.length > 0.02;
}

/** A page's source pasted into the text box: a doctype or <html>, or text that is mostly tags. */
export function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1_000).toLowerCase();
  if (/^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]|^<meta\s/.test(start)) return true;
  if (!start.startsWith('<')) return false;
  const sample = text.slice(0, 20_000);
  const tags = sample.match(/<\/?(?:p|div|span|a|br|h[1-6]|article|section|li|ul|img|figure|strong|em|b|i)\b[^>]*>/gi)?.length ?? 0;
  return tags >= 3;
}

function nonEmptyLines(text: string): number {
  let count = 0;
  let blank = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) blank = true;
    else if (blank && c !== 32 && c !== 9) {
      count += 1;
      blank = false;
    }
  }
  return count;
}

function precheck(text: string): ImportErrorCode | undefined {
  if (text.length > MAX_IMPORT_BYTES) return 'too-large';
  if (looksBinary(text)) return 'binary';
  if (text.replace(/\uFEFF/g, '').trim() === '') return 'empty';
  return undefined;
}

function fitted(article: Article, extras: ImportExtras): ImportResult {
  const problem: FitProblem | undefined = checkFits(article);
  if (!problem) return { ok: true, article, extras };
  if (problem.code === 'invalid') return fail('no-article');
  return fail(problem.code, { count: problem.count, limit: problem.limit });
}

/** Pasted text: a page's HTML source goes through the HTML path, anything else through the text parser. */
export function importFromText(text: string, options: HtmlImportOptions = {}): ImportResult {
  const problem = precheck(text);
  if (problem) return fail(problem);
  if (looksLikeHtml(text)) return importFromHtml(text, options);
  // Refused before parsing: more letters than an article may hold cannot fit whatever the parser does.
  const letters = visibleLength(text);
  if (letters > ARTICLE_LIMITS.totalTextLength) return fail('too-long', { count: letters, limit: ARTICLE_LIMITS.totalTextLength });
  // Twice the block limit in lines cannot fit even if every other line were page furniture.
  const lines = nonEmptyLines(text);
  if (lines > 2 * ARTICLE_LIMITS.maxBlocks) return fail('too-many-blocks', { count: lines, limit: ARTICLE_LIMITS.maxBlocks });
  try {
    const dropped: string[] = [];
    const article = parsePlainTextArticle(text, { id: options.id ?? articleIdFor(text), dropped });
    return fitted(article, { dropped: { hidden: [], hiddenCount: 0, furniture: dropped.slice(0, 20), furnitureCount: dropped.length } });
  } catch (error) {
    if (error instanceof ArticleParseError) return fail(error.code === 'empty' ? 'empty' : 'no-article');
    return fail('no-article');
  }
}

/** .txt / .html by extension, else by MIME type; anything else is unsupported. */
export function importFormatOf(file: Pick<ImportableFile, 'name' | 'type'>): ImportFormat | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension === 'txt' || extension === 'text') return 'text';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  if (extension !== undefined && extension.length <= 5 && !/^\d+$/.test(extension)) return undefined;
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/plain') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return undefined;
}

export async function importFromFile(file: ImportableFile, options: Pick<HtmlImportOptions, 'onStage'> = {}): Promise<ImportResult> {
  // Decided from metadata only: a 20 MB file must not be read into memory to be refused.
  if (file.size > MAX_IMPORT_BYTES) return fail('too-large');
  const format = importFormatOf(file);
  if (!format) return fail('unsupported-type');
  if (file.size === 0) return fail('empty');

  let text: string;
  try {
    if (file.arrayBuffer) {
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()), format);
      if (decoded === 'binary') return fail('binary');
      text = decoded.text;
    } else {
      text = await file.text();
    }
  } catch {
    return fail('binary');
  }

  if (format === 'text') return importFromText(text, options);
  return importFromHtml(text, { ...options, id: articleIdFor(text) });
}

export interface HtmlImportOptions {
  readonly id?: string;
  /** Where the page came from (the bookmarklet): kept in the article's sources. */
  readonly url?: string;
  /** Told as the parse moves on (for the progress shown during long imports). */
  readonly onStage?: (stage: ParseStage) => void;
}

export function importFromHtml(html: string, options: HtmlImportOptions = {}): ImportResult {
  const problem = precheck(html);
  if (problem) return fail(problem);
  const parsed = parseHtmlArticle(html, {
    id: options.id ?? articleIdFor(html),
    ...(options.url ? { url: options.url } : {}),
    ...(options.onStage ? { onStage: options.onStage } : {}),
  });
  if (!parsed.ok) return fail(parsed.error, parsed.detail);
  return fitted(parsed.article, parsed.extras ?? { dropped: { hidden: [], hiddenCount: 0, furniture: [], furnitureCount: 0 } });
}
