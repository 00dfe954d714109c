import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../core/entities/entities';
import { ENTITY_TYPES } from '../../core/entities/reader-entities';
import { blockSelection, type BlockSelection } from './selection-offsets';

export interface TagSelectionPopoverProps {
  onTag: (selection: BlockSelection, type: EntityType, everywhere: boolean) => void;
}

function place(rect: BlockSelection['rect']): CSSProperties {
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  const fromStart = rtl ? vw - rect.right : rect.left;
  const top = Math.min(Math.max(8, rect.bottom + 8), window.innerHeight - 120);
  return { insetBlockStart: top, insetInlineStart: Math.max(8, Math.min(fromStart, vw - 280)) };
}

/**
 * "Mark as entity" for a text selection inside one block of the article. A stand-in for the
 * highlights feature's selection toolbar, which can host the same button later.
 */
export function TagSelectionPopover({ onTag }: TagSelectionPopoverProps) {
  const { t } = useTranslation('entities');
  const [selection, setSelection] = useState<BlockSelection | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [everywhere, setEverywhere] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const choosingRef = useRef(false);
  useEffect(() => {
    choosingRef.current = choosing;
  }, [choosing]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const article = document.querySelector('article[data-article-id]');
        const next = article ? blockSelection(document.getSelection(), article) : null;
        // While the reader picks a type, keep the captured span (only follow it when scrolling).
        if (choosingRef.current) setSelection((old) => (old && next ? { ...old, rect: next.rect } : old));
        else setSelection(next);
      });
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update);
    };
  }, []);

  useEffect(() => {
    if (!choosing) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof PointerEvent && ref.current?.contains(e.target as Node)) return;
      setChoosing(false);
      setSelection(null);
    };
    document.addEventListener('keydown', close, true);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close, true);
      document.removeEventListener('pointerdown', close);
    };
  }, [choosing]);

  if (!selection) return null;
  return (
    <div
      ref={ref}
      className="tag-popover"
      style={place(selection.rect)}
      data-tag-popover=""
      // Keep the text selected while pressing the buttons.
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
      }}
    >
      {!choosing ? (
        <button type="button" className="button button--primary" data-action="tag-entity" onClick={() => setChoosing(true)}>
          {t('markAsEntity')}
        </button>
      ) : (
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
                setChoosing(false);
                setSelection(null);
                document.getSelection()?.removeAllRanges();
              }}
            >
              <span className={`entity-legend__swatch entity--${type}`} aria-hidden="true" />
              {t(`types.${type}`)}
            </button>
          ))}
          <label className="entity-card__everywhere">
            <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} data-action="tag-everywhere" />
            {t('everywhere')}
          </label>
        </div>
      )}
    </div>
  );
}
