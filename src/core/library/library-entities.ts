import * as v from 'valibot';
import type { Annotation } from '../annotations/annotation';
import type { Article, Block } from '../article/article';
import { hash53 } from '../article/hash';
import { applyCorrections, toTagOptions, type Correction, type PersonalLists } from '../entities/corrections';
import type { TagOptions, TagResult } from '../entities/entities';
import { entityTypeSchema, isNameType, type EntityType } from '../entities/entity-types';
import { mentionsFromTagResult, type ReaderMention } from '../entities/reader-entities';
import type { IdbStore, RecordSpec } from '../storage/idb-store';

/**
 * Names across the library. Each article's mentions (the tagger's, with the reader's lists and that
 * article's corrections applied, exactly as the reader shows them) are cached in IndexedDB under a
 * revision of everything they depend on: the text, the lists, the corrections and the model. A
 * change to any of them makes the cache stale and the article is tagged again. Mentions of all
 * articles are then merged by the reader's grouping key.
 */

export interface CachedMention {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly key: string;
  readonly text: string;
}

export interface CachedEntities {
  readonly revision: string;
  readonly mentions: readonly CachedMention[];
}

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const cachedEntitiesSchema = v.object({
  revision: v.pipe(v.string(), v.maxLength(200)),
  mentions: v.array(
    v.object({
      blockId: v.pipe(v.string(), v.maxLength(200)),
      start: offset,
      end: offset,
      type: entityTypeSchema,
      key: v.pipe(v.string(), v.maxLength(2_000)),
      text: v.pipe(v.string(), v.maxLength(2_000)),
    }),
  ),
}) satisfies v.GenericSchema<unknown, CachedEntities>;

export const entitiesRecordSpec: RecordSpec<CachedEntities> = { store: 'entities', version: 1, schema: cachedEntitiesSchema };

export interface MentionContext {
  readonly lists: PersonalLists;
  readonly corrections: readonly Correction[];
  /** Changes with the model file (its URL carries a content hash in the build). */
  readonly modelId: string;
}

/** What the cached mentions of an article depend on: its text (articleRevision), the lists, its corrections, the model. */
export function entitiesRevision(textRevision: string, context: MentionContext): string {
  return [textRevision, ...[JSON.stringify(context.lists), JSON.stringify(context.corrections), context.modelId].map((x) => hash53(x).toString(36))].join('-');
}

/** The reader's mentions of an article: tagger output anchored by block, corrections applied. */
export function readerMentions(blocks: readonly Block[], result: TagResult, corrections: readonly Correction[]): CachedMention[] {
  return applyCorrections(blocks, mentionsFromTagResult(blocks, result), corrections).map((m: ReaderMention) => ({
    blockId: m.blockId,
    start: m.start,
    end: m.end,
    type: m.type,
    key: m.key,
    text: m.text,
  }));
}

export type Tag = (texts: readonly string[], options?: TagOptions) => Promise<TagResult>;

/**
 * An article's mentions: from `cached` when its revision is current, else the article is loaded,
 * tagged and the result cached. Undefined when the article cannot be loaded.
 */
export async function articleMentions(
  db: IdbStore,
  tag: Tag,
  source: { id: string; textRevision: string; load: () => Promise<Article | undefined> },
  context: MentionContext,
  cached: CachedEntities | undefined,
): Promise<readonly CachedMention[] | undefined> {
  const revision = entitiesRevision(source.textRevision, context);
  if (cached?.revision === revision) return cached.mentions;
  const article = await source.load();
  if (!article) return undefined;
  const result = await tag(
    article.blocks.map((b) => b.text),
    toTagOptions(context.lists),
  );
  const mentions = readerMentions(article.blocks, result, context.corrections);
  // A cache that cannot be written (full storage) only costs a re-tag next time.
  await db.put(entitiesRecordSpec, source.id, { revision, mentions });
  return mentions;
}

/** What the names pages show of an article. */
export interface ArticleRef {
  readonly id: string;
  readonly title: string;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  /** The article's date (published, else imported), ISO; used for "mentions over time". */
  readonly date?: string;
}

