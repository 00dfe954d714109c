import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { Article, BlockKind, Dateline, TextDirection } from './article';
import { assignBlockIds } from './block-id';
import { readDate } from './dateline';
import { hash53 } from './hash';
import { detectLanguage, normaliseForMatch } from './normalise';
import { MAX_IMPORT_BYTES } from '../limits';
import { ArticleParseError, parsePlainTextArticle } from './parse-text';

/**
 * Validation and conversion of files the reader imports. Never throws: every failure is a code the
 * UI translates. HTML is reduced to plain-text blocks — no markup survives, so scripts, event
 * handlers and remote loads cannot reach the reader.
 */


export type ImportErrorCode = 'empty' | 'binary' | 'too-large' | 'no-article' | 'unsupported-type';

export type ImportResult =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly error: ImportErrorCode };

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

const fail = (error: ImportErrorCode): ImportResult => ({ ok: false, error });

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

function precheck(text: string): ImportErrorCode | undefined {
  if (text.length > MAX_IMPORT_BYTES) return 'too-large';
  if (looksBinary(text)) return 'binary';
  if (text.replace(/\uFEFF/g, '').trim() === '') return 'empty';
  return undefined;
}

export function importFromText(text: string, options: { readonly id?: string } = {}): ImportResult {
  const problem = precheck(text);
  if (problem) return fail(problem);
  try {
    return { ok: true, article: parsePlainTextArticle(text, { id: options.id ?? articleIdFor(text) }) };
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

/** UTF-8 (or UTF-16 with a BOM); Arabic text files saved by older Windows tools are windows-1256. */
function decode(bytes: Uint8Array): string | 'binary' {
  if (bytes.includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'binary';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1256').decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

export async function importFromFile(file: ImportableFile): Promise<ImportResult> {
  // Decided from metadata only: a 20 MB file must not be read into memory to be refused.
  if (file.size > MAX_IMPORT_BYTES) return fail('too-large');
  const format = importFormatOf(file);
  if (!format) return fail('unsupported-type');
  if (file.size === 0) return fail('empty');

  let text: string;
  try {
    if (file.arrayBuffer) {
      const decoded = decode(new Uint8Array(await file.arrayBuffer()));
      if (decoded === 'binary') return fail('binary');
      text = decoded;
    } else {
      text = await file.text();
    }
  } catch {
    return fail('binary');
  }

  if (format === 'text') return importFromText(text);
  const problem = precheck(text);
  if (problem) return fail(problem);
  return importFromHtml(text, { id: articleIdFor(text) });
}

const BLOCK_KINDS: Readonly<Record<string, BlockKind>> = {
  P: 'paragraph', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  FIGCAPTION: 'caption', LI: 'paragraph', PRE: 'paragraph', DT: 'paragraph', DD: 'paragraph', TD: 'paragraph',
  TH: 'paragraph', CAPTION: 'caption',
};
const CONTAINERS_OF_KIND: Readonly<Record<string, BlockKind>> = { BLOCKQUOTE: 'quote' };
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'FONT', 'DEL', 'INS',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'BUTTON', 'FORM']);

interface Draft {
  kind: BlockKind;
  text: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Only text is read from the sanitised tree: the result holds no markup at all. */
function blocksFrom(root: Node): Draft[] {
  const drafts: Draft[] = [];
  const push = (kind: BlockKind, text: string) => {
    const clean = squash(text);
    if (clean !== '') drafts.push({ kind, text: clean });
  };
  const textOf = (node: Node): string => {
    if (node.nodeType === 3) return node.nodeValue ?? '';
    if (node.nodeType !== 1) return '';
    const element = node as Element;
    if (SKIPPED.has(element.tagName.toUpperCase())) return '';
    if (element.tagName.toUpperCase() === 'BR') return ' ';
    return Array.from(node.childNodes, textOf).join('');
  };
  const walk = (node: Node, inherited: BlockKind | undefined) => {
    let run = '';
    const flush = () => {
      push(inherited ?? 'paragraph', run);
      run = '';
    };
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        run += child.nodeValue ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (INLINE.has(tag)) {
        run += textOf(child);
        continue;
      }
      flush();
      const kind = BLOCK_KINDS[tag];
      if (kind) push(inherited === 'quote' && kind === 'paragraph' ? 'quote' : kind, textOf(child));
      else walk(child, CONTAINERS_OF_KIND[tag] ?? inherited);
    }
    flush();
  };
  walk(root, undefined);
  return drafts;
}

function documentDirection(value: string | null | undefined): TextDirection | undefined {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

function documentLanguage(value: string | null | undefined): string | undefined {
  const lang = value?.trim();
  return lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) && lang.length <= 35 ? lang : undefined;
}

export function importFromHtml(html: string, options: { readonly id?: string } = {}): ImportResult {
  const problem = precheck(html);
  if (problem) return fail(problem);
  // Needs a DOM (main thread or jsdom); a worker has none.
  if (typeof DOMParser === 'undefined' || !DOMPurify.isSupported) return fail('unsupported-type');
  // A DOMParser document is inert: its scripts never run and its images are never fetched.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const docLang = documentLanguage(doc.documentElement.getAttribute('lang'));
  const docDir = documentDirection(doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir'));
  const firstH1 = squash(doc.querySelector('h1')?.textContent ?? '');

  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(doc).parse();
  } catch {
    return fail('no-article');
  }
  if (!parsed?.content) return fail('no-article');

  const clean = DOMPurify.sanitize(parsed.content, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form'] });
  let drafts = blocksFrom(clean);
  const words = drafts.reduce((n, d) => n + d.text.split(' ').length, 0);
  if (drafts.length === 0 || words < 8) return fail('no-article');

  const title = squash(parsed.title ?? '') || firstH1 || drafts[0]?.text || '';
  // Readability often keeps the headline inside the content as well.
  if (drafts[0] && normaliseForMatch(drafts[0].text) === normaliseForMatch(title)) drafts = drafts.slice(1);
  const all: Draft[] = [{ kind: 'title', text: title.slice(0, 1_000) }, ...drafts];

  const detected = detectLanguage(all.map((d) => d.text).join('\n'));
  const lang = documentLanguage(parsed.lang) ?? docLang ?? detected.lang;
  const dir = documentDirection(parsed.dir) ?? docDir ?? (lang.toLowerCase().startsWith('ar') ? 'rtl' : detected.dir);

  const published = parsed.publishedTime?.trim();
  const date = published ? readDate(published) : undefined;
  const dateline: Dateline | undefined = published ? { raw: published.slice(0, 200), ...(date ? { date } : {}) } : undefined;
  const sources = [parsed.byline, parsed.siteName].map((s) => squash(s ?? '')).filter((s) => s !== '').join(' · ');

  return {
    ok: true,
    article: {
      id: options.id ?? articleIdFor(html),
      title: all[0]?.text ?? title,
      ...(dateline ? { dateline } : {}),
      lang,
      dir,
      blocks: assignBlockIds(all),
      ...(sources ? { sources: sources.slice(0, 2_000) } : {}),
    },
  };
}
