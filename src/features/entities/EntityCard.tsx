import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { correctionOf, retypeKind, stepMentionIndex } from '../../core/entities/correction-draft';
import type { Correction, CorrectionKind } from '../../core/entities/corrections';
import { entityTypeClass, entityTypeLabelKey, isNameType, ENTITY_TYPES, type EntityType } from '../../core/entities/entity-types';
import { wikipediaSearchUrl, type ReaderEntities, type ReaderMention } from '../../core/entities/reader-entities';
import { returnFocus } from '../../shared/focus-return';
import { useReaderHandle } from '../../shared/reader-handle';
import { placeCard, type Box } from './card-placement';
import { mentionSelector, revealMention, useEntityFocus, type EntityFocusStore } from './entity-focus';

export interface EntityCardProps {
  model: ReaderEntities;
  focus: EntityFocusStore;
  corrections: readonly Correction[];
  /** Called with the correction to save (its id and date are filled in by the caller). */
  onCorrect: (change: { kind: CorrectionKind; mention: ReaderMention; type?: EntityType; everywhere: boolean }) => void;
  onRemoveCorrection: (id: string) => void;
  /** Shown under the Wikipedia link, given the entity's key (the screen adds "in other articles"). */
  extra?: (entityKey: string, mention: ReaderMention) => ReactNode;
}

/** The smallest rectangle around a mark's rects (a name across two lines has two). */
function around(rects: readonly DOMRect[]): Box | null {
  if (rects.length === 0) return null;
  return {
    left: Math.min(...rects.map((r) => r.left)),
    top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
  };
}

/** The card's place for the mention, clear of the open reader panel. */
function placeFor(rect: Box | null): CSSProperties {
  const panel = document.querySelector('.reader-panel');
  return placeCard(rect, {
    width: document.documentElement.clientWidth || window.innerWidth,
    height: window.innerHeight,
    rtl: getComputedStyle(document.documentElement).direction === 'rtl',
  }, panel?.getBoundingClientRect() ?? null);
}

