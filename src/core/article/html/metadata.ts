import { looksLikeDateline, readDate } from '../dateline';

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
function jsonLdItems(doc: Document): Record<string, Json>[] {
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
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
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
    if (line.length < 6 || line.length > 100) continue;
    // "نشر في: …" and "تاريخ النشر: …" labels are part of date lines.
    const date = readDate(line);
    if (date && (looksLikeDateline(line) || labelled.includes(element))) return { text: line, date };
  }
  return undefined;
}

export function readMetadata(doc: Document): PageMetadata {
  const items = jsonLdItems(doc);
  const article = items.find((item) => typesOf(item).some((t) => ARTICLE_TYPES.test(t)));
  const website = items.find((item) => typesOf(item).includes('WebSite') || typesOf(item).includes('Organization'));

  const publisher = (article && text(article['publisher'])) ?? meta(doc, 'og:site_name') ?? (website && text(website['name']));
  const siteNames = [article && text(article['publisher']), meta(doc, 'og:site_name', 'application-name', 'twitter:site'), website && text(website['name'])]
    .filter((n): n is string => n !== undefined && n.length <= 120)
    .map((n) => n.replace(/^@/, ''));

  const rawDate = (article && text(article['datePublished'])) ?? meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dc.date', 'parsely-pub-date', 'sailthru.date', 'og:published_time') ?? timeElementDate(doc);
  const machineDate = rawDate ? readDate(rawDate) : undefined;
  const visible = machineDate ? undefined : visibleDateline(doc);

  const author = (article && names(article['author'])) ?? meta(doc, 'author', 'article:author', 'byl', 'dc.creator');
  const headline = (article && text(article['headline'])) ?? meta(doc, 'og:title', 'twitter:title');
  const url = (article && text(article['url'])) ?? meta(doc, 'og:url') ?? doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? undefined;

  return {
    ...(headline ? { headline } : {}),
    ...(machineDate ? { date: machineDate } : visible ? { date: visible.date, datelineText: visible.text } : {}),
    ...(author && !/^https?:/i.test(author) ? { author } : {}),
    ...(publisher ? { publisher } : {}),
    siteNames: [...new Set(siteNames)],
    ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
  };
}
