import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/use-format-date';
import { mentionsOverTime, namedWith, notesNearMentions, type CachedMention, type Tag } from '../../core/library/library-entities';
import { passageAround, passagePieces } from '../../core/library/passage';
import { routeToHash } from '../../core/links/routes';
import { PassageText } from '../../shared/PassageText';
import { NamesStatus } from './NamesStatus';
import { useEntityArticle, useLibraryEntities } from './library-entities-query';
import { entityTypeClass, entityTypeLabelKey } from '../../core/entities/entity-types';

/** Articles shown with their mentions in context (the most naming first). */
const ARTICLES_SHOWN = 50;

function EntityArticle({ articleId, title, lang, dir, date, mentions }: { articleId: string; title: string; lang: string; dir: 'rtl' | 'ltr'; date?: string; mentions: readonly CachedMention[] }) {
  const { t } = useTranslation('names');
  const formatDate = useFormatDate('medium');
  const query = useEntityArticle(articleId);
  const article = query.data?.article;
  const blocks = useMemo(() => new Map(article?.blocks.map((b) => [b.id, b.text]) ?? []), [article]);
  const notes = query.data ? notesNearMentions(query.data.notes, mentions) : [];
  return (
    <li className="entity-article" data-entity-article={articleId}>
      <h3>
        <a href={routeToHash({ name: 'article', articleId })} lang={lang} dir={dir}>
          {title}
        </a>
      </h3>
      <p className="names-meta">
        {date && <span>{formatDate(date)} · </span>}
        {t('mentions', { count: mentions.length })}
      </p>
      {query.isPending ? (
        <p aria-busy="true">{t('common:loading')}</p>
      ) : !article ? (
        <p className="notice notice--warning">{t('articleGone')}</p>
      ) : (
        <ul className="entity-mentions" dir={dir}>
          {mentions.map((m) => {
            const text = blocks.get(m.blockId);
            if (text === undefined || text.slice(m.start, m.end) !== m.text) return null;
            const passage = passageAround(text, m.start, m.end, 70);
            return (
              <li key={`${m.blockId}:${m.start}`}>
                <a href={routeToHash({ name: 'article', articleId, blockId: m.blockId })} lang={lang} dir={dir} className="entity-mention">
                  <PassageText pieces={passagePieces(passage)} />
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {notes.length > 0 && (
        <section className="entity-notes" aria-label={t('notes')}>
          <h4>{t('notes')}</h4>
          <ul>
            {notes.map((note) => (
              <li key={note.id} data-entity-note={note.id}>
                <blockquote lang={lang} dir={dir}>{note.target.selectors[0].exact}</blockquote>
                {note.note && <p dir="auto" className="entity-note-text">{note.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </li>
  );
}

/** One entity across the library: its articles with each mention in context, notes, companions, timeline. */
export function EntityPage({ entityKey, tag }: { entityKey: string; tag: Tag }) {
  const { t } = useTranslation('names');
  const formatMonth = useFormatDate('month');
  const query = useLibraryEntities(tag);
  const data = query.data;
  const entity = data?.byKey.get(entityKey);
  const companions = useMemo(() => (data && entity ? namedWith(data.entities, entity.key) : []), [data, entity]);
  const timeline = useMemo(() => (data && entity ? mentionsOverTime(entity, data.articles) : []), [data, entity]);
  const peak = Math.max(1, ...timeline.map((m) => m.mentions));

  return (
    <div className="page entity-page" data-entity-page={entityKey}>
      <p>
        <a href={routeToHash({ name: 'names' })}>{t('back')}</a>
      </p>
      <NamesStatus query={query} />
      {data && !entity && (
        <>
          <h1>{t('title')}</h1>
          <p className="notice notice--warning" role="alert">{t('unknown')}</p>
        </>
      )}
      {data && entity && (
        <>
          <h1 dir="auto">
            <span className={`entity-legend__swatch ${entityTypeClass(entity.type)}`} aria-hidden="true" /> {entity.name}
          </h1>
          <p className="names-meta">
            {t(entityTypeLabelKey(entity.type))} · {t('mentions', { count: entity.mentionCount })} · {t('articles', { count: entity.articles.length })}
          </p>

          {timeline.length > 0 && (
            <section aria-labelledby="entity-timeline">
              <h2 id="entity-timeline">{t('overTime')}</h2>
              <table className="entity-timeline">
                <thead>
                  <tr>
                    <th scope="col">{t('month')}</th>
                    <th scope="col">{t('mentionsColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.map((m) => (
                    <tr key={m.month} data-month={m.month}>
                      <th scope="row">
                        <time dateTime={m.month}>{formatMonth(m.month)}</time>
                      </th>
                      <td>
                        <span className="entity-bar" style={{ inlineSize: `${(m.mentions / peak) * 100}%` }} aria-hidden="true" />
                        <span>{m.mentions}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          {companions.length > 0 && (
            <section aria-labelledby="entity-companions">
              <h2 id="entity-companions">{t('namedWith')}</h2>
              <ul className="entity-companions">
                {companions.map(({ entity: other, articles }) => (
                  <li key={other.key}>
                    <a href={routeToHash({ name: 'entity', key: other.key })} dir="auto">
                      {other.name}
                    </a>{' '}
                    <span className="names-meta">({t('articles', { count: articles })})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="entity-articles">
            <h2 id="entity-articles">{t('inArticles')}</h2>
            <ol className="entity-articles">
              {entity.articles.slice(0, ARTICLES_SHOWN).map(({ articleId, mentions }) => {
                const ref = data.articles.get(articleId);
                return ref ? <EntityArticle key={articleId} articleId={articleId} title={ref.title} lang={ref.lang} dir={ref.dir} date={ref.date} mentions={mentions} /> : null;
              })}
            </ol>
            {entity.articles.length > ARTICLES_SHOWN && <p className="names-meta">{t('moreArticles', { count: entity.articles.length - ARTICLES_SHOWN })}</p>}
          </section>
        </>
      )}
    </div>
  );
}
