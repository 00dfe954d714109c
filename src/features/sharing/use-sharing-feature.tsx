import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describe } from '../../core/annotations/anchoring';
import { createAnnotation, type Annotation } from '../../core/annotations/annotation';
import { saveAnnotation } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import type { DecorationsByBlock } from '../../core/decorations/merge';
import { passageDecorations } from '../../core/links/passage-anchor';
import { passageLinkPlace, receivedBlockId, receivePassage, type ReceivedPassage } from '../../core/links/received-passage';
import type { SharedPassage } from '../../core/links/share-link';

import { useStore } from '../../shared/store-context';
import { SharePanel, type ShareRequest } from './SharePanel';
import { LinkProblemNotice, SharedPassageNotice } from './SharedPassageNotice';

/** A range of articleText(article); structurally the selection toolbar's range. */
export interface ShareableRange {
  readonly start: number;
  readonly end: number;
}

export interface SharingFeature {
  /** The shared passage's marks (`mark[data-shared-passage]`). */
  decorations: DecorationsByBlock | undefined;
  /** Above the article: the shared passage's status and note, or a problem with the link. */
  notices: ReactNode;
  /** The block to scroll to: where the passage was found, else the link's block. */
  targetBlockId: string | undefined;
  /** The selection toolbar's "Share" button. */
  toolbarAction: (range: ShareableRange) => ReactNode;
  /** Share an existing highlight (with its note offered). */
  shareAnnotation: (annotation: Annotation) => void;
  /** A "Share" button for one highlight (the notes panel's cards). */
  annotationAction: (annotation: Annotation) => ReactNode;
  /** The share panel, when open. */
  overlay: ReactNode;
  /** For a passage link whose article is not in this browser: how to get a link that carries it. */
  unknownArticleHint: ReactNode;
}

export const SHARED_PASSAGE_ID = 'link';

interface Options {
  /** The link's block id and query parameters (an article route), or a passage read from a self-contained link. */
  readonly blockId?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly passage?: SharedPassage;
  /** The article exists only in this browser: offer "share with the article". */
  readonly local: boolean;
  /** The article is shown from a link (not in the library): nothing may be saved against it. */
  readonly readOnly?: boolean;
}

export function useSharingFeature(article: Article | undefined, options: Options): SharingFeature {
  const { t } = useTranslation('sharing');
  const store = useStore();
  const { blockId, params, passage: givenPassage, local, readOnly = false } = options;
  // The route's params are a new object on every render: work from their text.
  const where = passageLinkPlace(blockId, params);
  // The panel belongs to the place it was opened from: following a link closes it.
  const [opened, setRequest] = useState<{ request: ShareRequest; where: string } | null>(null);
  const request = opened?.where === where ? opened.request : null;

  const received = useMemo((): ReceivedPassage => (article ? receivePassage(article, where, givenPassage) : { kind: 'none' }), [article, where, givenPassage]);

  const decorations = useMemo(() => {
    if (!article || received.kind !== 'passage' || received.location.status !== 'found') return undefined;
    return passageDecorations(article, received.location.start, received.location.end, SHARED_PASSAGE_ID);
  }, [article, received]);

  const keep = useCallback(async (): Promise<boolean> => {
    if (!article || received.kind !== 'passage' || received.location.status !== 'found') return false;
    const { start, end } = received.location;
    const annotation = createAnnotation({ articleId: article.id, selectors: describe(article, { start, end }), note: received.passage.note ?? '' });
    const result = saveAnnotation(store, annotation);
    return result.ok;
  }, [article, received, store]);

  let notices: ReactNode = null;
  if (received.kind === 'problem') notices = <LinkProblemNotice problem={received.problem} />;
  else if (received.kind === 'passage' && article)
    notices = (
      <SharedPassageNotice
        passage={received.passage}
        lang={article.lang}
        dir={article.dir}
        found={received.location.status === 'found'}
        blockShown={received.location.blockId !== undefined}
        {...(readOnly ? {} : { onKeep: keep })}
      />
    );

  const targetBlockId = receivedBlockId(received);

  const shareRange = useCallback(
    (range: ShareableRange) => {
      if (!article) return;
      setRequest({ request: { selectors: describe(article, range) }, where });
    },
    [article, where],
  );
  const toolbarAction = useCallback(
    (range: ShareableRange) => (
      <button type="button" className="button button--small" data-action="share" title={t('shareTitle')} onClick={() => shareRange(range)}>
        {t('share')}
      </button>
    ),
    [shareRange, t],
  );
  const shareAnnotation = useCallback(
    (annotation: Annotation) => {
      const [quote] = annotation.target.selectors;
      setRequest({ request: { selectors: { blockId: annotation.target.blockId, quote }, note: annotation.note }, where });
    },
    [where],
  );
  const annotationAction = useCallback(
    (annotation: Annotation) => (
      <button type="button" className="button button--ghost button--small" data-action="share" title={t('shareTitle')} onClick={() => shareAnnotation(annotation)}>
        {t('share')}
      </button>
    ),
    [shareAnnotation, t],
  );

  const overlay = article && request ? <SharePanel article={article} request={request} local={local} onClose={() => setRequest(null)} /> : null;
  const unknownArticleHint =
    !article && params?.q !== undefined ? (
      <p className="field-hint" data-shared-article-missing="">
        {t('received.articleMissing')}
      </p>
    ) : null;
  return { decorations, notices, targetBlockId, toolbarAction, shareAnnotation, annotationAction, overlay, unknownArticleHint };
}
