import type { Article } from './article';

/** Words as the reader sees them: whitespace-separated, surrounding punctuation kept. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
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
