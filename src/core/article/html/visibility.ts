import { compile } from 'css-select';
import { parseDeclarations, parseStyleSheets, selectorKey, type Declaration, type StyleRule } from './stylesheet';

/**
 * Whether a reader would see an element's text, decided as a browser would for what matters here:
 * the page's own `<style>` rules and `style` attributes cascaded (specificity, order, !important),
 * with inheritance where CSS has it (visibility, font-size), for `display:none`, `visibility:hidden`,
 * `font-size:0`, `opacity:0`, zero-area clipping, off-screen positioning and the 1-pixel
 * "screen-reader only" box; then `hidden`, `<template>`/`<noscript>`/`<dialog>`, the hidden classes
 * of common CSS frameworks (their stylesheets are on another server), and `aria-hidden` decoration.
 */

const HIDDEN_TAGS = new Set(['TEMPLATE', 'NOSCRIPT', 'DIALOG']);
// Class names that mean "not shown" in the common CSS frameworks and CMS themes.
const HIDDEN_CLASSES = new Set([
  'hidden', 'hide', 'is-hidden', 'd-none', 'display-none', 'u-hidden', 'invisible', 'visually-hidden', 'visuallyhidden',
  'sr-only', 'screen-reader-text', 'screen-reader-only', 'element-invisible', 'offscreen', 'hidden-all', 'show-for-sr',
]);
/** aria-hidden text longer than this is something sighted readers see (a visual headline), so it stays. */
const ARIA_HIDDEN_DECORATION = 100;
/** Elements whose style is cascaded; past it (a page of hundreds of thousands) the rest inherit only. */
const CASCADE_LIMIT = 200_000;

/** `display:none`, `visibility:hidden|collapse` in a style declaration list (later declarations win). */
export function styleHides(style: string): boolean {
  const declarations = parseDeclarations(style);
  const display = declarations.get('display')?.value;
  const visibility = declarations.get('visibility')?.value;
  return display === 'none' || visibility === 'hidden' || visibility === 'collapse';
}

