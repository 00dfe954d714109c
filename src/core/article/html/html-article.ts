import { Readability } from '@mozilla/readability';
import type { Article, Dateline, TextDirection } from '../article';
import { assignBlockIds } from '../block-id';
import { CREDIT_LINE, formatDateline, looksLikeDateline, splitWireDateline } from '../dateline';
import { fitDrafts, type Draft } from '../fit-limits';
import { IMPORT_LIMITS, ARTICLE_LIMITS } from '../../limits';
import { spellingForm } from '../../text/fold';
import { detectLanguage } from '../language';
import { SOURCES_LABEL } from '../parse-text';
import { blocksFrom, squash } from './blocks';
import { markCaptions, placedCaptions, removeFurniture, type PlacedCaption } from './furniture';
import { readMetadata } from './metadata';
import { parseDocument } from './parse-document';
import { prescanHtml } from './prescan';
import { chooseTitle } from './title';
import { removeInvisible } from './visibility';

/**
 * A news page's HTML to an article: prescan (limits), a standards-compliant parse into a detached
 * DOM (it runs in the import worker), scripts and styles out before any text is read, metadata,
 * what the page's styles and markup hide out, page furniture out, Readability for the story, then
 * plain-text blocks (no markup ever leaves this function, so nothing needs sanitising after it). The title comes without the site's name; the date line, byline and sources from the
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
const CREDIT = CREDIT_LINE;

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

/** What the import took out of the page, for the preview ("dropped as page furniture"). */
export interface DroppedReport {
  /** Texts a reader would not have seen (hidden by the page's styles or markup). */
  readonly hidden: readonly string[];
  readonly hiddenCount: number;
  /** Share bars, menus, related-article boxes, footers… */
  readonly furniture: readonly string[];
  readonly furnitureCount: number;
}

export interface HtmlArticleExtras {
  readonly dropped: DroppedReport;
  /** The site's name as the page gives it (its Arabic name for an Arabic page, where it has one). */
  readonly siteName?: string;
  /** The page's own address (canonical, og:url), if it gave one. */
  readonly pageUrl?: string;
}

// Elements whose content is never text a reader sees: taken out before anything reads text.
const NEVER_TEXT = 'script, style, template, noscript, base, link, iframe, object, embed, frame, frameset, applet, param, source, track';

export type ParseStage = 'parsing' | 'styles' | 'extracting';

