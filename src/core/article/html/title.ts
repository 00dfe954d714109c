import { spellingForm } from '../../text/fold';

/**
 * The headline without the site's name: "صنعاء نيوز - عنوان الخبر" → "عنوان الخبر". Candidates in
 * order of trust (JSON-LD headline, the page's <h1>, og:title, <title>); a site name is cut from
 * either end when it stands behind a separator.
 */

const SEPARATOR = /\s+[-|–—:»«·•/]{1,2}\s+|\s*[|]\s*/;

function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return title;
  const known = new Set(siteNames.map(spellingForm));
  const kept = parts.filter((p) => !known.has(spellingForm(p)));
  if (kept.length > 0 && kept.length < parts.length) return cutAround(title, kept);
  return title;
}

/** The stretch of `title` from the first kept part to the last (inner separators stay as written). */
function cutAround(title: string, kept: readonly string[]): string {
  const first = kept[0] ?? '';
  const last = kept[kept.length - 1] ?? '';
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : first;
}

export interface TitleSources {
  readonly headline?: string;
  readonly h1?: string;
  readonly documentTitle?: string;
  readonly siteNames: readonly string[];
}

export function chooseTitle({ headline, h1, documentTitle, siteNames }: TitleSources): string {
  // The <title> says which end the site name sits at: what it adds around the <h1> is the site name.
  const names = [...siteNames];
  if (h1 && documentTitle) {
    const at = spellingForm(documentTitle).indexOf(spellingForm(h1));
    if (at >= 0) {
      const rest = documentTitle.split(SEPARATOR).map((p) => p.trim()).filter((p) => spellingForm(p) !== spellingForm(h1) && p !== '');
      if (rest.length === 1 && rest[0] && rest[0].length <= 60) names.push(rest[0]);
    }
  }
  for (const candidate of [headline, h1, documentTitle]) {
    const clean = candidate?.replace(/\s+/g, ' ').trim();
    if (clean) return withoutSiteName(clean, names);
  }
  return '';
}
