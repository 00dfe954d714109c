import { STYLE_ATTRIBUTE } from './prescan';

/**
 * Whether the page hides an element, decided from its markup alone. The app's CSP keeps a parsed
 * page's inline styles from applying (so `element.style` and layout say nothing), which is why the
 * prescan moved `style` to a data attribute that is read here as text.
 */

const HIDDEN_TAGS = new Set(['TEMPLATE', 'NOSCRIPT', 'DIALOG']);
// Class names that mean "not shown" in the common CSS frameworks and CMS themes.
const HIDDEN_CLASSES = new Set([
  'hidden', 'hide', 'is-hidden', 'd-none', 'display-none', 'u-hidden', 'invisible', 'visually-hidden', 'visuallyhidden',
  'sr-only', 'screen-reader-text', 'screen-reader-only', 'element-invisible', 'offscreen', 'hidden-all', 'show-for-sr',
]);

/** `display:none`, `visibility:hidden|collapse` in a style declaration list (later declarations win). */
export function styleHides(style: string): boolean {
  let display: string | undefined;
  let visibility: string | undefined;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (property === 'display') display = value;
    else if (property === 'visibility') visibility = value;
  }
  return display === 'none' || visibility === 'hidden' || visibility === 'collapse';
}

export function isHiddenElement(element: Element): boolean {
  if (HIDDEN_TAGS.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute(STYLE_ATTRIBUTE) ?? element.getAttribute('style');
  if (style && styleHides(style)) return true;
  for (const name of element.classList) if (HIDDEN_CLASSES.has(name.toLowerCase())) return true;
  return false;
}

/** Remove every hidden element under `root` (with its content); returns how many were removed. */
export function removeHidden(root: Element): number {
  const hidden = Array.from(root.querySelectorAll('*')).filter(isHiddenElement);
  // Children of a removed element go with it; removing them again is harmless.
  for (const element of hidden) element.remove();
  return hidden.length;
}
