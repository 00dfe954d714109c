import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../shared/use-format-number';
import type { EntityType } from '../../core/entities/entities';
import { ENTITY_TYPES } from '../../core/entities/reader-entities';

export interface EntityLegendProps {
  counts: Readonly<Record<EntityType, number>> | null;
  hidden: readonly EntityType[];
  onToggle: (type: EntityType) => void;
}

/** One switch per type with its mention count; switching is CSS-only on the article. */
export function EntityLegend({ counts, hidden, onToggle }: EntityLegendProps) {
  const { t } = useTranslation('entities');
  const formatNumber = useFormatNumber();
  return (
    <div className="entity-legend" role="group" aria-label={t('legend')} data-entity-legend="">
      {ENTITY_TYPES.map((type) => {
        const count = counts?.[type] ?? 0;
        const shown = !hidden.includes(type);
        return (
          <button
            key={type}
            type="button"
            className={`entity-legend__item entity-swatch--${type}`}
            aria-pressed={shown}
            data-action="toggle-entity-type"
            data-type={type}
            onClick={() => onToggle(type)}
            title={t(shown ? 'hideType' : 'showType', { type: t(`types.${type}`) })}
          >
            <span className={`entity-legend__swatch entity--${type}`} aria-hidden="true" />
            <span className="entity-legend__label">{t(`types.${type}`)}</span>
            {/* Always there (a dash until the tagger answers), so the legend keeps its size. */}
            <span className="entity-legend__count" aria-label={counts ? t('mentionCount', { count }) : undefined}>
              {counts ? formatNumber(count) : '–'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
