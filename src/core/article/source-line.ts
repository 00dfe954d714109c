/**
 * An article's sources line ("وكالات · الجزيرة نت · https://www.aljazeera.net/news/1") read as parts
 * the reader can render: names as text, addresses as links shown host first ("aljazeera.net ›
 * news/1"), so the bidi algorithm never reorders their slashes inside Arabic text. A page handed over
 * by the bookmarklet is saved with the origin the browser reported; when the page claimed another
 * address, that one follows as a part marked CLAIMED_MARK, shown as "the page claimed …".
 */

export const SOURCE_SEPARATOR = ' · ';
export const CLAIMED_MARK = '≠ ';

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width and line/paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** A name or title from outside with its control and bidi characters taken out. */
export function cleanName(text: string): string {
  return text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}

/** An http(s) address with control and bidi characters taken out, or undefined when it is not one. */
export function cleanUrl(text: string): string | undefined {
  const stripped = text.replace(UNSAFE, '').trim();
  if (!/^https?:\/\//i.test(stripped)) return undefined;
  try {
    const url = new URL(stripped);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export type SourcePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'url'; readonly href: string; readonly host: string; readonly rest: string; readonly claimed: boolean };

/** Host without "www.", then the rest of the address without the scheme ("aljazeera.net", "news/1?x=2"). */
export function urlParts(href: string): { host: string; rest: string } {
  try {
    const url = new URL(href);
    const rest = `${url.pathname}${url.search}${url.hash}`.replace(/^\/+|\/+$/g, '');
    return { host: url.hostname.replace(/^www\./, ''), rest: safeDecode(rest) };
  } catch {
    return { host: href, rest: '' };
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text).replace(UNSAFE, '');
  } catch {
    return text;
  }
}

export function readSources(sources: string): SourcePart[] {
  return sources
    .split(SOURCE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part): SourcePart => {
      const claimed = part.startsWith(CLAIMED_MARK);
      const href = cleanUrl(claimed ? part.slice(CLAIMED_MARK.length) : part);
      if (!href) return { kind: 'text', text: part };
      return { kind: 'url', href, ...urlParts(href), claimed };
    });
}

/** The sources line from its parts; empty parts and repeats dropped. */
export function joinSources(parts: readonly (string | undefined)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const clean = part?.trim();
    if (!clean || seen.has(clean)) continue;
    seen.add(clean);
    out.push(clean);
  }
  return out.join(SOURCE_SEPARATOR);
}

/** The sources line without its addresses (what the preview lets the reader edit), and the addresses. */
export function splitSources(sources: string | undefined): { names: string; urls: string[] } {
  const parts = readSources(sources ?? '');
  return {
    names: parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join(SOURCE_SEPARATOR),
    urls: parts.flatMap((p) => (p.kind === 'url' ? [p.claimed ? `${CLAIMED_MARK}${p.href}` : p.href] : [])),
  };
}
