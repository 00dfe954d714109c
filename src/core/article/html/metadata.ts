import { CREDIT_LINE, looksLikeDateline, readDate } from '../dateline';

/**
 * What a news page says about itself, in order of trust: JSON-LD (NewsArticle and kin), Open Graph
 * and article:* meta tags, <time datetime>, then a visible date line. Read before anything is
 * removed from the page; every value is plain text, length-capped by the caller.
 */

export interface PageMetadata {
  readonly headline?: string;
  /** ISO date (yyyy-mm-dd). */
  readonly date?: string;
  /** The page's own date line as printed, when the date came from one. */
  readonly datelineText?: string;
  readonly author?: string;
  readonly publisher?: string;
  /** Names the site goes by (publisher, og:site_name, WebSite name): stripped from titles. */
  readonly siteNames: readonly string[];
  /** The title as each of the page's title fields gives it (og:title, twitter:title, <title>). */
  readonly otherTitles: readonly string[];
  /** The site's host without www. */
  readonly host?: string;
  readonly url?: string;
}

type Json = unknown;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|OpinionNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function text(value: Json): string | undefined {
  if (typeof value === 'string') return squash(value) || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && 'name' in value) return text((value as { name: Json }).name);
  return undefined;
}

function names(value: Json): string | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(text).filter((n): n is string => n !== undefined && !/^https?:/i.test(n));
  return list.length > 0 ? [...new Set(list)].join('، ') : undefined;
}

function typesOf(item: Record<string, Json>): string[] {
  const type = item['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object in every JSON-LD block, @graph and arrays flattened; unparsable blocks are skipped. */
function jsonLdItems(blocks: readonly string[]): Record<string, Json>[] {
  const items: Record<string, Json>[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 4 || items.length > 200) return;
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else if (value && typeof value === 'object') {
      items.push(value as Record<string, Json>);
      const graph = (value as Record<string, Json>)['@graph'];
      if (graph) visit(graph, depth + 1);
    }
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(block), 0);
    } catch {
      // A broken block says nothing; the meta tags still may.
    }
  }
  return items;
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const element = doc.querySelector(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`);
    const value = element?.getAttribute('content');
    if (value && squash(value)) return squash(value);
  }
  return undefined;
}

function timeElementDate(doc: Document): string | undefined {
  const candidates = Array.from(doc.querySelectorAll('time[datetime]'));
  const preferred = candidates.find((t) => t.hasAttribute('pubdate') || /datePublished/i.test(t.getAttribute('itemprop') ?? '')) ?? candidates[0];
  return preferred?.getAttribute('datetime') ?? undefined;
}

/** A short visible element that reads as a date line ("الاثنين 23 سبتمبر 2019 - 11:27 م"). */
function visibleDateline(doc: Document): { text: string; date: string } | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const labelled = Array.from(body.querySelectorAll('[class*="date" i], [class*="time" i], [class*="publish" i], [id*="date" i], time'));
  const others = Array.from(body.querySelectorAll('span, div, p, small, li'));
  for (const element of [...labelled, ...others.slice(0, 3_000)]) {
    const line = squash(element.textContent ?? '');
    // A footer's credit or copyright line carries a year, sometimes a month: never a date line.
    if (line.length < 6 || line.length > 100 || CREDIT_LINE.test(line) || element.closest('footer, [class*="copyright" i], [class*="footer" i]')) continue;
    // "نشر في: …" and "تاريخ النشر: …" labels are part of date lines.
    const date = readDate(line);
    if (date && (looksLikeDateline(line) || labelled.includes(element))) return { text: line, date };
  }
  return undefined;
}

/** Names a JSON-LD organisation or site goes by: name and alternateName (often the Arabic one). */
function orgNames(value: Json): string[] {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return [squash(first)];
  if (!first || typeof first !== 'object') return [];
  const record = first as Record<string, Json>;
  return [record['name'], ...(Array.isArray(record['alternateName']) ? record['alternateName'] : [record['alternateName']])]
    .filter((n): n is string => typeof n === 'string')
    .map(squash)
    .filter((n) => n !== '');
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export interface MetadataInputs {
  /** The page's JSON-LD blocks (read before scripts are taken out). */
  readonly jsonLd: readonly string[];
  /** <link rel=canonical href> (read before links are taken out). */
  readonly canonical?: string;
  /** The address the page was handed over from, when known. */
  readonly url?: string;
}

export function readMetadata(doc: Document, inputs: MetadataInputs): PageMetadata {
  const items = jsonLdItems(inputs.jsonLd);
  const article = items.find((item) => typesOf(item).some((t) => ARTICLE_TYPES.test(t)));
  const website = items.find((item) => typesOf(item).includes('WebSite') || typesOf(item).includes('Organization'));

  const publisher = (article && text(article['publisher'])) ?? meta(doc, 'og:site_name') ?? (website && text(website['name']));
  const siteNames = [
    ...(article ? orgNames(article['publisher']) : []),
    meta(doc, 'og:site_name'),
    meta(doc, 'application-name'),
    meta(doc, 'apple-mobile-web-app-title'),
    meta(doc, 'twitter:site'),
    ...(website ? orgNames(website) : []),
  ]
    .filter((n): n is string => n !== undefined && n.length <= 120 && !CREDIT_LINE.test(n))
    .map((n) => n.replace(/^@/, ''));

  const rawDate = (article && text(article['datePublished'])) ?? meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'og:published_time') ?? timeElementDate(doc);
  const machineDate = rawDate ? readDate(rawDate) : undefined;
  const visible = machineDate ? undefined : visibleDateline(doc);

  const author = (article && names(article['author'])) ?? meta(doc, 'author', 'article:author', 'byl', 'dc.creator');
  const headline = (article && text(article['headline'])) ?? meta(doc, 'og:title', 'twitter:title');
  const url = (article && text(article['url'])) ?? meta(doc, 'og:url') ?? inputs.canonical;
  const otherTitles = [meta(doc, 'og:title'), meta(doc, 'twitter:title'), squash(doc.querySelector('title')?.textContent ?? '')].filter((t): t is string => !!t);
  const host = hostOf(inputs.url) ?? hostOf(url);

  return {
    ...(headline ? { headline } : {}),
    ...(machineDate ? { date: machineDate } : visible ? { date: visible.date, datelineText: visible.text } : {}),
    ...(author && !/^https?:/i.test(author) ? { author } : {}),
    ...(publisher ? { publisher } : {}),
    siteNames: [...new Set(siteNames)],
    otherTitles,
    ...(host ? { host } : {}),
    ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
  };
}
