import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeDecorations } from '../core/decorations/merge';
import { useAnnotationsFeature, type AnnotationsFeature } from '../features/annotations/use-annotations-feature';
import type { ReaderMention } from '../core/entities/reader-entities';
import { useEntitiesFeature } from '../features/entities/use-entities-feature';
import { useArticle } from '../features/library/article-query';
import { OtherArticlesLink } from '../features/names/OtherArticlesLink';
import { ReaderView } from '../features/reader/ReaderView';
import { useSharingFeature } from '../features/sharing/use-sharing-feature';
import { noteParam } from '../core/links/quote-link';
import { rememberFocus, returnFocus } from '../shared/focus-return';
import { createReaderHandle, ReaderHandleProvider } from '../shared/reader-handle';
import { AppHeader } from './AppHeader';

export interface ReaderScreenProps {
  articleId: string;
  blockId?: string;
  params?: Readonly<Record<string, string>>;
}

/** Which side panel is open beside the article (one at a time; a sheet on narrow screens). */
export type ReaderPanel = 'entities' | 'notes' | null;

/**
 * The reader route: loads the article and composes the reader with the features that decorate it.
 * Each feature contributes decorations (merged here), top-bar actions and a side panel; features
 * never import each other, this screen wires them.
 */
/**
 * A name's card also offers the reader's highlights the name sits in (a click on such a name opens
 * its card only, the highlight's note is one step away): the annotations feature provides them.
 */
const HighlightsAtContext = createContext<AnnotationsFeature['highlightsAt']>(() => null);

function HighlightsAtMention({ mention }: { mention: ReaderMention }) {
  return <>{useContext(HighlightsAtContext)(mention)}</>;
}

export function ReaderScreen({ articleId, blockId, params }: ReaderScreenProps) {
  const { t } = useTranslation('reader');
  const query = useArticle(articleId);
  const [panel, setPanel] = useState<ReaderPanel>(null);
  const article = query.data?.status === 'found' ? query.data.article : undefined;
  // The reader's handle: ReaderView binds it to the article, the features reach the article through it.
  const [reader] = useState(createReaderHandle);

  const entities = useEntitiesFeature(article, reader, {
    open: panel === 'entities',
    toggle: () => setPanel((p) => (p === 'entities' ? null : 'entities')),
    close: () => setPanel(null),
  }, (entityKey, mention) => (
    <>
      <OtherArticlesLink entityKey={entityKey} articleId={articleId} />
      <HighlightsAtMention mention={mention} />
    </>
  ));

  const sharing = useSharingFeature(article, { blockId, params, local: query.data?.status === 'found' && query.data.origin !== 'bundled' });

  const notes = useAnnotationsFeature(articleId, article, reader, {
    open: panel === 'notes',
    toggle: () => setPanel((p) => (p === 'notes' ? null : 'notes')),
    close: () => setPanel(null),
  }, (range) => <>{sharing.toolbarAction(range)}{entities.toolbarAction(range)}</>, sharing.annotationAction, noteParam(params));

  // Memoised: a new map would re-render every block of a long article.
  const decorations = useMemo(() => mergeDecorations(entities.decorations, notes.decorations, sharing.decorations), [entities.decorations, notes.decorations, sharing.decorations]);
  const panelContent = panel === 'entities' ? entities.panel : panel === 'notes' ? notes.panel : null;

  // Keyboard: an opened panel takes focus; when it closes, focus goes back to what opened it (with
  // its ring only if the panel was opened from the keyboard).
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!panel) return;
    const opener = rememberFocus();
    panelRef.current?.focus({ preventScroll: true });
    return () => {
      if (!document.activeElement || document.activeElement === document.body) returnFocus(opener);
    };
  }, [panel]);

  let body;
  if (query.isPending) body = <p className="notice" aria-busy="true">{t('common:loading')}</p>;
  else if (query.isError) body = <p className="notice notice--error" role="alert">{t('loadError')}</p>;
  else if (!article)
    body = (
      <div className="notice notice--warning" role="alert" data-unknown-article={articleId}>
        <p>{t('unknownArticle')}</p>
        {sharing.unknownArticleHint}
        <a href="#/">{t('common:backToLibrary')}</a>
      </div>
    );
  else
    body = (
      <div className={`reader-layout${panel && panelContent ? ' has-panel' : ''}`}>
        <ReaderView reader={reader} article={article} targetBlockId={sharing.targetBlockId ?? blockId} decorations={decorations} margin={notes.margin} hiddenEntityTypes={entities.hiddenTypes} entitiesOff={!entities.display.namesOn} alerts={sharing.notices} notices={<>{notes.notice}{entities.legend}</>} />
        {panel && panelContent && (
          <aside ref={panelRef} tabIndex={-1} className="reader-panel" aria-label={t(`panels.${panel}`)} data-panel={panel}>
            {panelContent}
          </aside>
        )}
        {entities.overlay}
        {notes.overlay}
        {sharing.overlay}
      </div>
    );

  return (
    <ReaderHandleProvider value={reader}>
      <AppHeader actions={<>{notes.action}{entities.action}</>} />
      <main id="main" tabIndex={-1} data-panel-open={panel ?? undefined} onKeyDown={(e) => e.key === 'Escape' && panel && setPanel(null)}>
        <HighlightsAtContext.Provider value={notes.highlightsAt}>{body}</HighlightsAtContext.Provider>
      </main>
    </ReaderHandleProvider>
  );
}
