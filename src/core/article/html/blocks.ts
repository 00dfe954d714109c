import type { BlockKind } from '../article';
import type { Draft } from '../fit-limits';

/**
 * A sanitised article tree to plain-text blocks, the way a reader sees them: block elements and
 * bare text between them become blocks, and every `<br>` ends a line, so paragraphs written as
 * `text<br><br>text` inside one element come out as separate paragraphs.
 */

const BLOCK_KINDS: Readonly<Record<string, BlockKind>> = {
  P: 'paragraph', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  FIGCAPTION: 'caption', LI: 'paragraph', PRE: 'paragraph', DT: 'paragraph', DD: 'paragraph', TD: 'paragraph',
  TH: 'paragraph', CAPTION: 'caption',
};
const CONTAINERS_OF_KIND: Readonly<Record<string, BlockKind>> = { BLOCKQUOTE: 'quote' };
const INLINE = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'FONT', 'DEL', 'INS', 'LABEL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'BUTTON', 'FORM', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO']);
const LINE_BREAK = '\n';

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Two adjacent spans laid out apart by the site's CSS ("<span>name</span><span>agency</span>") read
 * as one word without it. Spans that each hold several words are separated; a word split across
 * spans (one letter styled differently) is not.
 */
function needsSpace(before: Node | null, child: Node, run: string, text: string): boolean {
  if (before?.nodeType !== 1 || child.nodeType !== 1 || (before as Element).tagName !== (child as Element).tagName) return false;
  if (/\s$/.test(run) || /^\s/.test(text)) return false;
  return /\S\s+\S/.test(before.textContent ?? '') && /\S\s+\S/.test(text);
}

/** Only text is read from the tree: the result holds no markup at all. */
export function blocksFrom(root: Node): Draft[] {
  const drafts: Draft[] = [];
  const push = (kind: BlockKind, text: string) => {
    // Headings and captions are one line whatever their <br>s; text blocks split at each.
    const lines = kind === 'heading' || kind === 'caption' ? [text] : text.split(LINE_BREAK);
    for (const line of lines) {
      const clean = squash(line);
      if (clean !== '') drafts.push({ kind, text: clean });
    }
  };
  const textOf = (node: Node): string => {
    if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/\n/g, ' ');
    if (node.nodeType !== 1) return '';
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED.has(tag)) return '';
    if (tag === 'BR') return LINE_BREAK;
    // A block inside an inline or a <p> (invalid, but common) still starts a line.
    const inner = childrenText(node);
    return INLINE.has(tag) ? inner : `${LINE_BREAK}${inner}${LINE_BREAK}`;
  };
  const childrenText = (node: Node): string => {
    let out = '';
    let before: Node | null = null;
    for (const child of Array.from(node.childNodes)) {
      const text = textOf(child);
      out += needsSpace(before, child, out, text) ? ` ${text}` : text;
      before = child;
    }
    return out;
  };
  const walk = (node: Node, inherited: BlockKind | undefined) => {
    let run = '';
    const flush = () => {
      push(inherited ?? 'paragraph', run);
      run = '';
    };
    let previous: Node | null = null;
    for (const child of Array.from(node.childNodes)) {
      const before = previous;
      previous = child;
      if (child.nodeType === 3) {
        run += (child.nodeValue ?? '').replace(/\n/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED.has(tag)) continue;
      if (INLINE.has(tag)) {
        const text = textOf(child);
        run += needsSpace(before, child, run, text) ? ` ${text}` : text;
        continue;
      }
      flush();
      const kind = BLOCK_KINDS[tag];
      if (kind) push(inherited === 'quote' && kind === 'paragraph' ? 'quote' : kind, childrenText(child));
      else walk(child, CONTAINERS_OF_KIND[tag] ?? inherited);
    }
    flush();
  };
  walk(root, undefined);
  return drafts;
}
