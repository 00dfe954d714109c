import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_SORTS, STATE_FILTERS, type LibraryQuery, type LibrarySort, type StateFilter } from '../../core/library/library-view';

/** Sort, reading-state filter (with the archive) and tag filter above the list. */
export function LibraryControls({ query, tags, count, onChange }: { query: LibraryQuery; tags: readonly string[]; count: number; onChange: (next: LibraryQuery) => void }) {
  const { t } = useTranslation('library');
  const id = useId();
  return (
    <div className="library-controls" data-library-controls="">
      <div className="field field--inline">
        <label htmlFor={`${id}-sort`}>{t('sort.label')}</label>
        <select id={`${id}-sort`} value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as LibrarySort })} data-library-sort="">
          {LIBRARY_SORTS.map((sort) => (
            <option key={sort} value={sort}>{t(`sort.${sort}`)}</option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-state`}>{t('filters.label')}</label>
        <select id={`${id}-state`} value={query.state} onChange={(e) => onChange({ ...query, state: e.target.value as StateFilter })} data-library-filter="">
          {STATE_FILTERS.map((state) => (
            <option key={state} value={state}>{t(`filters.${state}`)}</option>
          ))}
        </select>
      </div>
      {tags.length > 0 && (
        <div className="field field--inline">
          <label htmlFor={`${id}-tag`}>{t('filters.tag')}</label>
          <select id={`${id}-tag`} value={query.tag ?? ''} onChange={(e) => onChange({ ...query, ...(e.target.value ? { tag: e.target.value } : { tag: undefined }) })} data-library-tag-filter="">
            <option value="">{t('filters.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>{tag}</option>
            ))}
          </select>
        </div>
      )}
      <p className="library-count" aria-live="polite">{t('shown', { count })}</p>
    </div>
  );
}
