import * as v from 'valibot';
import { ARTICLE_LIMITS } from '../limits';
import { lenient, strict, type SchemaMakers } from './strictness';

/**
 * The article as data: what the parser produces, storage keeps, links carry and the sync server
 * checks. Pure data; how its text is laid out for anchoring lives in core/article/article.ts.
 * The title is the first block (kind 'title') so that everything a reader can see can also be
 * linked, highlighted and tagged.
 */
export type BlockKind = 'title' | 'lead' | 'paragraph' | 'heading' | 'caption' | 'quote';
export const BLOCK_KINDS: readonly BlockKind[] = ['title', 'lead', 'paragraph', 'heading', 'caption', 'quote'];

export interface Block {
  /** Stable id derived from the block's normalised text (see core/article/block-id.ts); also its DOM id. */
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

/*
 * The schema is for anything that did not come out of our own parser in this session: storage
 * (imported articles), articles carried in shared links and articles arriving through sync. The
 * limits (core/limits) keep a hostile or corrupt value from blowing up memory or the layout.
 */

/** A calendar date (yyyy-mm-dd) that exists: valibot's isoDate alone takes 31 February. */
const realDateSchema = v.pipe(
  v.string(),
  v.isoDate(),
  v.check((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a real date'),
);

/** An article id: URL-safe, and never a name like `__proto__` (it keys records and storage keys). */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

function articleSchemaWith({ object }: SchemaMakers) {
  const blockSchema = object({
    id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/), v.maxLength(ARTICLE_LIMITS.blockIdLength)),
    kind: v.picklist(BLOCK_KINDS as [BlockKind, ...BlockKind[]]),
    text: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.blockTextLength)),
  });
  const datelineSchema = object({
    raw: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.datelineLength)),
    date: v.optional(realDateSchema),
    byline: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.datelineLength))),
    generated: v.optional(v.boolean()),
  });
  return v.pipe(
    object({
      id: v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN), v.maxLength(ARTICLE_LIMITS.idLength)),
      title: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.titleLength)),
      dateline: v.optional(datelineSchema),
      lang: v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/), v.maxLength(ARTICLE_LIMITS.langLength)),
      dir: v.picklist(['rtl', 'ltr']),
      blocks: v.pipe(v.array(blockSchema), v.minLength(1), v.maxLength(ARTICLE_LIMITS.maxBlocks)),
      sources: v.optional(v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.sourcesLength))),
    }),
    v.check((a) => a.blocks[0]?.kind === 'title', 'the first block must be the title'),
    v.check((a) => new Set(a.blocks.map((b) => b.id)).size === a.blocks.length, 'block ids must be unique'),
    v.check(
      (a) => a.blocks.reduce((n, b) => n + b.text.length, 0) <= ARTICLE_LIMITS.totalTextLength,
      'article text is too long',
    ),
  );
}

/** As stored and carried in links: unknown fields are dropped (strictness.ts). */
export const articleSchema = articleSchemaWith(lenient) satisfies v.GenericSchema<unknown, Article>;
/** As synced: unknown fields are refused. */
export const syncedArticleSchema = articleSchemaWith(strict) satisfies v.GenericSchema<unknown, Article>;

export function isArticle(value: unknown): value is Article {
  return v.is(articleSchema, value);
}
