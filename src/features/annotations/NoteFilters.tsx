import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, AnnotationColor } from '../../core/annotations/annotation';
import { filterOptions } from '../../core/annotations/search';

/** What the filters hold; it is an AnnotationFilter for core/annotations/search. */
export interface FilterState {
  readonly query: string;
  readonly colors: readonly AnnotationColor[];
  readonly tags: readonly string[];
}

export const NO_FILTER: FilterState = { query: '', colors: [], tags: [] };

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Search box (diacritics, alef and hamza insensitive), colour and tag filters. */
export function NoteFilters({ annotations, value, onChange }: { annotations: readonly Annotation[]; value: FilterState; onChange: (next: FilterState) => void }) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const { tags, colors } = filterOptions(annotations);
  return (
    <div className="note-filters" data-note-filters="">
      <label className="visually-hidden" htmlFor={`${id}-q`}>
        {t('filters.search')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        dir="auto"
        className="note-search"
        placeholder={t('filters.search')}
        value={value.query}
        onChange={(e) => onChange({ ...value, query: e.target.value })}
        data-notes-search=""
      />
      {colors.length > 1 && (
        <div className="filter-chips" role="group" aria-label={t('filters.colors')}>
          {colors.map((c) => (
            <button
              key={c}
              type="button"
              className={`chip chip--color swatch--${c}`}
              aria-pressed={value.colors.includes(c)}
              data-filter-color={c}
              onClick={() => onChange({ ...value, colors: toggle(value.colors, c) })}
            >
              {t(`colors.${c}`)}
            </button>
          ))}
        </div>
      )}
      {tags.length > 0 && (
        <div className="filter-chips" role="group" aria-label={t('filters.tags')}>
          {tags.map((tag) => (
            <button
              key={tag}
              type="button"
              className="chip"
              dir="auto"
              aria-pressed={value.tags.includes(tag)}
              data-filter-tag={tag}
              onClick={() => onChange({ ...value, tags: toggle(value.tags, tag) })}
            >
              #{tag}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
