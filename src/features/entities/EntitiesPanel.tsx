import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReaderHandle } from '../../shared/reader-handle';
import { useFormatNumber } from '../../shared/use-format-number';
import type { Correction } from '../../core/entities/corrections';
import { groupByType, type ReaderEntities } from '../../core/entities/reader-entities';
import { FILTER_LIMITS } from '../../core/limits';
import { nameMatcher } from '../../core/text/fold';
import { revealMention, useEntityFocus, type EntityFocusStore } from './entity-focus';
import { entityTypeClass, entityTypeLabelKey } from '../../core/entities/entity-types';

export interface EntitiesPanelProps {
  model: ReaderEntities | null;
  status: 'pending' | 'error' | 'success';
  focus: EntityFocusStore;
  /** Whether names in the headline and headings are marked (the switches per type are in the legend). */
  markHeadings: boolean;
  onMarkHeadings: (mark: boolean) => void;
  /** Only the names the tagger is sure of (remembered). */
  confidentOnly: boolean;
  onConfidentOnly: (only: boolean) => void;
  corrections: readonly Correction[];
  validIds: ReadonlySet<string>;
  onRemoveCorrection: (id: string) => void;
  onClose: () => void;
}

/** The article's entities by type, most mentioned first, with a diacritics-blind filter. */
export function EntitiesPanel({ model, status, focus, markHeadings, onMarkHeadings, confidentOnly, onConfidentOnly, corrections, validIds, onRemoveCorrection, onClose }: EntitiesPanelProps) {
  const { t } = useTranslation('entities');
  const formatNumber = useFormatNumber();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const filterId = useId();
  const current = useEntityFocus(focus);
  const reader = useReaderHandle();
  const groups = useMemo(
    () => {
      const matches = nameMatcher(deferred);
      return model ? groupByType(model.entities.filter((e) => matches(e.name))) : [];
    },
    [model, deferred],
  );

  const choose = (key: string, index: number) => {
    focus.set({ key, index, card: false });
    revealMention(reader, key, index);
  };

  return (
    <section className="entities-panel" data-entities-panel="" aria-busy={status === 'pending'}>
      <div className="entities-panel__head">
        <h2>{t('panelTitle')}</h2>
        <button type="button" className="button button--ghost" aria-label={t('close')} data-action="close-entities-panel" onClick={onClose}>
          ×
        </button>
      </div>
      <label className="entities-panel__option">
        <input type="checkbox" checked={markHeadings} data-action="mark-headings" onChange={(e) => onMarkHeadings(e.target.checked)} /> {t('markHeadings')}
      </label>
      <label className="entities-panel__option">
        <input type="checkbox" checked={confidentOnly} data-action="confident-only" onChange={(e) => onConfidentOnly(e.target.checked)} /> {t('confidentOnly')}
      </label>
      {status === 'pending' && !model && <p className="entities-panel__status">{t('tagging')}</p>}
      {status === 'error' && !model && (
        <p className="entities-panel__status notice--error" role="alert">
          {t('taggingFailed')}
        </p>
      )}
      <label className="entities-panel__filter" htmlFor={filterId}>
        {t('filter')}
      </label>
      <input
        id={filterId}
        type="search"
        className="entities-panel__filter-input"
        value={query}
        maxLength={FILTER_LIMITS.query}
        onChange={(e) => setQuery(e.target.value.slice(0, FILTER_LIMITS.query))}
        placeholder={t('filterPlaceholder')}
        data-action="filter-entities"
        dir="auto"
      />
      {model && groups.length === 0 && <p className="entities-panel__status">{deferred ? t('noMatch') : t('noEntities')}</p>}
      {groups.map(({ type, entities }) => (
        <section key={type} className="entities-panel__group" data-entity-group={type}>
          <h3>
            <span className={`entity-legend__swatch ${entityTypeClass(type)}`} aria-hidden="true" /> {t(entityTypeLabelKey(type))}{' '}
            <span className="entities-panel__count">({formatNumber(entities.length)})</span>
          </h3>
          <ul>
            {entities.map((entity) => {
              const chosen = current?.key === entity.key;
              const total = entity.mentions.length;
              const index = chosen ? Math.min(current.index, total - 1) : 0;
              return (
                <li key={entity.key} className={chosen ? 'is-chosen' : undefined} data-entity-item={entity.key} data-from-reader={entity.fromReader || undefined}>
                  <button type="button" className="entities-panel__entity" aria-pressed={chosen} data-action="choose-entity" onClick={() => choose(entity.key, 0)}>
                    <bdi className="entities-panel__name">{entity.name}</bdi>
                    {entity.fromReader && <span className="entity-badge">{t('fromReader')}</span>}
                    <span className="entities-panel__count" aria-label={t('mentionCount', { count: total })}>
                      {formatNumber(total)}
                    </span>
                  </button>
                  {chosen && (
                    <div className="entities-panel__stepper" role="group" aria-label={t('mentions')}>
                      <button type="button" className="button" data-action="entity-previous" onClick={() => choose(entity.key, (index - 1 + total) % total)} disabled={total < 2}>
                        {t('previous')}
                      </button>
                      <span data-mention-position={`${index + 1}/${total}`}>{t('position', { index: index + 1, count: total })}</span>
                      <button type="button" className="button" data-action="entity-next" onClick={() => choose(entity.key, (index + 1) % total)} disabled={total < 2}>
                        {t('next')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {corrections.length > 0 && (
        <section className="entities-panel__group" data-corrections="">
          <h3>{t('yourCorrections')}</h3>
          <ul>
            {corrections.map((c) => (
              <li key={c.id} data-correction={c.id} data-correction-kind={c.kind} className={validIds.has(c.id) ? undefined : 'is-stale'}>
                <span>
                  <bdi>{c.text}</bdi> — {c.kind === 'remove' ? t('kinds.remove') : t(`kinds.${c.kind}`, { type: t(entityTypeLabelKey(c.type ?? 'MISC')) })}
                  {c.scope === 'everywhere' && <span className="entity-badge">{t('everywhereShort')}</span>}
                  {!validIds.has(c.id) && <span className="entity-badge">{t('stale')}</span>}
                </span>
                <button type="button" className="button button--ghost" data-action="remove-correction" onClick={() => onRemoveCorrection(c.id)}>
                  {t('removeCorrection')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
