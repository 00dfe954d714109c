/**
 * The article's text as anchoring and the tagger see it: one string, blocks joined by a separator.
 * What an article is (its types and schema) lives in the schema leaf (core/schema/article.ts).
 */
import type { Article, Block } from '../schema/article';

export type { Article, Block, BlockKind, Dateline, TextDirection } from '../schema/article';

/** Separator between blocks in the article's flat text (TextPositionSelector offsets use it). */
export const BLOCK_SEPARATOR = '\n\n';

export interface BlockSpan {
  readonly block: Block;
  /** Offset of the block's first character in articleText(article). */
  readonly start: number;
  readonly end: number;
}

/** The article's text as one string: blocks joined by BLOCK_SEPARATOR. */
export function articleText(article: Pick<Article, 'blocks'>): string {
  return article.blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Where each block sits inside articleText(article). */
export function blockSpans(article: Pick<Article, 'blocks'>): BlockSpan[] {
  const spans: BlockSpan[] = [];
  let offset = 0;
  for (const block of article.blocks) {
    spans.push({ block, start: offset, end: offset + block.text.length });
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return spans;
}
