import type { Article } from './article';

/** What `\s` matches (the white space and line terminators of JavaScript), by code point. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));
}

/**
 * Words as the reader sees them: whitespace-separated, surrounding punctuation kept. Counted in
 * place (no array of words): saving a 300,000-word import counts every block.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count += 1;
    inWord = !space;
  }
  return count;
}

/** How much of the lead the library's card shows. */
export const LEAD_PREVIEW_LENGTH = 220;

/** `text` cut to `max` characters, with an ellipsis when something was cut. */
export function truncateText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Words in the whole article, as the reader sees them (see countWords). */
export function articleWordCount(article: Pick<Article, 'blocks'>): number {
  return article.blocks.reduce((sum, block) => sum + countWords(block.text), 0);
}

/** The start of the article's first lead or paragraph, for a preview; empty when it has neither. */
export function articleLeadPreview(article: Pick<Article, 'blocks'>, max = LEAD_PREVIEW_LENGTH): string {
  const lead = article.blocks.find((block) => block.kind === 'lead' || block.kind === 'paragraph')?.text ?? '';
  return truncateText(lead, max);
}
