import type { Article } from './article';
import type { BundledEntry } from './bundled';
import { assignBlockIds } from './block-id';
import { looksLikeDateline, parseDateline, splitWireDateline } from './dateline';
import { fitDrafts, type Draft } from './fit-limits';
import { spellingForm } from '../text/fold';
import { detectLanguage } from './language';
import { countWords } from './summary';

/**
 * Plain-text articles as they come out of Arabic news sites (copy-paste or "save as text"): one
 * paragraph per line, a dateline on top, the title printed twice, share/"read more" buttons, a
 * photo caption with the teaser glued under it, short section headings, and "المصادر:" at the end.
 * Whatever is not recognised becomes a paragraph: apart from page furniture nothing is dropped.
 */

export type ArticleParseErrorCode = 'empty' | 'no-content';

export class ArticleParseError extends Error {
  readonly code: ArticleParseErrorCode;
  constructor(code: ArticleParseErrorCode, message?: string) {
    super(message ?? `article parse error: ${code}`);
    this.name = 'ArticleParseError';
    this.code = code;
  }
}

export interface ParseOptions {
  readonly id: string;
  /** Receives the page-furniture lines that were dropped (for the import preview). */
  readonly dropped?: string[];
}

interface Line {
  readonly text: string;
  /** Directly under the previous line, with no blank line between: a caption's teaser is glued. */
  readonly glued: boolean;
}

// Compared after spellingForm and with trailing punctuation/arrows removed.
const FURNITURE = new Set([
  'شارك', 'شارك القصة', 'شارك الخبر', 'شارك المقال', 'شارك المقالة', 'شارك هذا المقال', 'شارك الموضوع', 'مشاركة',
  'شارك عبر', 'تابع القراءة', 'اقرا المزيد', 'المزيد', 'اقرا ايضا', 'اقرا كذلك', 'طالع ايضا', 'قد يهمك ايضا',
  'طباعة', 'نسخ الرابط', 'تم نسخ الرابط', 'اعلان', 'فيسبوك', 'تويتر', 'واتساب', 'تلغرام',
  'share', 'share this', 'share this article', 'share this story', 'share story', 'share article', 'read more',
  'continue reading', 'read also', 'more', 'print', 'copy link', 'link copied', 'advertisement',
  'facebook', 'twitter', 'whatsapp', 'telegram', 'email', 'x',
  // One-line teasers pointing at the text below: not headings.
  'التفاصيل', 'التفاصيل بالاسفل', 'التفاصيل في الاسفل', 'التفاصيل ادناه', 'التفاصيل في الداخل', 'تفاصيل اكثر',
  'المزيد من التفاصيل', 'اقرا التفاصيل', 'التفاصيل كاملة', 'details below', 'more details',
]);

