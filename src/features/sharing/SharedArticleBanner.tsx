import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { getImported, saveImported } from '../../core/article/article-store';
import { passageRoute, type SharedPassage } from '../../core/links/share-link';
import { sharingKeys } from './query-keys';
import { useIdbStore } from '../../shared/store-context';
import { useToast } from '../../shared/toast';
import { navigate } from '../../shared/use-route';

/**
 * Above an article opened from a self-contained link: it is read-only and not in the library, with
 * "add to my library" — after which the normal article route (with the passage) takes over.
 */
export function SharedArticleBanner({ article, passage }: { article: Article; passage?: SharedPassage }) {
  const { t } = useTranslation('sharing');
  const db = useIdbStore();
  const toast = useToast();
  // Asked once: after "add", the banner navigates away.
  const inLibrary = useQuery({ queryKey: sharingKeys.inLibrary(article.id), queryFn: async () => (await getImported(db, article.id)) !== undefined, staleTime: Infinity }).data ?? false;
  const [hidden, setHidden] = useState(false);
  const target = passage ? passageRoute(article.id, passage) : ({ name: 'article', articleId: article.id } as const);

  const add = async () => {
    const result = await saveImported(db, article, 'shared');
    if (!result.ok) {
      toast(t('sharedArticle.addFailed'), 'error');
      return;
    }
    toast(t('sharedArticle.added'));
    navigate(target);
  };

  if (hidden) return null;
  return (
    <div className="notice shared-article-banner" data-shared-article={article.id} role="status">
      <p>{inLibrary ? t('sharedArticle.inLibrary') : t('sharedArticle.banner')}</p>
      <div className="notice-actions">
        {inLibrary ? (
          <button type="button" className="button button--primary" data-action="open-in-library" onClick={() => navigate(target)}>
            {t('sharedArticle.open')}
          </button>
        ) : (
          <button type="button" className="button button--primary" data-action="add-to-library" onClick={() => void add()}>
            {t('sharedArticle.add')}
          </button>
        )}
        <button type="button" className="button button--ghost" data-action="dismiss-shared-article" onClick={() => setHidden(true)}>
          {t('received.dismiss')}
        </button>
      </div>
    </div>
  );
}
