import * as v from 'valibot';
import { IMPORT_LIMITS } from '../limits';
import { cleanName, cleanUrl } from './source-line';

/**
 * Pages handed to Hashiya from outside: the "Save to Hashiya" bookmarklet (a message from the news
 * page's window) and the installed app as a share target (query parameters). Everything received is
 * checked for shape and size and treated as data: the HTML goes through the same import as a file.
 */

export const PAGE_MESSAGE_TYPE = 'hashiya-page';
export const PAGE_RECEIVED_TYPE = 'hashiya-received';

export interface PageMessage {
  readonly type: typeof PAGE_MESSAGE_TYPE;
  readonly v: 1;
  readonly url: string;
  readonly title: string;
  readonly html: string;
}

const pageMessageSchema = v.object({
  type: v.literal(PAGE_MESSAGE_TYPE),
  v: v.literal(1),
  url: v.pipe(v.string(), v.maxLength(IMPORT_LIMITS.bookmarkletUrlLength), v.regex(/^https?:\/\//i)),
  title: v.pipe(v.string(), v.maxLength(2_000)),
  html: v.pipe(v.string(), v.minLength(1), v.maxLength(IMPORT_LIMITS.bookmarkletHtmlLength)),
}) satisfies v.GenericSchema<unknown, PageMessage>;

/** The message if it is a page handed over by the bookmarklet, else undefined (anything else is ignored). */
export function readPageMessage(data: unknown): PageMessage | undefined {
  const parsed = v.safeParse(pageMessageSchema, data);
  return parsed.success ? parsed.output : undefined;
}

/**
 * The bookmarklet: opens Hashiya (or reuses its tab) and posts the page to Hashiya's origin until
 * Hashiya says it received it. Only the page's URL, title and HTML leave the page, and only to
 * `appUrl`'s origin.
 */
export function bookmarkletHref(appUrl: string): string {
  const url = new URL(appUrl);
  url.hash = '#/';
  const code = `(function(){var A=${JSON.stringify(url.href)},O=${JSON.stringify(url.origin)};var w=window.open(A,'hashiya');if(!w){alert('Hashiya: pop-up blocked');return}var m={type:'${PAGE_MESSAGE_TYPE}',v:1,url:location.href,title:document.title,html:document.documentElement.outerHTML},n=0,t=setInterval(function(){if(n++>120){clearInterval(t);return}try{w.postMessage(m,O)}catch(e){}},250);window.addEventListener('message',function(e){if(e.origin===O&&e.data&&e.data.type==='${PAGE_RECEIVED_TYPE}')clearInterval(t)})})()`;
  return `javascript:${encodeURIComponent(code)}`;
}

/** Names of the share target's GET parameters (vite.config.ts, manifest share_target). */
export const SHARE_PARAMS = { title: 'share-title', text: 'share-text', url: 'share-url' } as const;

/**
 * What a share sheet handed over, as text for the import (title, then text), and the shared link
 * (without control or bidi characters), or undefined when nothing was shared.
 */
export function sharedInput(search: string): { readonly text: string; readonly url?: string } | undefined {
  const params = new URLSearchParams(search);
  const pick = (name: string) => (params.get(name) ?? '').slice(0, 100_000).trim();
  const title = cleanName(pick(SHARE_PARAMS.title));
  const text = pick(SHARE_PARAMS.text);
  const url = cleanUrl(pick(SHARE_PARAMS.url));
  // A link shared inside the text ("… https://…") is the address too.
  const inText = /https?:\/\/\S+/.exec(text)?.[0];
  const address = url ?? (inText ? cleanUrl(inText) : undefined);
  const body = address ? text.replace(address, '').trim() : text;
  const parts = [title, body].filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  return { text: parts.join('\n\n'), ...(address ? { url: address } : {}) };
}
