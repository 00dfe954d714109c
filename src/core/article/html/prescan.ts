/**
 * One pass over a page's HTML before it is parsed. It measures what would make parsing slow (nesting
 * depth, number of block tags) so such pages are refused before the parser runs. Nothing here
 * decides what the page says, and nothing is rewritten: the page is parsed off any live document
 * (parse-document.ts), so its styles and `<base>` cannot touch the app.
 */

export interface Prescan {
  /** Deepest nesting of elements that need an end tag (p, li, td… close themselves and do not count). */
  readonly depth: number;
  readonly blockTags: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
// End tags that are optional in practice: real pages leave thousands of them open.
const SELF_CLOSING_IN_PRACTICE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'colgroup', 'caption']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'section', 'article', 'blockquote', 'figure', 'dd', 'dt', 'pre']);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** Reads `<name attr=… >` starting at `start` (the '<'); attribute values may hold '>' inside quotes. */
function readTag(source: string, start: number): { name: string; end: number } {
  let i = start + 1;
  while (i < source.length && !isSpace(source.charCodeAt(i)) && source[i] !== '>' && source[i] !== '/') i += 1;
  const name = source.slice(start + 1, i).toLowerCase();
  while (i < source.length && source[i] !== '>') {
    const c = source.charCodeAt(i);
    if (isSpace(c) || source[i] === '/') {
      i += 1;
      continue;
    }
    while (i < source.length && !isSpace(source.charCodeAt(i)) && source[i] !== '>' && source[i] !== '=' && !(source[i] === '/' && source[i + 1] === '>')) i += 1;
    let j = i;
    while (j < source.length && isSpace(source.charCodeAt(j))) j += 1;
    if (source[j] !== '=') continue;
    j += 1;
    while (j < source.length && isSpace(source.charCodeAt(j))) j += 1;
    const quote = source[j];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, j + 1);
      i = close < 0 ? source.length : close + 1;
    } else {
      while (j < source.length && !isSpace(source.charCodeAt(j)) && source[j] !== '>') j += 1;
      i = j;
    }
  }
  return { name, end: Math.min(i + 1, source.length) };
}

export function prescanHtml(source: string): Prescan {
  let depth = 0;
  let deepest = 0;
  let blockTags = 0;
  let i = source.indexOf('<');
  while (i >= 0 && i < source.length - 1) {
    const next = source.charCodeAt(i + 1);
    if (source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      i = close < 0 ? source.length : source.indexOf('<', close + 3);
      continue;
    }
    if (next === 47 /* / */ && isLetter(source.charCodeAt(i + 2))) {
      const tag = readTag(source, i + 1);
      if (!VOID.has(tag.name) && !SELF_CLOSING_IN_PRACTICE.has(tag.name)) depth = Math.max(0, depth - 1);
      i = source.indexOf('<', tag.end);
      continue;
    }
    if (!isLetter(next)) {
      i = source.indexOf('<', i + 1);
      continue;
    }
    const tag = readTag(source, i);
    if (BLOCK_TAGS.has(tag.name)) blockTags += 1;
    let end = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const closer = new RegExp(`</${tag.name}[\\s>/]`, 'ig');
      closer.lastIndex = end;
      const found = closer.exec(source);
      end = found ? source.indexOf('>', found.index) + 1 || source.length : source.length;
    } else if (!VOID.has(tag.name) && !SELF_CLOSING_IN_PRACTICE.has(tag.name)) {
      // `<div/>` is not self-closing in HTML: the browser nests it, so it counts.
      depth += 1;
      if (depth > deepest) deepest = depth;
    }
    i = source.indexOf('<', end);
  }
  return { depth: deepest, blockTags };
}
