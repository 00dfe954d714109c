import * as v from 'valibot';
import type { Article } from './article';
import { ARTICLE_LIMITS } from '../limits';

/**
 * The Article schema for anything that did not come out of our own parser in this session:
 * storage (imported articles) and articles carried in shared links. The limits (core/limits) keep a
 * hostile or corrupt value from blowing up memory or the layout.
 */

const blockSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{0,63}$/)),
  kind: v.picklist(['title', 'lead', 'paragraph', 'heading', 'caption', 'quote']),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.blockTextLength)),
});

const datelineSchema = v.object({
  raw: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.datelineLength)),
  date: v.optional(v.pipe(v.string(), v.isoDate())),
  byline: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.datelineLength))),
  generated: v.optional(v.boolean()),
});

/** An article id: URL-safe, and never a name like `__proto__` (it keys records and storage keys). */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

export const articleSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(ARTICLE_ID_PATTERN), v.maxLength(ARTICLE_LIMITS.idLength)),
    title: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.titleLength)),
    dateline: v.optional(datelineSchema),
    lang: v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/), v.maxLength(35)),
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
) satisfies v.GenericSchema<unknown, Article>;

export function isArticle(value: unknown): value is Article {
  return v.is(articleSchema, value);
}
