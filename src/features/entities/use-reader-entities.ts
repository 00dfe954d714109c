import { useMemo } from 'react';
import type { Article } from '../../core/article/article';
import { applyCorrections, validCorrections, type Correction } from '../../core/entities/corrections';
import { buildReaderEntities, mentionsFromTagResult, type ReaderEntities } from '../../core/entities/reader-entities';
import { useArticleEntities } from './article-entities-query';
import { useCorrections } from './corrections-query';
import { useEntityLists } from './entity-lists-query';

export interface ReaderEntitiesState {
  /** null until the tagger answered for this article. */
  model: ReaderEntities | null;
  status: 'pending' | 'error' | 'success';
  corrections: readonly Correction[];
  /** Corrections whose text still matches the article. */
  validIds: ReadonlySet<string>;
}

/** Tag the article (worker), apply the reader's corrections, regroup: everything the feature shows. */
export function useReaderEntities(article: Article | undefined): ReaderEntitiesState {
  const lists = useEntityLists();
  const tags = useArticleEntities(article, lists);
  const corrections = useCorrections(article?.id ?? '');
  const data = tags.data;
  const base = useMemo(() => (article && data ? mentionsFromTagResult(article.blocks, data) : null), [article, data]);
  const model = useMemo(
    () => (article && base ? buildReaderEntities(article.blocks, applyCorrections(article.blocks, base, corrections)) : null),
    [article, base, corrections],
  );
  const validIds = useMemo(() => new Set(validCorrections(article?.blocks ?? [], corrections).map((c) => c.id)), [article, corrections]);
  return { model, status: tags.status, corrections, validIds };
}
