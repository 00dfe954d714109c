import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Article } from '../../core/article/article';
import { hash53 } from '../../core/article/hash';
import { toTagOptions, type PersonalLists } from '../../core/entities/corrections';
import type { TagResult } from '../../core/entities/entities';
import { afterNextPaint } from '../../shared/after-paint';
import { entityKeys } from './query-keys';
import { getTagger } from './tagger-instance';

/**
 * The tagger's answer for the article's blocks (title first), with the reader's personal lists.
 * Asked for after the text's first paint: the query starts in the render that shows the text, and
 * starting the worker and handing it the text (tens of milliseconds) would hold that paint back.
 */
export async function fetchArticleEntities(article: Pick<Article, 'blocks'>, lists: PersonalLists): Promise<TagResult> {
  await afterNextPaint();
  return getTagger().tag(
    article.blocks.map((b) => b.text),
    toTagOptions(lists),
  );
}

// Hashing a 100,000-word text takes milliseconds, and the query key is built on every render of
// the reader: hashed once per blocks array (an edit makes a new one).
const textRevisions = new WeakMap<Article['blocks'], string>();

function textRevision(blocks: Article['blocks']): string {
  let revision = textRevisions.get(blocks);
  if (revision === undefined) {
    revision = hash53(blocks.map((b) => `${b.id}\u0000${b.text}`).join('\u0001')).toString(36);
    textRevisions.set(blocks, revision);
  }
  return revision;
}

/** A revision of the text and of the lists: editing either re-tags; nothing else does. */
export function taggingRevision(article: Pick<Article, 'blocks'>, lists: PersonalLists): string {
  return `${textRevision(article.blocks)}-${hash53(JSON.stringify(lists)).toString(36)}`;
}

export const articleEntitiesQueryOptions = (article: Article, lists: PersonalLists) =>
  queryOptions({
    queryKey: entityKeys.tagged(article.id, taggingRevision(article, lists)),
    queryFn: () => fetchArticleEntities(article, lists),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: 0,
  });

export function useArticleEntities(article: Article | undefined, lists: PersonalLists) {
  return useQuery({
    ...articleEntitiesQueryOptions(article ?? { id: '', title: '', lang: 'ar', dir: 'rtl', blocks: [] }, lists),
    enabled: article !== undefined,
    // Keep the previous marks while a re-tag (after a list change) runs.
    placeholderData: (previous) => previous,
  });
}