/** What the markup alone says (attributes, tags, framework classes), without any stylesheet. */
export function isHiddenElement(element: Element): boolean {
  if (HIDDEN_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true' && (element.textContent ?? '').trim().length < ARIA_HIDDEN_DECORATION) return true;
  const style = element.getAttribute('style');
  if (style && styleHides(style)) return true;
  for (const name of (element.getAttribute('class') ?? '').split(/\s+/)) if (HIDDEN_CLASSES.has(name.toLowerCase())) return true;
  return false;
}

type Options = NonNullable<Parameters<typeof compile<Node, Element>>[1]>;

const adapter: NonNullable<Options['adapter']> = {
  isTag: (node): node is Element => node.nodeType === 1,
  getAttributeValue: (element, name) => element.getAttribute(name) ?? undefined,
  getChildren: (node) => Array.from(node.childNodes),
  getName: (element) => element.localName.toLowerCase(),
  getParent: (node) => (node.parentNode && node.parentNode.nodeType === 1 ? node.parentNode : null),
  getSiblings: (node) => (node.parentNode ? Array.from(node.parentNode.childNodes) : [node]),
  prevElementSibling: (node) => (node as Element).previousElementSibling,
  getText: (node) => node.textContent ?? '',
  hasAttrib: (element, name) => element.hasAttribute(name),
  removeSubsets: (nodes) => nodes,
};

interface CompiledRule extends StyleRule {
  readonly test: (element: Element) => boolean;
}

/** Rules indexed by what the element itself must carry, as browsers do, so each element tests a few. */
class RuleIndex {
  private readonly byId = new Map<string, CompiledRule[]>();
  private readonly byClass = new Map<string, CompiledRule[]>();
  private readonly byTag = new Map<string, CompiledRule[]>();
  private readonly universal: CompiledRule[] = [];

  constructor(rules: readonly StyleRule[]) {
    for (const rule of rules) {
      let test: (element: Element) => boolean;
      try {
        test = compile<Node, Element>(rule.selector, { adapter, xmlMode: false });
      } catch {
        continue; // A selector the matcher does not know never hides anything here.
      }
      const compiled = { ...rule, test };
      const key = selectorKey(rule.selector);
      const push = (map: Map<string, CompiledRule[]>, name: string) => map.set(name, [...(map.get(name) ?? []), compiled]);
      if (key.id) push(this.byId, key.id);
      else if (key.className) push(this.byClass, key.className);
      else if (key.tag) push(this.byTag, key.tag);
      else this.universal.push(compiled);
    }
  }

  get empty(): boolean {
    return this.byId.size === 0 && this.byClass.size === 0 && this.byTag.size === 0 && this.universal.length === 0;
  }

  matching(element: Element): CompiledRule[] {
    const out: CompiledRule[] = [];
    const add = (rules: readonly CompiledRule[] | undefined) => {
      for (const rule of rules ?? []) {
        try {
          if (rule.test(element)) out.push(rule);
        } catch {
          // Matching failed on this element: as if the rule did not apply.
        }
      }
    };
    const id = element.getAttribute('id');
    if (id) add(this.byId.get(id));
    const classes = element.getAttribute('class');
    if (classes) for (const name of new Set(classes.split(/\s+/))) if (name) add(this.byClass.get(name));
    add(this.byTag.get(element.localName.toLowerCase()));
    add(this.universal);
    return out;
  }
}

type Computed = ReadonlyMap<string, string>;

/** The cascaded value of each property: !important first, then the style attribute, then specificity and order. */
function cascade(element: Element, rules: readonly CompiledRule[]): Computed {
  const winners = new Map<string, { declaration: Declaration; rank: number }>();
  const consider = (property: string, declaration: Declaration, rank: number) => {
    const current = winners.get(property);
    if (!current || rank >= current.rank) winners.set(property, { declaration, rank });
  };
  const INLINE = 2 ** 40;
  const IMPORTANT = 2 ** 41;
  for (const rule of rules) {
    const rank = rule.specificity * 100_000 + rule.order;
    for (const [property, declaration] of rule.declarations) consider(property, declaration, declaration.important ? IMPORTANT + rank : rank);
  }
  const inline = element.getAttribute('style');
  if (inline) for (const [property, declaration] of parseDeclarations(inline)) consider(property, declaration, declaration.important ? IMPORTANT * 2 : INLINE);
  return new Map(Array.from(winners, ([property, { declaration }]) => [property, declaration.value]));
}

const px = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const match = /^(-?\d*\.?\d+)(px|em|rem|pt|vw|%)?$/.exec(value.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] === 'em' || match[2] === 'rem' ? n * 16 : match[2] === 'pt' ? n * 1.33 : n;
};

function zeroArea(clip: string | undefined): boolean {
  if (!clip) return false;
  const rect = /^rect\(([^)]*)\)$/.exec(clip.trim());
  if (!rect?.[1]) return false;
  const [top, right, bottom, left] = rect[1].split(/[\s,]+/).map((v) => px(v) ?? Number.NaN);
  if ([top, right, bottom, left].some((v) => v === undefined || Number.isNaN(v))) return false;
  return Math.abs((bottom ?? 0) - (top ?? 0)) <= 1 || Math.abs((right ?? 0) - (left ?? 0)) <= 1;
}

