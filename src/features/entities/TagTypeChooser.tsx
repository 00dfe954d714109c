import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTypeClass, entityTypeLabelKey, ENTITY_TYPES, type EntityType } from '../../core/entities/entity-types';
import { useReaderHandle } from '../../shared/reader-handle';
import { createValueStore, useValueStore, type ValueStore } from '../../shared/value-store';
import type { BlockSelection } from './selection-offsets';

/** The span waiting for a type (set by the selection toolbar's "mark as name" button). */
export type PendingTagStore = ValueStore<BlockSelection | null>;

export const createPendingTagStore = (): PendingTagStore => createValueStore<BlockSelection | null>(null);

function place(rect: BlockSelection['rect']): CSSProperties {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  const fromStart = rtl ? vw - rect.right : rect.left;
  const top = Math.min(Math.max(8, rect.bottom + 8), window.innerHeight - 140);
  return { insetBlockStart: top, insetInlineStart: Math.max(8, Math.min(fromStart, vw - 300)) };
}

/** Type buttons and "in every article" for the span the reader chose to mark as a name. */
export function TagTypeChooser({ pending, onTag }: { pending: PendingTagStore; onTag: (selection: BlockSelection, type: EntityType, everywhere: boolean) => void }) {
  const { t } = useTranslation('entities');
  const selection = useValueStore(pending);
  const [everywhere, setEverywhere] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const reader = useReaderHandle();

  useEffect(() => {
    if (!selection) return;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (!(e instanceof KeyboardEvent) && ref.current?.contains(e.target as Node)) return;
      pending.set(null);
      reader.blockElement(selection.blockId)?.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', close, true);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close, true);
      document.removeEventListener('pointerdown', close);
    };
  }, [selection, pending, reader]);

  if (!selection) return null;
  return (
    <div ref={ref} className="tag-popover" role="dialog" aria-label={t('chooseType')} style={place(selection.rect)} data-tag-popover="">
      <p className="tag-popover__span">
        {t('markAsEntity')}: <bdi>{selection.text}</bdi>
      </p>
      <div role="group" aria-label={t('chooseType')} className="tag-popover__types">
        {ENTITY_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="button entity-type-button"
            data-action="tag-entity-type"
            data-type={type}
            onClick={() => {
              onTag(selection, type, everywhere);
              pending.set(null);
              setEverywhere(false);
            }}
          >
            <span className={`entity-legend__swatch ${entityTypeClass(type)}`} aria-hidden="true" />
            {t(entityTypeLabelKey(type))}
          </button>
        ))}
      </div>
      <label className="entity-card__everywhere">
        <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} data-action="tag-everywhere" />
        {t('everywhere')}
      </label>
    </div>
  );
}
