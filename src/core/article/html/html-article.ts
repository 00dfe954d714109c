import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';
import type { Article, Dateline, TextDirection } from '../article';
import { assignBlockIds } from '../block-id';
import { formatDateline, looksLikeDateline } from '../dateline';
import { fitDrafts, type Draft } from '../fit-limits';
import { IMPORT_LIMITS, ARTICLE_LIMITS } from '../../limits';
import { spellingForm } from '../../text/fold';
import { detectLanguage } from '../language';
import { SOURCES_LABEL } from '../parse-text';
import { blocksFrom, squash } from './blocks';
import { markCaptions, placedCaptions, removeFurniture, type PlacedCaption } from './furniture';
import { readMetadata } from './metadata';
import { prescanHtml, STYLE_ATTRIBUTE } from './prescan';
import { chooseTitle } from './title';
import { removeHidden } from './visibility';

/**
 * A news page's HTML to an article: prescan (limits, CSP-safe attributes), an inert parse, metadata,
 * hidden elements and page furniture out, Readability for the story, DOMPurify, then plain-text
 * blocks. The title comes without the site's name; the date line, byline and sources from the
 * page's metadata and its own source line.
 */

export type HtmlArticleResult =
  | { readonly ok: true; readonly article: Article }
  | {
      readonly ok: false;
      readonly error: 'unsupported-type' | 'too-deep' | 'too-many-blocks' | 'no-article';
      readonly detail?: { readonly count: number; readonly limit: number };
    };

// News agencies credited alone on a line at the end of a story.
const AGENCY_LINE = /^[([]?\s*(?:أ\s?ف\s?ب|ا\s?ف\s?ب|رويترز|وكالات|الاناضول|الأناضول|د\s?ب\s?[أا]|[أا]\s?ب|وام|واس|سانا|قنا|كونا|بترا|وفا|afp|reuters|ap|agencies)(?:\s*[،,/+-]\s*(?:أ\s?ف\s?ب|رويترز|وكالات|الأناضول|afp|reuters|ap))*\s*[)\]]?\.?$/i;
// Credits the sources line must never show.
const CREDIT = /تصميم|برمجة|تطوير|جميع الحقوق|designed|developed|powered|copyright|©/i;

function documentDirection(value: string | null | undefined): TextDirection | undefined {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
}

function documentLanguage(value: string | null | undefined): string | undefined {
  const lang = value?.trim();
  return lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) && lang.length <= 35 ? lang : undefined;
}

function unique(values: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const clean = squash(value ?? '');
    const key = spellingForm(clean);
    if (clean === '' || seen.has(key) || CREDIT.test(clean)) continue;
    seen.add(key);
    out.push(clean);
  }
  return out;
}

/** Lines that are the page's own source credit ("المصدر: وكالات", "(أ ف ب)"), taken out of the text. */
function takeSourceLines(drafts: Draft[]): string[] {
  const found: string[] = [];
  for (let i = drafts.length - 1; i >= 0; i -= 1) {
    const draft = drafts[i];
    if (!draft || draft.kind === 'caption' || draft.text.length > 120) continue;
    const labelled = SOURCES_LABEL.exec(draft.text);
    if (labelled?.[1]?.trim()) found.unshift(labelled[1].trim());
    else if (AGENCY_LINE.test(spellingForm(draft.text))) found.unshift(draft.text.replace(/^[([]\s*|\s*[)\]]\.?$/g, ''));
    else continue;
    drafts.splice(i, 1);
  }
  return found;
}

const BYLINE_START = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|by)\s*[:：]?\s+\S/i;

function isByline(text: string, author: string | undefined): boolean {
  if (text.length > 120) return false;
  return BYLINE_START.test(text) || (author !== undefined && author.length > 2 && text.includes(author));
}

/** Captions Readability left out go back before the paragraph that followed them in the page. */
function restoreCaptions(drafts: Draft[], captions: readonly PlacedCaption[]): Draft[] {
  const out = [...drafts];
  const present = new Set(drafts.filter((d) => d.kind === 'caption').map((d) => spellingForm(d.text)));
  for (const caption of captions) {
    if (present.has(spellingForm(caption.text)) || !caption.before) continue;
    const before = caption.before;
    const at = out.findIndex((d) => d.kind !== 'caption' && before.startsWith(d.text));
    if (at < 0) continue;
    out.splice(at, 0, { kind: 'caption', text: squash(caption.text) });
    present.add(spellingForm(caption.text));
  }
  return out;
}