/** The card of the current mention: name, type, count, stepping, Wikipedia and corrections. */
export function EntityCard({ model, focus, corrections, onCorrect, onRemoveCorrection, extra }: EntityCardProps) {
  const { t } = useTranslation('entities');
  const current = useEntityFocus(focus);
  const reader = useReaderHandle();
  const titleId = useId();
  const cardRef = useRef<HTMLDivElement>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({});
  const entity = current?.card ? model.byKey.get(current.key) : undefined;
  const index = entity && current ? Math.min(current.index, entity.mentions.length - 1) : 0;
  const mention = entity?.mentions[index];
  // Whether the reader was on the keyboard when the card opened: Escape brings the ring back only then.
  const opened = useRef<{ key: string; ring: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!entity) opened.current = null;
    else if (opened.current?.key !== entity.key) opened.current = { key: entity.key, ring: document.activeElement?.matches(':focus-visible') ?? false };
  }, [entity]);

  useLayoutEffect(() => {
    if (!entity || !current) return;
    const place = () => setStyle(placeFor(around(reader.markRects({ kind: 'entity', id: entity.key, index }))));
    place();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [entity, current, index, reader]);

  // Close on Escape (focus back to the mention) and on a click outside the card and the marks.
  useEffect(() => {
    if (!entity) return;
    const onKey = (e: KeyboardEvent) => {
      // Tab from the current mention goes into its card.
      if (e.key === 'Tab' && !e.shiftKey && (e.target as Element | null)?.matches?.(mentionSelector(entity.key, index))) {
        const first = cardRef.current?.querySelector<HTMLElement>('button:not([disabled]), a[href]');
        if (first) {
          e.preventDefault();
          first.focus();
        }
        return;
      }
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      focus.set({ key: entity.key, index, card: false });
      // Back on the mention, with its ring only if the card was opened from the keyboard.
      if (reader.focusMark({ kind: 'entity', id: entity.key, index }) && document.activeElement instanceof HTMLElement) returnFocus(document.activeElement, opened.current?.ring ?? false);
    };
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (target?.closest('.entity-card, mark.entity, .entities-panel')) return;
      focus.set(null);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [entity, index, focus, reader]);

  if (!entity || !mention) return null;
  const total = entity.mentions.length;
  const step = (delta: number) => {
    const next = stepMentionIndex(index, delta, total);
    focus.set({ key: entity.key, index: next, card: true });
    revealMention(reader, entity.key, next);
  };
  const correction = correctionOf(mention, corrections);
  const retypeAs = retypeKind(correction);

  return (
    <div
      ref={cardRef}
      className="entity-card"
      role="dialog"
      aria-labelledby={titleId}
      data-entity-card={entity.key}
      data-entity-type={entity.type}
      style={style}
    >
      <div className="entity-card__head">
        <span className={`entity-legend__swatch ${entityTypeClass(entity.type)}`} aria-hidden="true" />
        <h2 id={titleId} className="entity-card__name" data-entity-name="">
          <bdi>{entity.name}</bdi>
        </h2>
        <button type="button" className="button button--ghost entity-card__close" aria-label={t('close')} data-action="close-entity-card" onClick={() => focus.set(null)}>
          ×
        </button>
      </div>
      <p className="entity-card__meta">
        <span data-entity-type-label="">{t(entityTypeLabelKey(entity.type))}</span>
        {' · '}
        <span data-entity-count={total}>{t('mentionCount', { count: total })}</span>
        {entity.fromReader && (
          <>
            {' · '}
            <span className="entity-badge">{t('fromReader')}</span>
          </>
        )}
      </p>
      <div className="entity-card__stepper" role="group" aria-label={t('mentions')}>
        <button type="button" className="button" data-action="entity-previous" onClick={() => step(-1)} disabled={total < 2}>
          {t('previous')}
        </button>
        <span className="entity-card__position" data-mention-position={`${index + 1}/${total}`}>
          {t('position', { index: index + 1, count: total })}
        </span>
        <button type="button" className="button" data-action="entity-next" onClick={() => step(1)} disabled={total < 2}>
          {t('next')}
        </button>
      </div>
      {/* A date ("اليوم السبت") has no encyclopaedia entry worth searching for. */}
      {isNameType(entity.type) && (
        <a className="entity-card__wiki" href={wikipediaSearchUrl(entity.name)} target="_blank" rel="noopener noreferrer" data-action="search-wikipedia">
          {t('searchWikipedia')}
        </a>
      )}
      {extra?.(entity.key, mention)}
      <fieldset className="entity-card__fix">
        <legend>{t('correct')}</legend>
        <div className="entity-card__types" role="group" aria-label={t('changeType')}>
          {ENTITY_TYPES.filter((type) => type !== mention.type).map((type) => (
            <button
              key={type}
              type="button"
              className={`button entity-type-button entity-swatch--${type}`}
              data-action="entity-retype"
              data-type={type}
              onClick={() => onCorrect({ kind: retypeAs, mention, type, everywhere })}
            >
              <span className={`entity-legend__swatch ${entityTypeClass(type)}`} aria-hidden="true" />
              {t(entityTypeLabelKey(type))}
            </button>
          ))}
        </div>
        <button type="button" className="button button--danger" data-action="entity-not-entity" onClick={() => onCorrect({ kind: 'remove', mention, everywhere })}>
          {t('notEntity')}
        </button>
        <label className="entity-card__everywhere">
          <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} data-action="correction-everywhere" />
          {t('everywhere')}
        </label>
        {correction && (
          <button type="button" className="button button--ghost" data-action="remove-correction" onClick={() => onRemoveCorrection(correction.id)}>
            {t('removeCorrection')}
          </button>
        )}
      </fieldset>
    </div>
  );
}
