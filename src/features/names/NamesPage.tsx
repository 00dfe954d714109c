import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTypeClass, entityTypeLabelKey, NAME_TYPES, type EntityType } from '../../core/entities/entity-types';
import type { Tag } from '../../core/library/library-entities';
import { routeToHash } from '../../core/links/routes';
import { FILTER_LIMITS } from '../../core/limits';
import { nameMatcher } from '../../core/text/fold';
import { NamesStatus } from './NamesStatus';
import { useLibraryEntities } from './library-entities-query';

const PAGE = 100;

/** People, places and organisations named across the library, most mentioned first. */
export function NamesPage({ tag }: { tag: Tag }) {
  const { t } = useTranslation('names');
  const id = useId();
  const query = useLibraryEntities(tag);
  const [filter, setFilter] = useState('');
  const [type, setType] = useState<EntityType | 'all'>('all');
  const [shown, setShown] = useState(PAGE);
  const deferred = useDeferredValue(filter);

  const listed = useMemo(
    () => {
      const matches = nameMatcher(deferred);
      return (query.data?.entities ?? []).filter((e) => NAME_TYPES.includes(e.type) && (type === 'all' || e.type === type) && matches(e.name));
    },
    [query.data, type, deferred],
  );

  return (
    <div className="page names-page" data-names-page="">
      <h1>{t('title')}</h1>
      <p className="names-intro">{t('intro')}</p>
      <NamesStatus query={query} />
      {query.data && (
        <>
          <div className="names-controls">
            <div className="field">
              <label htmlFor={`${id}-filter`}>{t('filter')}</label>
              <input id={`${id}-filter`} type="search" dir="auto" value={filter} maxLength={FILTER_LIMITS.query} onChange={(e) => { setFilter(e.target.value.slice(0, FILTER_LIMITS.query)); setShown(PAGE); }} data-action="filter-names" />
            </div>
            <div className="names-types" role="group" aria-label={t('types')}>
              {(['all', ...NAME_TYPES] as const).map((option) => (
                <button key={option} type="button" className="chip" aria-pressed={type === option} data-filter-type={option} onClick={() => { setType(option); setShown(PAGE); }}>
                  {option === 'all' ? t('allTypes') : t(entityTypeLabelKey(option))}
                </button>
              ))}
            </div>
          </div>
          <p className="names-count" aria-live="polite">{t('count', { count: listed.length })}</p>
          {listed.length === 0 ? (
            <p className="library-empty">{t('none')}</p>
          ) : (
            <ol className="names-list">
              {listed.slice(0, shown).map((entity) => (
                <li key={entity.key} className="names-item" data-names-entity={entity.key} data-entity-type={entity.type}>
                  <span className={`entity-legend__swatch ${entityTypeClass(entity.type)}`} aria-hidden="true" />
                  <a href={routeToHash({ name: 'entity', key: entity.key })} className="names-name" dir="auto">
                    {entity.name}
                  </a>
                  <span className="names-meta">
                    {t(entityTypeLabelKey(entity.type))} · {t('mentions', { count: entity.mentionCount })} · {t('articles', { count: entity.articles.length })}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {listed.length > shown && (
            <button type="button" className="button" onClick={() => setShown((n) => n + PAGE)} data-action="show-more-names">
              {t('more', { count: listed.length - shown })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
