/**
 * Every place in the app is a hash route, so links work on any static file host without rewrites:
 *   #/                         library
 *   #/notes                    notebook (all notes)
 *   #/a/<articleId>            an article
 *   #/a/<articleId>/<blockId>  an article, scrolled to a block which is flashed
 *   #/s?v=1&d=<data>           an article carried in the link itself (see share-link.ts)
 *   #/names                    names across the library
 *   #/names/<key>              one name (entity grouping key) across the library
 * Later issues add query parameters (passages, shared articles) through `params`.
 */
export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'notebook' }
  | { readonly name: 'article'; readonly articleId: string; readonly blockId?: string; readonly params?: Readonly<Record<string, string>> }
  | { readonly name: 'shared'; readonly params: Readonly<Record<string, string>> }
  | { readonly name: 'names' }
  | { readonly name: 'entity'; readonly key: string }
  | { readonly name: 'not-found'; readonly hash: string };

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = splitOnce(raw, '?');
  const segments = pathPart.split('/').filter((s) => s.length > 0);
  if (segments.length === 0) return { name: 'library' };
  if (segments.length === 1 && segments[0] === 'notes') return { name: 'notebook' };
  if (segments[0] === 'names' && segments.length <= 2) {
    if (segments.length === 1) return { name: 'names' };
    const key = decodeSegment(segments[1] ?? '');
    return key ? { name: 'entity', key } : { name: 'not-found', hash };
  }
  if (segments.length === 1 && segments[0] === 's') return { name: 'shared', params: Object.fromEntries(new URLSearchParams(queryPart)) };
  if (segments[0] === 'a' && (segments.length === 2 || segments.length === 3)) {
    const articleId = decodeSegment(segments[1] ?? '');
    const blockId = segments[2] === undefined ? undefined : decodeSegment(segments[2]);
    if (!articleId || (segments[2] !== undefined && !blockId)) return { name: 'not-found', hash };
    const params = Object.fromEntries(new URLSearchParams(queryPart));
    return {
      name: 'article',
      articleId,
      ...(blockId ? { blockId } : {}),
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  }
  return { name: 'not-found', hash };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'notebook':
      return '#/notes';
    case 'shared': {
      const query = new URLSearchParams(route.params).toString();
      return query ? `#/s?${query}` : '#/s';
    }
    case 'names':
      return '#/names';
    case 'entity':
      return `#/names/${encodeURIComponent(route.key)}`;
    case 'not-found':
      return route.hash.startsWith('#') ? route.hash : `#${route.hash}`;
    case 'article': {
      let hash = `#/a/${encodeURIComponent(route.articleId)}`;
      if (route.blockId) hash += `/${encodeURIComponent(route.blockId)}`;
      // (Every paragraph's link is built here: no URLSearchParams when there is nothing to add.)
      const query = route.params && Object.keys(route.params).length > 0 ? new URLSearchParams(route.params).toString() : '';
      return query ? `${hash}?${query}` : hash;
    }
  }
}

/** An absolute link to a route, for copying and sharing: the current page without its hash. */
export function absoluteLink(route: Route, pageUrl: string): string {
  const base = pageUrl.split('#')[0] ?? pageUrl;
  return base + routeToHash(route);
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
