/**
 * The article model. Pure data: the parser produces it, the reader renders it, anchoring and the
 * entity tagger work on its text. The title is the first block (kind 'title') so that everything
 * a reader can see can also be linked, highlighted and tagged.
 */
export type BlockKind = 'title' | 'lead' | 'paragraph' | 'heading' | 'caption' | 'quote';

export interface Block {
  /** Stable id derived from the block's normalised text (see block-id.ts); also its DOM id. */
  readonly id: string;
  readonly kind: BlockKind;
  readonly text: string;
}

export interface Dateline {
  /** The line as it appeared, e.g. "الخميس 19 Sep / September 2024". */
  readonly raw: string;
  /** ISO date (yyyy-mm-dd) when one could be read from the line. */
  readonly date?: string;
  /** Who wrote it, when the page named an author beside the date ("سارة المصري - القاهرة"). */
  readonly byline?: string;
  /**
   * True when the page printed no date line and `raw` is Hashiya's own rendering of a date found in
   * the page's markup (JSON-LD, meta tags, <time>): the reader then shows `date` in the UI language.
   */
  readonly generated?: boolean;
}

export type TextDirection = 'rtl' | 'ltr';

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly dateline?: Dateline;
  /** BCP 47 language of the text ('ar', 'en', ...). */
  readonly lang: string;
  readonly dir: TextDirection;
  /** Reading order; blocks[0] is the title block. */
  readonly blocks: readonly Block[];
  /** The "المصادر:" line and what follows, without the label. */
  readonly sources?: string;
}

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
