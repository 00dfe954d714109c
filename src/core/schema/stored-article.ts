import * as v from 'valibot';
import { ARTICLE_LIMITS } from '../limits';
import { accountNameSchema } from './account';
import { realTimestampSchema } from './annotation';
import { articleSchema, syncedArticleSchema, type Article } from './article';
import { lenient, strict, type SchemaMakers } from './strictness';
import { tagsSchema } from './tags';

/**
 * An article the reader imported (from a file, a paste or a link), as the library keeps it and as
 * it travels through sync: the article plus what the reader added (tags, archive, groups). The
 * summary is what a library card shows and what the filters need, without the text.
 */

export type ImportOrigin = 'import' | 'shared';

export interface SharedBy {
  readonly group: string;
  readonly author: string;
}

export interface StoredArticle {
  readonly article: Article;
  /** ISO timestamp of the first import. */
  readonly importedAt: string;
  /** The file name the article came from, when it came from a file. */
  readonly name?: string;
  readonly origin: ImportOrigin;
  /** The reader's tags (same rules as the notes' tags). */
  readonly tags: readonly string[];
  /** Archived articles leave the main list but keep everything. */
  readonly archived: boolean;
  /** With sync: the groups this reader shares the article with. */
  readonly groups?: readonly string[];
  /** With sync: an article another member shared with a group (read-only here). */
  readonly sharedBy?: SharedBy;
}

/** What the library list needs of an article, without its text. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly lead: string;
  readonly words: number;
  /** The dateline's ISO date, when the article has one. */
  readonly published?: string;
  readonly importedAt: string;
  readonly name?: string;
  readonly origin: ImportOrigin;
  readonly tags: readonly string[];
  readonly archived: boolean;
  /** Changes whenever the article's text does (see articleRevision in core/article/article-store.ts). */
  readonly revision?: string;
  readonly groups?: readonly string[];
  readonly sharedBy?: SharedBy;
}

function articleMetaEntriesWith({ object }: SchemaMakers) {
  return {
    importedAt: realTimestampSchema('importedAt'),
    name: v.optional(v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.fileNameLength))),
    origin: v.picklist(['import', 'shared']),
    tags: v.optional(tagsSchema, []),
    archived: v.optional(v.boolean(), false),
    groups: v.optional(v.pipe(v.array(accountNameSchema), v.maxLength(ARTICLE_LIMITS.groups))),
    sharedBy: v.optional(object({ group: accountNameSchema, author: accountNameSchema })),
  };
}

/** What the reader added to an article, shared by the stored article and its summary. */
export const articleMetaEntries = articleMetaEntriesWith(lenient);

/** As the library stores it: unknown fields are dropped (strictness.ts). */
export const storedArticleSchema = v.object({ article: articleSchema, ...articleMetaEntries }) satisfies v.GenericSchema<unknown, StoredArticle>;
/** As synced: unknown fields are refused. */
export const syncedStoredArticleSchema = strict.object({ article: syncedArticleSchema, ...articleMetaEntriesWith(strict) }) satisfies v.GenericSchema<unknown, StoredArticle>;

export const articleSummarySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.idLength)),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(ARTICLE_LIMITS.titleLength)),
  lang: v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.langLength)),
  dir: v.picklist(['rtl', 'ltr']),
  lead: v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.leadLength)),
  words: v.pipe(v.number(), v.integer(), v.minValue(0)),
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  revision: v.optional(v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.revisionLength))),
  ...articleMetaEntries,
}) satisfies v.GenericSchema<unknown, ArticleSummary>;
