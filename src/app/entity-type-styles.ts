import { entityTypeRules } from '../core/entities/entity-types';

/**
 * The per-type mark rules (colour variable, underline style, hidden when switched off) are
 * generated from the entity-type module and adopted once for the whole app: the reader's marks,
 * the legend and the names pages all use them. A constructed sheet, since the app's CSP
 * (style-src 'self') allows CSSOM but no <style> element.
 */
export function adoptEntityTypeStyles(doc: Document = document): void {
  if (typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype) || !('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(entityTypeRules().join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
