import { useMemo } from 'react';
import type { Article } from '../../core/article/article';
import { applyCorrections, validCorrections, type Correction } from '../../core/entities/corrections';
import { buildReaderEntities, isConfidentMention, mentionsFromTagResult, type ReaderEntities } from '../../core/entities/reader-entities';
import type { EntityDisplay } from '../../core/entities/entity-display-store';
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

/** Block kinds whose names are left unmarked unless the reader asks for them. */
const HEADING_KINDS: ReadonlySet<string> = new Set(['title', 'heading']);

/**
 * Tag the article (worker), apply the reader's corrections, regroup: everything the feature shows.
 * Without `markHeadings`, names in the headline and headings are not marks at all (not counted, not
 * stepped through), so the headline reads plain; with `confidentOnly`, neither are the tagger's
 * unsure names.
 */
export function useReaderEntities(article: Article | undefined, display: Pick<EntityDisplay, 'markHeadings' | 'confidentOnly'>): ReaderEntitiesState {
  const { markHeadings, confidentOnly } = display;
  const lists = useEntityLists();
  const tags = useArticleEntities(article, lists);
  const corrections = useCorrections(article?.id ?? '');
  const data = tags.data;
  const base = useMemo(() => (article && data ? mentionsFromTagResult(article.blocks, data) : null), [article, data]);
  const model = useMemo(() => {
    if (!article || !base) return null;
    const corrected = applyCorrections(article.blocks, base, corrections);
    const mentions = confidentOnly ? corrected.filter(isConfidentMention) : corrected;
    if (markHeadings) return buildReaderEntities(article.blocks, mentions);
    const headings = new Set(article.blocks.filter((b) => HEADING_KINDS.has(b.kind)).map((b) => b.id));
    return buildReaderEntities(article.blocks, mentions.filter((m) => !headings.has(m.blockId)));
  }, [article, base, corrections, markHeadings, confidentOnly]);
  const validIds = useMemo(() => new Set(validCorrections(article?.blocks ?? [], corrections).map((c) => c.id)), [article, corrections]);
  return { model, status: tags.status, corrections, validIds };
}
