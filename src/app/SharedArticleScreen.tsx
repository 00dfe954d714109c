import { useTranslation } from 'react-i18next';
import { ReaderView } from '../features/reader/ReaderView';
import { SharedArticleBanner } from '../features/sharing/SharedArticleBanner';
import { LinkProblemNotice } from '../features/sharing/SharedPassageNotice';
import { useSharedArticle } from '../features/sharing/shared-article-query';
import { useSharingFeature } from '../features/sharing/use-sharing-feature';
import { AppHeader } from './AppHeader';

/**
 * `#/s?v=1&d=…`: an article carried inside the link itself, shown read-only (no highlights, notes or
 * corrections are saved against it) until the reader adds it to the library.
 */
export interface SharedArticleScreenProps {
  params: Readonly<Record<string, string>>;
}

export function SharedArticleScreen({ params }: SharedArticleScreenProps) {
  const { t } = useTranslation('sharing');
  const query = useSharedArticle(params);
  const decoded = query.data;
  const article = decoded?.ok ? decoded.article : undefined;
  const passage = decoded?.ok ? decoded.passage : undefined;
  const sharing = useSharingFeature(article, { ...(passage ? { passage } : {}), local: true, readOnly: true });

  let body;
  if (query.isPending) body = <p className="notice" aria-busy="true">{t('sharedArticle.loading')}</p>;
  else if (!decoded || !decoded.ok)
    body = (
      <div className="page" data-shared-article-error="">
        <h1 className="visually-hidden">{t('sharedArticle.failedTitle')}</h1>
        <LinkProblemNotice problem={decoded && !decoded.ok ? decoded.problem : 'damaged'} />
        <p className="notice">
          <a href="#/">{t('common:backToLibrary')}</a>
        </p>
      </div>
    );
  else
    body = (
      <div className="reader-layout">
        <ReaderView
          article={decoded.article}
          targetBlockId={sharing.targetBlockId}
          decorations={sharing.decorations}
          alerts={
            <>
              <SharedArticleBanner article={decoded.article} {...(passage ? { passage } : {})} />
              {sharing.notices}
            </>
          }
        />
        {sharing.overlay}
      </div>
    );

  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1} data-shared-view="">
        {body}
      </main>
    </>
  );
}
