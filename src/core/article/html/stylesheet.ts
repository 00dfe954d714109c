/**
 * The page's own `<style>` rules, read as text (never applied): comments, `@media` (evaluated for a
 * desktop screen, since that is how the reader saw the page), `@supports` (assumed), other at-rules
 * skipped. Only declarations of properties that can hide text are kept; a selector the matcher
 * cannot use (`:hover`, `::before`…) is dropped with its rule, since it never hides an element at rest.
 */

export const HIDING_PROPERTIES = new Set([
  'display', 'visibility', 'font-size', 'font', 'opacity', 'clip', 'clip-path', 'position', 'left', 'right', 'top', 'bottom',
  'inset-inline-start', 'inset-inline-end', 'text-indent', 'transform', 'width', 'height', 'max-height', 'max-width', 'overflow',
]);

export interface Declaration {
  readonly value: string;
  readonly important: boolean;
}

export interface StyleRule {
  readonly selector: string;
  readonly specificity: number;
  /** Source order across all of the page's style elements. */
  readonly order: number;
  readonly declarations: ReadonlyMap<string, Declaration>;
}

/** At most this many characters of CSS and rules are read: real pages stay far below both. */
export const STYLE_LIMITS = { characters: 1_000_000, rules: 20_000 } as const;

/** Viewport the media queries are evaluated for. */
const VIEWPORT = { width: 1280, height: 800 };

export function parseDeclarations(text: string): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    if (!HIDING_PROPERTIES.has(property)) continue;
    let value = part.slice(colon + 1).trim().toLowerCase();
    const important = /!\s*important\s*$/.test(value);
    if (important) value = value.replace(/!\s*important\s*$/, '').trim();
    const previous = out.get(property);
    // Within one block a later declaration wins unless the earlier one is !important and it is not.
    if (previous?.important && !important) continue;
    out.set(property, { value, important });
  }
  return out;
}

function lengthPx(value: string): number | undefined {
  const match = /^(-?\d*\.?\d+)(px|em|rem)?$/.exec(value.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === 'em' || match[2] === 'rem' ? n * 16 : n;
}

/** Whether a media query list applies to a desktop screen. */
export function mediaMatches(query: string): boolean {
  const list = query.toLowerCase().split(',').map((q) => q.trim()).filter((q) => q !== '');
  if (list.length === 0) return true;
  return list.some((q) => {
    const negated = /^not\s/.test(q);
    const body = q.replace(/^(?:not|only)\s+/, '');
    let matches = true;
    for (const part of body.split(/\s+and\s+/)) {
      const feature = /^\(\s*([a-z-]+)\s*(?::\s*([^)]+))?\)$/.exec(part.trim());
      if (!feature) {
        if (!['all', 'screen'].includes(part.trim())) matches = false;
        continue;
      }
      const [, name = '', raw = ''] = feature;
      const px = lengthPx(raw);
      if (name === 'min-width') matches &&= px !== undefined && VIEWPORT.width >= px;
      else if (name === 'max-width') matches &&= px !== undefined && VIEWPORT.width <= px;
      else if (name === 'min-height') matches &&= px !== undefined && VIEWPORT.height >= px;
      else if (name === 'max-height') matches &&= px !== undefined && VIEWPORT.height <= px;
      else if (name === 'orientation') matches &&= raw.trim() === 'landscape';
      else if (name === 'hover' || name === 'pointer' || name === 'any-hover' || name === 'any-pointer') matches &&= raw.trim() !== 'none';
      else matches = false;
    }
    return negated ? !matches : matches;
  });
}

/** Specificity as one comparable number (ids, classes/attributes/pseudo-classes, types). */
export function specificity(selector: string): number {
  const clean = selector.replace(/\\./g, 'x').replace(/"[^"]*"|'[^']*'/g, '');
  const ids = clean.match(/#[\w-]+/g)?.length ?? 0;
  const classes = (clean.match(/\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+/g) ?? []).filter((s) => !/^:(?:not|is|where|has)$/.test(s)).length;
  const types = clean.replace(/#[\w-]+|\.[\w-]+|\[[^\]]*\]|::?[\w-]+(?:\([^)]*\))?/g, ' ').match(/(?:^|[\s>+~(])[a-z][\w-]*/gi)?.length ?? 0;
  return ids * 1_000_000 + classes * 1_000 + types;
}

/** Split at top-level commas (not inside parentheses or brackets). */
function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i];
    if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter((s) => s !== '');
}

// Pseudo-classes that depend on the reader's pointer or on time: the rule never applies at rest.
const DYNAMIC = /::?(?:hover|focus|focus-within|focus-visible|active|visited|target|before|after|first-line|first-letter|placeholder|selection|marker|backdrop|-webkit-|-moz-|-ms-)/i;

/** The rules of every style text, in order, keeping only those that set a property that can hide text. */
export function parseStyleSheets(texts: readonly string[]): StyleRule[] {
  const rules: StyleRule[] = [];
  let order = 0;
  let budget = STYLE_LIMITS.characters;
  for (const full of texts) {
    if (budget <= 0) break;
    const text = full.slice(0, budget).replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
    budget -= full.length;
    const stack: boolean[] = [];
    let i = 0;
    let start = 0;
    while (i < text.length && rules.length < STYLE_LIMITS.rules) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      if (c === '{') {
        const prelude = text.slice(start, i).trim();
        const active = stack.every(Boolean);
        if (prelude.startsWith('@')) {
          const name = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase() ?? '';
          if (name === 'media') stack.push(active && mediaMatches(prelude.slice(6)));
          else if (name === 'supports' || name === 'layer' || name === 'container' || name === 'document') stack.push(active);
          else {
            // @font-face, @keyframes, @page…: skip the whole block.
            i = skipBlock(text, i);
            start = i;
            continue;
          }
          i += 1;
          start = i;
          continue;
        }
        const close = text.indexOf('}', i + 1);
        const end = close < 0 ? text.length : close;
        if (active) {
          const declarations = parseDeclarations(text.slice(i + 1, end));
          if (declarations.size > 0) {
            for (const selector of splitSelectors(prelude)) {
              if (DYNAMIC.test(selector)) continue;
              rules.push({ selector, specificity: specificity(selector), order: order++, declarations });
            }
          }
        }
        i = end + 1;
        start = i;
        continue;
      }
      if (c === '}') {
        stack.pop();
        start = i + 1;
      } else if (c === ';' && text.slice(start, i).trim().startsWith('@')) {
        // @import, @charset: statements without a block.
        start = i + 1;
      }
      i += 1;
    }
  }
  return rules;
}

function skipBlock(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** The key of a selector's last compound (what the element itself must carry): an id, a class or a tag. */
export function selectorKey(selector: string): { readonly id?: string; readonly className?: string; readonly tag?: string } {
  let depth = 0;
  let from = 0;
  for (let i = 0; i < selector.length; i += 1) {
    const c = selector[i];
    if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) from = i + 1;
  }
  const compound = selector.slice(from).trim();
  if (compound.includes('\\')) return {};
  const outside = compound.replace(/\[[^\]]*\]|\([^)]*\)/g, '');
  const id = /#([\w-]+)/.exec(outside)?.[1];
  if (id) return { id };
  const className = /\.([\w-]+)/.exec(outside)?.[1];
  if (className) return { className };
  const tag = /^([a-z][\w-]*)/i.exec(outside)?.[1];
  return tag ? { tag: tag.toLowerCase() } : {};
}