function clippedAway(clipPath: string | undefined): boolean {
  if (!clipPath) return false;
  const value = clipPath.trim();
  const inset = /^inset\(\s*(\d+(?:\.\d+)?)%/.exec(value);
  if (inset && Number(inset[1]) >= 50) return true;
  if (/^circle\(\s*0(?:px|%)?\s*[)a]/.test(value)) return true;
  return /^polygon\(/.test(value) && !/[1-9]/.test(value);
}

const OFF_SCREEN = -999;

/** Whether the element and all it holds are out of sight, whatever its children say. */
function hidesSubtree(style: Computed): boolean {
  if (style.get('display') === 'none') return true;
  const opacity = Number.parseFloat(style.get('opacity') ?? '1');
  if (!Number.isNaN(opacity) && opacity <= 0.01) return true;
  const position = style.get('position');
  const positioned = position === 'absolute' || position === 'fixed';
  if (positioned && zeroArea(style.get('clip'))) return true;
  if (clippedAway(style.get('clip-path'))) return true;
  if (positioned && ['left', 'right', 'top', 'inset-inline-start', 'inset-inline-end'].some((side) => (px(style.get(side)) ?? 0) <= OFF_SCREEN)) return true;
  if ((px(style.get('text-indent')) ?? 0) <= OFF_SCREEN) return true;
  const translate = /translate(?:x|y|3d)?\(\s*(-?\d+(?:\.\d+)?)px/.exec(style.get('transform') ?? '');
  if (translate && Number(translate[1]) <= OFF_SCREEN) return true;
  // The "screen-reader only" box: 1px or less, overflow hidden.
  const tiny = (v: string | undefined) => v !== undefined && (px(v) ?? 2) <= 1;
  const overflowHidden = /hidden|clip/.test(style.get('overflow') ?? '');
  return overflowHidden && (tiny(style.get('width')) || tiny(style.get('height')) || tiny(style.get('max-height')) || tiny(style.get('max-width')));
}

type FontSize = 'zero' | 'set' | 'inherit';

function fontSizeOf(style: Computed): FontSize {
  const size = style.get('font-size') ?? /^(\S+?)(?:\/\S+)?\s/.exec(style.get('font') ?? '')?.[1];
  if (size === undefined) return 'inherit';
  const match = /^(-?\d*\.?\d+)([a-z%]*)$/.exec(size.trim());
  if (match) {
    if (Number(match[1]) === 0) return 'zero';
    // em, %, and `larger` scale what they inherit: zero stays zero.
    return match[2] === 'em' || match[2] === '%' ? 'inherit' : 'set';
  }
  return size === 'larger' || size === 'smaller' || size === 'inherit' ? 'inherit' : 'set';
}

export interface VisibilityResult {
  /** Elements removed with everything in them. */
  readonly elements: number;
  /** Text runs removed from elements that stay (inherited visibility:hidden or font-size:0). */
  readonly textRuns: number;
  /** A few of the removed texts, for the preview's "dropped" list. */
  readonly samples: readonly string[];
}

/**
 * Removes what a reader would not see under `root`, as the page's own stylesheets and markup say.
 * `styleTexts` are the page's `<style>` contents (already taken out of the document).
 */
export function removeInvisible(root: Element, styleTexts: readonly string[]): VisibilityResult {
  const index = new RuleIndex(parseStyleSheets(styleTexts));
  const useRules = !index.empty;
  const removeElements: Element[] = [];
  const removeTexts: Node[] = [];
  let cascaded = 0;

  const walk = (element: Element, visible: boolean, fontZero: boolean) => {
    if (isHiddenElement(element)) {
      removeElements.push(element);
      return;
    }
    // Kept aria-hidden text is seen by sighted readers: later steps (Readability) must not drop it.
    if (element.hasAttribute('aria-hidden')) element.removeAttribute('aria-hidden');
    let ownVisible = visible;
    let ownFontZero = fontZero;
    const needsCascade = (useRules || element.hasAttribute('style')) && cascaded < CASCADE_LIMIT;
    if (needsCascade) {
      cascaded += 1;
      const style = cascade(element, useRules ? index.matching(element) : []);
      if (style.size > 0) {
        if (hidesSubtree(style)) {
          removeElements.push(element);
          return;
        }
        const visibility = style.get('visibility');
        if (visibility === 'hidden' || visibility === 'collapse') ownVisible = false;
        else if (visibility === 'visible') ownVisible = true;
        const size = fontSizeOf(style);
        if (size === 'zero') ownFontZero = true;
        else if (size === 'set') ownFontZero = false;
      }
    }
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) walk(child as Element, ownVisible, ownFontZero);
      else if (child.nodeType === 3 && (!ownVisible || ownFontZero) && (child.nodeValue ?? '').trim() !== '') removeTexts.push(child);
    }
  };
  walk(root, true, false);

  const samples: string[] = [];
  const sample = (text: string | null) => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (clean && samples.length < 20) samples.push(clean.length > 200 ? `${clean.slice(0, 200)}…` : clean);
  };
  for (const element of removeElements) {
    sample(element.textContent);
    element.remove();
  }
  for (const text of removeTexts) {
    sample(text.nodeValue);
    text.parentNode?.removeChild(text);
  }
  return { elements: removeElements.length, textRuns: removeTexts.length, samples };
}