export const SOURCES_LABEL = /^\s*(?:المصادر|المصدر|مصادر|sources?)\s*[:：]\s*(.*)$/i;
const CAPTION_MARK = /\(\s*(?:ال)?صور[ةه]?\s*[:：]|\(\s*(?:photos?|images?|pictures?|photograph)(?:\s+credit)?\s*[:：]/i;
const FINAL_PUNCTUATION = /[.!?؟…:;؛،,]$/;
const CLOSERS = /["'”’»)\]]+$/;
const SOURCES_MAX_LINES = 6;
const HEADING_MAX_WORDS = 8;
const HEADING_MAX_CHARS = 70;
const LEAD_MAX_WORDS = 80;

function furnitureKey(line: string): string {
  return spellingForm(line).replace(/[\s.:…>»«›‹→←|\-–—]+$/u, '').replace(/^[\s<«‹→←|\-–—]+/u, '');
}

export function isFurnitureLine(line: string): boolean {
  return line.length <= 40 && FURNITURE.has(furnitureKey(line));
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let glued = false;
  for (const rawLine of text.replace(/\uFEFF/g, '').split(/\r\n?|\n|\u2028|\u2029/)) {
    const line = rawLine.replace(/[ \t\f\v]+/g, ' ').trim();
    if (line === '') {
      glued = false;
      continue;
    }
    lines.push({ text: line, glued });
    glued = true;
  }
  return lines;
}

function isCaption(line: string): boolean {
  return CAPTION_MARK.test(line);
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** A whole paragraph inside one pair of quotation marks (a final stop may follow the closer). */
function isQuoteLine(line: string): boolean {
  const open = line[0];
  if (open === undefined) return false;
  const close = QUOTE_PAIRS[open];
  if (close === undefined) return false;
  const body = line.replace(/[.!?؟…]+$/u, '');
  if (body.length < 3 || !body.endsWith(close)) return false;
  const inner = body.slice(1, -1);
  return !inner.includes(close) && !inner.includes(open) && countWords(inner) >= 3;
}

function isHeadingLike(line: string): boolean {
  if (line.length > HEADING_MAX_CHARS || countWords(line) > HEADING_MAX_WORDS) return false;
  if (isCaption(line) || SOURCES_LABEL.test(line)) return false;
  return !FINAL_PUNCTUATION.test(line.replace(CLOSERS, ''));
}

export function parsePlainTextArticle(text: string, options: ParseOptions): Article {
  if (text.replace(/\uFEFF/g, '').trim() === '') throw new ArticleParseError('empty');
  const all = splitLines(text);

  let start = 0;
  const first = all[0];
  // A dateline needs something under it to be a dateline of; alone it is the title.
  const dateline = first && all.length > 1 && looksLikeDateline(first.text) ? parseDateline(first.text) : undefined;
  if (dateline) start = 1;

  // Sources: the last label line, if only a few short lines follow it.
  let end = all.length;
  let sources: string | undefined;
  for (let i = all.length - 1; i > start; i -= 1) {
    const match = SOURCES_LABEL.exec(all[i]?.text ?? '');
    if (!match) continue;
    const rest = all.slice(i + 1).map((l) => l.text).filter((l) => !isFurnitureLine(l));
    if (rest.length <= SOURCES_MAX_LINES) {
      const parts = [match[1] ?? '', ...rest].map((s) => s.trim()).filter((s) => s !== '');
      if (parts.length > 0) sources = parts.join(' · ');
      end = i;
    }
    break;
  }

  const content = all.slice(start, end).filter((l) => {
    if (!isFurnitureLine(l.text)) return true;
    options.dropped?.push(l.text);
    return false;
  });
  const titleLine = content[0];
  if (!titleLine) {
    if (dateline) return build(options.id, [{ kind: 'title', text: dateline.raw }], undefined, sources);
    if (sources !== undefined) return build(options.id, [{ kind: 'title', text: sources }], undefined, undefined);
    throw new ArticleParseError('no-content');
  }

  let body = content.slice(1);
  // Sites print the title twice (page header, then article header).
  if (body[0] && spellingForm(body[0].text) === spellingForm(titleLine.text)) body = body.slice(1);
  // Copied from a page, the date line often sits under the headline rather than above it.
  let date = dateline;
  if (!date && body.length > 1 && body[0] && looksLikeDateline(body[0].text)) {
    date = parseDateline(body[0].text);
    body = body.slice(1);
  }

  // Wire copy opens its first paragraph with the dateline: "القاهرة (رويترز) - قال…".
  const wireAt = body.findIndex((l) => !isCaption(l.text));
  const wire = wireAt >= 0 && wireAt < 3 ? splitWireDateline(body[wireAt]?.text ?? '') : undefined;
  if (wire) {
    body = body.map((l, i) => (i === wireAt ? { ...l, text: wire.rest } : l));
    date = date ? parseDateline(`${wire.dateline.raw} - ${date.raw}`) : parseDateline(wire.dateline.raw);
  }

  const drafts: Draft[] = [{ kind: 'title', text: titleLine.text }];
  let lead = false;
  let paragraphSeen = false;
  for (let i = 0; i < body.length; i += 1) {
    const line = body[i] as Line;
    const next = body[i + 1];
    if (isCaption(line.text)) {
      drafts.push({ kind: 'caption', text: line.text });
      // The teaser glued under the opening photo is the story's standfirst.
      if (!lead && !paragraphSeen && next?.glued && !isCaption(next.text) && !isHeadingLike(next.text)) {
        drafts.push({ kind: 'lead', text: next.text });
        lead = true;
        i += 1;
      }
      continue;
    }
    if (isQuoteLine(line.text)) {
      drafts.push({ kind: 'quote', text: line.text });
      paragraphSeen = true;
      continue;
    }
    if (next && isHeadingLike(line.text) && !isHeadingLike(next.text) && !isCaption(next.text)) {
      drafts.push({ kind: 'heading', text: line.text });
      paragraphSeen = true;
      continue;
    }
    drafts.push({ kind: 'paragraph', text: line.text });
    paragraphSeen = true;
  }

  if (!lead) promoteLead(drafts);
  return build(options.id, drafts, date, sources);
}

/** Without a teaser, a short opening paragraph (before any heading) is the lead. */
function promoteLead(drafts: Draft[]): void {
  const index = drafts.findIndex((d, i) => i > 0 && d.kind !== 'caption');
  const candidate = drafts[index];
  if (!candidate || candidate.kind !== 'paragraph' || countWords(candidate.text) > LEAD_MAX_WORDS) return;
  const others = drafts.filter((d) => d.kind === 'paragraph' || d.kind === 'quote').length;
  if (others > 1) candidate.kind = 'lead';
}

function build(id: string, unfitted: readonly Draft[], dateline: Article['dateline'], sources: string | undefined): Article {
  const drafts = fitDrafts(unfitted);
  const blocks = assignBlockIds(drafts);
  const { lang, dir } = detectLanguage(drafts.map((d) => d.text).join('\n'));
  return {
    id,
    title: drafts[0]?.text ?? '',
    ...(dateline ? { dateline } : {}),
    lang,
    dir,
    blocks,
    ...(sources !== undefined ? { sources } : {}),
  };
}

/** A bundled article (public/articles/, listed in the manifest read by bundled.ts) is plain text. */
export function parseBundledArticle(entry: BundledEntry, text: string): Article {
  return parsePlainTextArticle(text, { id: entry.id });
}
