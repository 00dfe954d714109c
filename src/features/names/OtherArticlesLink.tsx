import { useTranslation } from 'react-i18next';
import { routeToHash } from '../../core/links/routes';
import { useArticlesByEntity } from './library-entities-query';

/**
 * "In other articles (n)" on a mention's card: how many other articles of the library name the
 * entity (from the cached names; until the names page has brought the cache up to date, without a number), linking to its page.
 * A name no other article mentions says so ("only in this article"), rather than "in 0 other articles".
 */
export function OtherArticlesLink({ entityKey, articleId }: { entityKey: string; articleId: string }) {
  const { t } = useTranslation('names');
  const byKey = useArticlesByEntity();
  const ids = byKey.data?.byKey.get(entityKey);
  const count = ids ? ids.size - (ids.has(articleId) ? 1 : 0) : 0;
  const counted = byKey.data?.complete === true;
  if (counted && count === 0)
    return (
      <p className="entity-card__others" data-entity-only-here="" data-count={0}>
        {t('onlyInThisArticle')}
      </p>
    );
  return (
    <a className="entity-card__others" href={routeToHash({ name: 'entity', key: entityKey })} data-action="entity-other-articles" data-count={counted ? count : undefined}>
      {counted ? t('inOtherArticles', { count }) : t('inOtherArticlesUncounted')}
    </a>
  );
}
