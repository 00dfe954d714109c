import { useTranslation } from 'react-i18next';
import { useArticle } from '../features/library/article-query';
import { ReaderView } from '../features/reader/ReaderView';
import { AppHeader } from './AppHeader';

interface ReaderScreenProps {
  articleId: string;
  blockId?: string;
  params?: Readonly<Record<string, string>>;
}

/** The reader route: loads the article and composes the reader with the features that decorate it. */
export function ReaderScreen({ articleId, blockId }: ReaderScreenProps) {
  const { t } = useTranslation('reader');
  const query = useArticle(articleId);

  let body;
  if (query.isPending) body = <p className="notice" aria-busy="true">{t('common:loading')}</p>;
  else if (query.isError) body = <p className="notice notice--error" role="alert">{t('loadError')}</p>;
  else if (query.data.status === 'unknown')
    body = (
      <div className="notice notice--warning" role="alert" data-unknown-article={articleId}>
        <p>{t('unknownArticle')}</p>
        <a href="#/">{t('common:backToLibrary')}</a>
      </div>
    );
  else
    body = (
      <div className="reader-layout">
        <ReaderView article={query.data.article} targetBlockId={blockId} />
      </div>
    );

  return (
    <>
      <AppHeader />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </>
  );
}