export interface LibraryEntity {
  readonly key: string;
  readonly type: EntityType;
  /** The longest form seen; among equals the most frequent. */
  readonly name: string;
  readonly mentionCount: number;
  /** Articles that name it, with their mentions in reading order, most mentions first. */
  readonly articles: ReadonlyArray<{ readonly articleId: string; readonly mentions: readonly CachedMention[] }>;
}

/** Merges every article's mentions by grouping key; most mentioned first, then by name. */
export function mergeLibraryEntities(perArticle: ReadonlyArray<{ articleId: string; mentions: readonly CachedMention[] }>): LibraryEntity[] {
  const groups = new Map<string, { type: EntityType; forms: Map<string, number>; count: number; articles: Map<string, CachedMention[]> }>();
  for (const { articleId, mentions } of perArticle) {
    for (const m of mentions) {
      let g = groups.get(m.key);
      if (!g) {
        g = { type: m.type, forms: new Map(), count: 0, articles: new Map() };
        groups.set(m.key, g);
      }
      g.count += 1;
      g.forms.set(m.text, (g.forms.get(m.text) ?? 0) + 1);
      const list = g.articles.get(articleId);
      if (list) list.push(m);
      else g.articles.set(articleId, [m]);
    }
  }
  const out: LibraryEntity[] = [];
  for (const [key, g] of groups) {
    let name = '';
    for (const [form, n] of g.forms) if (form.length > name.length || (form.length === name.length && n > (g.forms.get(name) ?? 0))) name = form;
    const articles = [...g.articles].map(([articleId, mentions]) => ({ articleId, mentions })).sort((a, b) => b.mentions.length - a.mentions.length);
    out.push({ key, type: g.type, name, mentionCount: g.count, articles });
  }
  return out.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name, 'ar'));
}

/** The entities named in the most articles together with `key` (most shared articles first). */
export function namedWith(entities: readonly LibraryEntity[], key: string, limit = 10): Array<{ entity: LibraryEntity; articles: number }> {
  const target = entities.find((e) => e.key === key);
  if (!target) return [];
  const ids = new Set(target.articles.map((a) => a.articleId));
  return entities
    .filter((e) => e.key !== key && isNameType(e.type))
    .map((entity) => ({ entity, articles: entity.articles.filter((a) => ids.has(a.articleId)).length }))
    .filter((x) => x.articles > 0)
    .sort((a, b) => b.articles - a.articles || b.entity.mentionCount - a.entity.mentionCount)
    .slice(0, limit);
}

/** Mentions per month (YYYY-MM) by the articles' dates, oldest first; undated articles are left out. */
export function mentionsOverTime(entity: LibraryEntity, articles: ReadonlyMap<string, ArticleRef>): Array<{ month: string; mentions: number }> {
  const months = new Map<string, number>();
  for (const a of entity.articles) {
    const month = articles.get(a.articleId)?.date?.slice(0, 7);
    if (month) months.set(month, (months.get(month) ?? 0) + a.mentions.length);
  }
  return [...months].map(([month, mentions]) => ({ month, mentions })).sort((a, b) => a.month.localeCompare(b.month));
}

/** The reader's notes in the blocks where the entity is named. */
export function notesNearMentions(annotations: readonly Annotation[], mentions: readonly CachedMention[]): Annotation[] {
  const blocks = new Set(mentions.map((m) => m.blockId));
  return annotations.filter((a) => blocks.has(a.target.blockId));
}

/**
 * Which articles name each entity, from the cache alone (no tagging): for "in other articles (n)".
 * `complete` says whether every stored article has its names cached; until the names page has
 * tagged the rest, a count would be too low, so the card shows none.
 */
export async function articlesByEntity(db: IdbStore): Promise<{ byKey: Map<string, Set<string>>; complete: boolean }> {
  const byKey = new Map<string, Set<string>>();
  const cached = await db.getAll(entitiesRecordSpec);
  const cachedIds = new Set(cached.map(({ id }) => id));
  const complete = (await db.ids('articles')).every((id) => cachedIds.has(id));
  for (const { id, value } of cached) {
    for (const m of value.mentions) {
      const set = byKey.get(m.key);
      if (set) set.add(id);
      else byKey.set(m.key, new Set([id]));
    }
  }
  return { byKey, complete };
}
