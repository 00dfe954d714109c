import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/use-format-date';
import type { ArticleSummary } from '../../core/article/article-store';
import type { LibraryItem } from '../../core/library/library-view';
import { minutesLeft } from '../../core/article/reading-time';
import { routeToHash } from '../../core/links/routes';

type CardArticle = Pick<ArticleSummary, 'id' | 'title' | 'lang' | 'dir' | 'lead' | 'words' | 'published' | 'tags'>;

/** One article in the library: title (a link), lead, origin, date, length, tags, reading progress. */
export function ArticleCard({
  article,
  origin,
  reading,
  actions,
}: {
  article: CardArticle;
  /** Where it came from; none for a group member's article, whose card carries the group's badge instead. */
  origin?: 'bundled' | 'import' | 'shared';
  reading?: Pick<LibraryItem, 'state' | 'fraction' | 'notes'>;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('library');
  const formatDate = useFormatDate('medium');
  const date = article.published ? formatDate(article.published) : null;
  const percent = Math.round((reading?.fraction ?? 0) * 100);
  // The figure the reader's progress bar shows (one computation in core/article/reading-time).
  const inProgress = reading?.state === 'in-progress';
  const minutes = minutesLeft(article.words, inProgress ? (reading?.fraction ?? 0) : 0, article.lang);
  return (
    <li className="library-card" data-library-article={article.id} data-reading-state={reading?.state}>
      <a className="library-card-link" href={routeToHash({ name: 'article', articleId: article.id })}>
        <span className="library-card-title" lang={article.lang} dir={article.dir}>
          {article.title}
        </span>
      </a>
      <p className="library-card-lead" lang={article.lang} dir={article.dir}>
        {article.lead}
      </p>
      <p className="library-card-meta">
        {origin && <span className={`badge badge--${origin}`}>{t(`origin.${origin}`)}</span>}
        {date && <span>{date}</span>}
        <span>{t('words', { count: article.words })}</span>
        {reading?.state !== 'finished' && (
          <span data-minutes-left={minutes}>{t(inProgress ? 'common:readingTime.left' : 'common:readingTime.total', { count: minutes })}</span>
        )}
        {reading && reading.notes > 0 && <span data-note-count={reading.notes}>{t('notes', { count: reading.notes })}</span>}
      </p>
      {article.tags.length > 0 && (
        <ul className="library-card-tags" aria-label={t('tags.label')}>
          {article.tags.map((tag) => (
            <li key={tag} className="library-tag" dir="auto" data-article-tag={tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      {reading && (
        <div className="library-card-progress" data-progress={percent}>
          <span className="library-progress-label">{t(`state.${reading.state}`)}</span>
          {reading.state === 'in-progress' && (
            <progress max={100} value={percent} aria-label={t('progress', { percent })}>
              {t('progress', { percent })}
            </progress>
          )}
        </div>
      )}
      {actions && <div className="library-card-actions">{actions}</div>}
    </li>
  );
}