export function parseHtmlArticle(
  html: string,
  options: { readonly id: string; readonly url?: string; readonly onStage?: (stage: ParseStage) => void },
): HtmlArticleResult & { readonly extras?: HtmlArticleExtras } {
  // Measured before parsing: deep nesting and tens of thousands of blocks freeze the parser itself.
  const scan = prescanHtml(html);
  if (scan.depth > IMPORT_LIMITS.htmlDepth) return { ok: false, error: 'too-deep', detail: { count: scan.depth, limit: IMPORT_LIMITS.htmlDepth } };
  if (scan.blockTags > IMPORT_LIMITS.htmlBlockTags) {
    return { ok: false, error: 'too-many-blocks', detail: { count: scan.blockTags, limit: IMPORT_LIMITS.htmlBlockTags } };
  }
  options.onStage?.('parsing');
  // A tree built off any live document (see parse-document.ts): nothing in it runs or loads.
  const doc = parseDocument(html);
  const styleTexts = Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '');
  const jsonLd = Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'), (s) => s.textContent ?? '');
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? undefined;
  for (const element of Array.from(doc.querySelectorAll(NEVER_TEXT))) element.remove();
  // Readability reads the byline and title from JSON-LD too: the data goes back, as data only.
  for (const block of jsonLd) {
    const data = doc.createElement('script');
    data.setAttribute('type', 'application/ld+json');
    data.textContent = block;
    (doc.head ?? doc.documentElement)?.appendChild(data);
  }

  const metadata = readMetadata(doc, { jsonLd, ...(canonical ? { canonical } : {}), ...(options.url ? { url: options.url } : {}) });
  const docLang = documentLanguage(doc.documentElement?.getAttribute('lang'));
  const docDir = documentDirection(doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir'));

  options.onStage?.('styles');
  const hidden = doc.documentElement ? removeInvisible(doc.documentElement, styleTexts) : { elements: 0, textRuns: 0, samples: [] };
  options.onStage?.('extracting');
  const h1 = squash(doc.querySelector('h1')?.textContent ?? '');
  const documentTitle = squash(doc.querySelector('title')?.textContent ?? '');
  const furniture = doc.body ? (markCaptions(doc.body), removeFurniture(doc.body)) : { count: 0, samples: [] };
  const captions = doc.body ? placedCaptions(doc.body) : [];

  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(doc, { serializer: (element) => element as Element }).parse();
  } catch {
    return { ok: false, error: 'no-article' };
  }
  if (!parsed?.content) return { ok: false, error: 'no-article' };

  let drafts = restoreCaptions(blocksFrom(parsed.content), captions);
  const words = drafts.reduce((n, d) => n + d.text.split(' ').length, 0);
  if (drafts.length === 0 || words < 8) return { ok: false, error: 'no-article' };

  const title =
    chooseTitle({ headline: metadata.headline, h1, documentTitle, siteNames: metadata.siteNames, otherTitles: metadata.otherTitles, host: metadata.host }) ||
    squash(parsed.title ?? '') ||
    drafts[0]?.text ||
    '';
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
  const siteName = preferredSiteName(metadata.siteNames, lang) ?? metadata.publisher;
  const metadataAuthor = metadata.author && !unique([metadata.publisher, ...metadata.siteNames]).some((p) => spellingForm(p) === spellingForm(metadata.author ?? '')) ? metadata.author : undefined;
  const author = byline ?? metadataAuthor;
  // Wire copy: "القاهرة (رويترز) - …" at the start of the first paragraph is the dateline's place and agency.
  const firstText = drafts.findIndex((d) => d.kind === 'paragraph' || d.kind === 'lead');
  const wire = firstText >= 0 && firstText < 3 ? splitWireDateline(drafts[firstText]?.text ?? '') : undefined;
  if (wire && drafts[firstText]) drafts[firstText] = { ...drafts[firstText], text: wire.rest };
  const dateline = datelineOf(metadata.date, metadata.datelineText, author, lang, wire?.dateline.raw);

  const pageUrl = options.url ?? metadata.url;
  const sources = unique([...pageSources, siteName, pageUrl]).join(' · ').slice(0, ARTICLE_LIMITS.sourcesLength);
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
    extras: {
      dropped: { hidden: hidden.samples, hiddenCount: hidden.elements + hidden.textRuns, furniture: furniture.samples, furnitureCount: furniture.count },
      ...(siteName ? { siteName } : {}),
      ...(metadata.url ? { pageUrl: metadata.url } : {}),
    },
  };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** For an Arabic page, the site's Arabic name when the page gives one (og:site_name may be Latin). */
function preferredSiteName(names: readonly string[], lang: string): string | undefined {
  const clean = names.filter((n) => n.length <= 80 && !CREDIT.test(n) && !/^https?:/i.test(n));
  if (lang.toLowerCase().startsWith('ar')) return clean.find((n) => ARABIC_SCRIPT.test(n)) ?? clean[0];
  return clean.find((n) => !ARABIC_SCRIPT.test(n)) ?? clean[0];
}

/**
 * The date as the page printed it, or (when only its markup has one) formatted in the article's
 * language and marked `generated` so that the reader can show it in the reader's own language.
 */
function datelineOf(date: string | undefined, printed: string | undefined, author: string | undefined, lang: string, wire: string | undefined): Dateline | undefined {
  const fit = (text: string) => text.slice(0, ARTICLE_LIMITS.datelineLength);
  if (!date) return wire ? { raw: fit(wire), ...(author ? { byline: fit(author) } : {}) } : author ? { raw: fit(author) } : undefined;
  if (wire) return { raw: fit(`${wire} - ${printed ?? formatDateline(date, lang)}`), date, ...(author ? { byline: fit(author) } : {}) };
  return {
    raw: fit(printed ?? formatDateline(date, lang)),
    date,
    ...(author ? { byline: fit(author) } : {}),
    ...(printed ? {} : { generated: true }),
  };
}
