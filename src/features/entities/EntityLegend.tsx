import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRovingToolbar } from '../../shared/use-roving-toolbar';
import { useFormatNumber } from '../../shared/use-format-number';
import { entityTypeClass, entityTypeLabelKey, ENTITY_TYPES, type EntityType } from '../../core/entities/entity-types';

export interface EntityLegendProps {
  counts: Readonly<Record<EntityType, number>> | null;
  hidden: readonly EntityType[];
  onToggle: (type: EntityType) => void;
  /** All names on or off (also the `e` key); the per-type switches keep their state underneath. */
  namesOn: boolean;
  onToggleAll: () => void;
}

/**
 * One switch for all names, then one per type with its mention count; switching is CSS-only on the
 * article. A type the article never mentions shows no chip (until the tagger answers, all show a dash
 * so the line keeps its size).
 */
export function EntityLegend({ counts, hidden, onToggle, namesOn, onToggleAll }: EntityLegendProps) {
  const { t } = useTranslation('entities');
  const formatNumber = useFormatNumber();
  const types = counts ? ENTITY_TYPES.filter((type) => counts[type] > 0) : ENTITY_TYPES;
  // One Tab stop for the row; the arrow keys move along it.
  const row = useRef<HTMLDivElement>(null);
  useRovingToolbar(row);
  return (
    <div ref={row} className="entity-legend" role="toolbar" aria-label={t('legend')} data-entity-legend="" data-names-off={namesOn ? undefined : ''}>
      <button
        type="button"
        className="entity-legend__item entity-legend__all"
        aria-pressed={namesOn}
        aria-keyshortcuts="e"
        data-action="toggle-entities"
        onClick={onToggleAll}
        title={t(namesOn ? 'hideAll' : 'showAll')}
      >
        {t('allNames')}
      </button>
      {types.map((type) => {
        const count = counts?.[type] ?? 0;
        const shown = !hidden.includes(type);
        return (
          <button
            key={type}
            type="button"
            className={`entity-legend__item entity-swatch--${type}`}
            aria-pressed={shown}
            disabled={!namesOn}
            data-action="toggle-entity-type"
            data-type={type}
            onClick={() => onToggle(type)}
            title={t(shown ? 'hideType' : 'showType', { type: t(entityTypeLabelKey(type)) })}
          >
            <span className={`entity-legend__swatch ${entityTypeClass(type)}`} aria-hidden="true" />
            <span className="entity-legend__label">{t(entityTypeLabelKey(type))}</span>
            <span className="entity-legend__count" aria-label={counts ? t('mentionCount', { count }) : undefined}>
              {counts ? formatNumber(count) : '–'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
