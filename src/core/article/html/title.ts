import { spellingForm } from '../../text/fold';

/**
 * The headline without the site's name: "صنعاء نيوز - عنوان الخبر" → "عنوان الخبر". Candidates in
 * order of trust (JSON-LD headline or og:title, the page's <h1>, <title>). A part at either end,
 * behind a separator, is the site's name when it is one the page states (og:site_name, publisher,
 * application-name), when it spells the host ("Aljazeera.net", "Al Jazeera" for aljazeera.net),
 * when it is what one title field adds around another (`<title>` = og:title + " | Site"), or when
 * it stands at the same end of two different title fields.
 */

const SEPARATOR = /\s+[-|–—:»«·•/]{1,2}\s+|\s*[|]\s*|\s*[:：]\s+/;

const split = (title: string) => title.split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
const squashKey = (text: string) => spellingForm(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether `part` spells the host: "aljazeera.net", "Al Jazeera", "www.alaraby.co.uk", "العربي الجديد" never. */
function spellsHost(part: string, host: string | undefined): boolean {
  if (!host) return false;
  const key = squashKey(part);
  if (key.length < 3) return false;
  const labels = host.split('.');
  const main = labels.find((l) => l.length > 3 && !['www', 'com', 'net', 'org', 'news'].includes(l)) ?? labels[0] ?? '';
  return key === squashKey(host) || key === squashKey(main) || key === squashKey(`www.${host}`);
}

export interface TitleSources {
  readonly headline?: string;
  readonly h1?: string;
  readonly documentTitle?: string;
  readonly siteNames: readonly string[];
  /** Every title field the page has (og:title, twitter:title, <title>): what they add around each other is the site. */
  readonly otherTitles?: readonly string[];
  readonly host?: string;
}

/** Names learned from how the page's title fields differ: the part one adds around another, or shares at one end. */
function learnedNames(fields: readonly string[]): string[] {
  const names: string[] = [];
  const keys = new Set(fields.map(squashKey));
  for (const field of fields) {
    const parts = split(field);
    if (parts.length < 2) continue;
    const first = parts[0] ?? '';
    const last = parts[parts.length - 1] ?? '';
    // "<title>" = "Headline | Site" beside og:title = "Headline".
    if (keys.has(squashKey(parts.slice(0, -1).join(' ')))) names.push(last);
    if (keys.has(squashKey(parts.slice(1).join(' ')))) names.push(first);
    for (const other of fields) {
      if (other === field) continue;
      const otherParts = split(other);
      if (otherParts.length < 2 || spellingForm(other) === spellingForm(field)) continue;
      if (spellingForm(otherParts[otherParts.length - 1] ?? '') === spellingForm(last)) names.push(last);
      if (spellingForm(otherParts[0] ?? '') === spellingForm(first)) names.push(first);
    }
  }
  return names.filter((n) => n.length <= 60);
}

function withoutSiteName(title: string, isSiteName: (part: string) => boolean): string {
  const parts = split(title);
  if (parts.length < 2) return title;
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && isSiteName(parts[from] ?? '')) from += 1;
  while (to - from > 1 && isSiteName(parts[to - 1] ?? '')) to -= 1;
  if (from === 0 && to === parts.length) return title;
  return cutAround(title, parts[from] ?? '', parts[to - 1] ?? '');
}

/** The stretch of `title` from the first kept part to the last (inner separators stay as written). */
function cutAround(title: string, first: string, last: string): string {
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : first;
}

export function chooseTitle({ headline, h1, documentTitle, siteNames, otherTitles = [], host }: TitleSources): string {
  const names = [...siteNames];
  // The <title> says which end the site name sits at: what it adds around the <h1> is the site name.
  if (h1 && documentTitle) {
    const at = spellingForm(documentTitle).indexOf(spellingForm(h1));
    if (at >= 0) {
      const rest = split(documentTitle).filter((p) => spellingForm(p) !== spellingForm(h1));
      if (rest.length === 1 && rest[0] && rest[0].length <= 60) names.push(rest[0]);
    }
  }
  names.push(...learnedNames([...otherTitles, ...(documentTitle ? [documentTitle] : [])]));
  const known = new Set(names.map(spellingForm));
  const knownKeys = new Set(names.map(squashKey).filter((k) => k.length >= 3));
  const isSiteName = (part: string) => known.has(spellingForm(part)) || knownKeys.has(squashKey(part)) || spellsHost(part, host);
  for (const candidate of [headline, h1, documentTitle]) {
    const clean = candidate?.replace(/\s+/g, ' ').trim();
    if (clean) return withoutSiteName(clean, isSiteName);
  }
  return '';
}