export function parseHtmlArticle(html: string, options: { readonly id: string; readonly url?: string }): HtmlArticleResult {
  // Needs a DOM (main thread or jsdom); a worker has none.
  if (typeof DOMParser === 'undefined' || !DOMPurify.isSupported) return { ok: false, error: 'unsupported-type' };
  // Measured before parsing: deep nesting and tens of thousands of blocks freeze the parser itself.
  const scan = prescanHtml(html);
  if (scan.depth > IMPORT_LIMITS.htmlDepth) return { ok: false, error: 'too-deep', detail: { count: scan.depth, limit: IMPORT_LIMITS.htmlDepth } };
  if (scan.blockTags > IMPORT_LIMITS.htmlBlockTags) {
    return { ok: false, error: 'too-many-blocks', detail: { count: scan.blockTags, limit: IMPORT_LIMITS.htmlBlockTags } };
  }
  // A DOMParser document is inert: its scripts never run and its images are never fetched.
  const doc = new DOMParser().parseFromString(scan.html, 'text/html');
  const metadata = readMetadata(doc);
  const docLang = documentLanguage(doc.documentElement.getAttribute('lang'));
  const docDir = documentDirection(doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir'));

  removeHidden(doc.documentElement);
  const h1 = squash(doc.querySelector('h1')?.textContent ?? '');
  const documentTitle = squash(doc.title);
  if (doc.body) {
    markCaptions(doc.body);
    removeFurniture(doc.body);
  }
  const captions = doc.body ? placedCaptions(doc.body) : [];

  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(doc).parse();
  } catch {
    return { ok: false, error: 'no-article' };
  }
  if (!parsed?.content) return { ok: false, error: 'no-article' };

  const clean = DOMPurify.sanitize(parsed.content, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form'], FORBID_ATTR: ['style', STYLE_ATTRIBUTE] });
  let drafts = restoreCaptions(blocksFrom(clean), captions);
  const words = drafts.reduce((n, d) => n + d.text.split(' ').length, 0);
  if (drafts.length === 0 || words < 8) return { ok: false, error: 'no-article' };

  const title = chooseTitle({ headline: metadata.headline, h1, documentTitle, siteNames: metadata.siteNames }) || squash(parsed.title ?? '') || drafts[0]?.text || '';
  const titleKey = spellingForm(title);
  // Readability often keeps the headline (or the <h1> with the site name) inside the content too.
  drafts = drafts.filter((d, i) => i > 2 || (spellingForm(d.text) !== titleKey && spellingForm(d.text) !== spellingForm(h1)));
  // The date line is shown as the dateline, not as the first paragraph.
  drafts = drafts.filter((d, i) => i > 3 || d.text.length > 100 || !(d.text === metadata.datelineText || looksLikeDateline(d.text)));
  const pageSources = takeSourceLines(drafts);

  const detected = detectLanguage([title, ...drafts.map((d) => d.text)].join('\n'));
  const lang = documentLanguage(parsed.lang) ?? docLang ?? detected.lang;
  const dir = documentDirection(parsed.dir) ?? docDir ?? (lang.toLowerCase().startsWith('ar') ? 'rtl' : detected.dir);

  // A byline stays a byline: printed near the top of the story, it moves to the date line as written.
  const bylineAt = drafts.findIndex((d, i) => i < 3 && d.kind === 'paragraph' && isByline(d.text, metadata.author));
  const byline = bylineAt >= 0 ? drafts.splice(bylineAt, 1)[0]?.text : undefined;
  const metadataAuthor = metadata.author && !unique([metadata.publisher]).some((p) => spellingForm(p) === spellingForm(metadata.author ?? '')) ? metadata.author : undefined;
  const author = byline ?? metadataAuthor;
  const dateline = datelineOf(metadata.date, metadata.datelineText, author, lang);

  const sources = unique([...pageSources, metadata.publisher, options.url ?? metadata.url]).join(' · ').slice(0, ARTICLE_LIMITS.sourcesLength);
  const blocks = assignBlockIds(fitDrafts([{ kind: 'title', text: title.slice(0, ARTICLE_LIMITS.titleLength) }, ...drafts]));

  return {
    ok: true,
    article: {
      id: options.id,
      title: blocks[0]?.text ?? title,
      ...(dateline ? { dateline } : {}),
      lang,
      dir,
      blocks,
      ...(sources ? { sources } : {}),
    },
  };
}

/**
 * The date as the page printed it, or (when only its markup has one) formatted in the article's
 * language and marked `generated` so that the reader can show it in the reader's own language.
 */
function datelineOf(date: string | undefined, printed: string | undefined, author: string | undefined, lang: string): Dateline | undefined {
  const fit = (text: string) => text.slice(0, ARTICLE_LIMITS.datelineLength);
  if (!date) return author ? { raw: fit(author) } : undefined;
  return {
    raw: fit(printed ?? formatDateline(date, lang)),
    date,
    ...(author ? { byline: fit(author) } : {}),
    ...(printed ? {} : { generated: true }),
  };
}
