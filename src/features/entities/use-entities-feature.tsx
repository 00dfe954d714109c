import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../shared/use-format-number';
import type { Article, Block } from '../../core/article/article';
import { correctionDraft, type CorrectionDraft } from '../../core/entities/correction-draft';
import { newCorrectionId, type CorrectionKind } from '../../core/entities/corrections';
import type { EntityType } from '../../core/entities/entity-types';
import { toggleType, type EntityDisplay } from '../../core/entities/entity-display-store';
import type { ReaderMention } from '../../core/entities/reader-entities';
import type { DecorationsByBlock } from '../../core/decorations/merge';
import type { ReaderHandle } from '../../shared/reader-handle';
import { useToast } from '../../shared/toast';
import { useCorrectionMutations } from './corrections-query';
import { EntitiesPanel } from './EntitiesPanel';
import { EntityCard } from './EntityCard';
import { EntityLegend } from './EntityLegend';
import { createEntityFocusStore, mentionSelector, useEntityFocus, type EntityFocusStore } from './entity-focus';
import { useEntityDisplay, useSetEntityDisplay } from './entity-display-query';
import { useHiddenTypes, useSetHiddenTypes } from './hidden-types-query';
import { blockSelectionFromArticleRange, selectionRect, type BlockSelection } from './selection-offsets';
import { createPendingTagStore, TagTypeChooser } from './TagTypeChooser';
import { useProgressiveDecorations } from './use-progressive-decorations';
import { useReaderEntities } from './use-reader-entities';

export interface EntitiesFeature {
  /** Entity decorations per block (undefined until the tagger answered). */
  decorations: DecorationsByBlock | undefined;
  hiddenTypes: readonly EntityType[];
  /** All names switched off, and whether names in the headline and headings are marked (then they are in the decorations). */
  display: EntityDisplay;
  /** The legend above the article. */
  legend: ReactNode;
  /** The top-bar button that opens the panel. */
  action: ReactNode;
  /** The side panel's content. */
  panel: ReactNode;
  /** The mention card, the type chooser and the chosen entity's highlight. */
  overlay: ReactNode;
  /** The selection toolbar's "mark as name" button, for a range in article offsets. */
  toolbarAction: (range: { start: number; end: number }) => ReactNode;
}

/**
 * Paints the chosen entity's mentions and the current one with a constructed style sheet: the
 * article never re-renders, and the app's CSP (style-src 'self') allows CSSOM but not <style>.
 */
function EntityFocusStyle({ focus }: { focus: EntityFocusStore }) {
  const current = useEntityFocus(focus);
  const [sheet] = useState(() => (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype ? new CSSStyleSheet() : null));
  useEffect(() => {
    if (!sheet || !('adoptedStyleSheets' in document)) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);
  useEffect(() => {
    if (!sheet) return;
    if (!current) return sheet.replaceSync('');
    const all = mentionSelector(current.key);
    const one = mentionSelector(current.key, current.index);
    sheet.replaceSync(`${all}{box-shadow:inset 0 0 0 2px var(--entity-chosen);}${one}{box-shadow:inset 0 0 0 2px var(--entity-chosen),0 0 0 3px var(--entity-chosen);}`);
  }, [sheet, current]);
  return null;
}

const NO_BLOCKS: readonly Block[] = [];

export function useEntitiesFeature(
  article: Article | undefined,
  /** The reader's handle: marks activated, what is on screen, its keys. */
  reader: ReaderHandle,
  panel: { open: boolean; toggle: () => void; close: () => void },
  /** Added to a mention's card by the screen (e.g. "in other articles"), given the entity's key. */
  cardExtra?: (entityKey: string, mention: ReaderMention) => ReactNode,
): EntitiesFeature {
  const { t } = useTranslation('entities');
  const formatNumber = useFormatNumber();
  const toast = useToast();
  const display = useEntityDisplay();
  const setDisplay = useSetEntityDisplay();
  const { model, status, corrections, validIds } = useReaderEntities(article, display);
  const hiddenTypes = useHiddenTypes();
  const setHidden = useSetHiddenTypes();
  const articleId = article?.id ?? '';
  const { save, remove } = useCorrectionMutations(articleId);
  const [focus] = useState(createEntityFocusStore);
  const [pending] = useState(createPendingTagStore);
  const decorations = useProgressiveDecorations(reader, model?.decorations, article?.blocks ?? NO_BLOCKS);

  // A new article starts with nothing chosen.
  useEffect(() => focus.set(null), [articleId, focus]);

  // Activating a mention (click, Enter or Space on focus) opens its card.
  useEffect(() => reader.onMarkActivate('entity', ({ mark }) => focus.set({ key: mark.id, index: mark.index, card: true })), [reader, focus]);

  const onToggleType = useCallback((type: EntityType) => setHidden.mutate(toggleType(hiddenTypes, type)), [hiddenTypes, setHidden]);
  const onToggleAll = useCallback(() => setDisplay.mutate({ ...display, namesOn: !display.namesOn }), [display, setDisplay]);
  const onMarkHeadings = useCallback((markHeadings: boolean) => setDisplay.mutate({ ...display, markHeadings }), [display, setDisplay]);
  const onConfidentOnly = useCallback((confidentOnly: boolean) => setDisplay.mutate({ ...display, confidentOnly }), [display, setDisplay]);

  // `e` switches all names on or off (by key position, so it works on an Arabic layout too).
  useEffect(() => {
    if (!article) return;
    return reader.onShortcut('KeyE', (event) => {
      if (event.shiftKey) return;
      event.preventDefault();
      onToggleAll();
    });
  }, [reader, article, onToggleAll]);

  // Nothing stays chosen that the reader can no longer see or reach: names switched off, or the
  // names panel closed while an entity was chosen there (a card the reader opened stays).
  useEffect(() => {
    if (!display.namesOn) focus.set(null);
  }, [display.namesOn, focus]);
  useEffect(() => {
    if (panel.open) return;
    if (focus.get()?.card === false) focus.set(null);
  }, [panel.open, focus]);

  const saveCorrection = useCallback(
    (c: CorrectionDraft) => {
      const now = Date.now();
      save.mutate(
        { ...c, id: newCorrectionId(now), created: now },
        {
          onSuccess: () => toast(t('correctionSaved')),
          onError: () => toast(t('saveFailed'), 'error'),
        },
      );
    },
    [save, toast, t],
  );

  const onCorrect = useCallback(
    ({ kind, mention, type, everywhere }: { kind: CorrectionKind; mention: ReaderMention; type?: EntityType; everywhere: boolean }) => {
      focus.set(null);
      saveCorrection(correctionDraft(kind, mention, everywhere, type));
      reader.blockElement(mention.blockId)?.focus({ preventScroll: true });
    },
    [focus, saveCorrection, reader],
  );

  const onTag = useCallback(
    (selection: BlockSelection, type: EntityType, everywhere: boolean) =>
      saveCorrection(correctionDraft('add', selection, everywhere, type)),
    [saveCorrection],
  );

  const onRemoveCorrection = useCallback(
    (id: string) => {
      focus.set(null);
      remove.mutate(id, { onSuccess: () => toast(t('correctionRemoved')), onError: () => toast(t('saveFailed'), 'error') });
    },
    [focus, remove, toast, t],
  );

  const toolbarAction = useCallback(
    (range: { start: number; end: number }) => (
      <button
        type="button"
        className="button button--small"
        data-action="tag-entity"
        onClick={() => {
          if (!article) return;
          const selection = blockSelectionFromArticleRange(article, range, selectionRect());
          document.getSelection()?.removeAllRanges();
          pending.set(selection);
        }}
      >
        {t('markAsEntity')}
      </button>
    ),
    [article, pending, t],
  );

  const total = model?.entities.length ?? 0;
  return {
    decorations,
    hiddenTypes,
    display,
    legend: article ? (
      <div className="entity-legend-bar" data-entities-status={status}>
        <EntityLegend counts={model?.mentionCounts ?? null} hidden={hiddenTypes} onToggle={onToggleType} namesOn={display.namesOn} onToggleAll={onToggleAll} />
        {/* Out of the flow: the line must not change height when the marks arrive. */}
        <span className="entity-legend-bar__status" role="status">
          {model ? '' : status === 'pending' ? t('tagging') : status === 'error' ? t('taggingFailed') : ''}
        </span>
      </div>
    ) : null,
    action: article ? (
      <button type="button" className="button button--ghost" aria-pressed={panel.open} data-action="toggle-entities-panel" onClick={panel.toggle}>
        {t('panelButton')}
        {model && <span className="entity-action__count">{formatNumber(total)}</span>}
      </button>
    ) : null,
    panel: (
      <EntitiesPanel
        model={model}
        status={status}
        focus={focus}
        markHeadings={display.markHeadings}
        onMarkHeadings={onMarkHeadings}
        confidentOnly={display.confidentOnly}
        onConfidentOnly={onConfidentOnly}
        corrections={corrections}
        validIds={validIds}
        onRemoveCorrection={onRemoveCorrection}
        onClose={panel.close}
      />
    ),
    overlay: article ? (
      <>
        <EntityFocusStyle focus={focus} />
        {model && <EntityCard model={model} focus={focus} corrections={corrections} onCorrect={onCorrect} onRemoveCorrection={onRemoveCorrection} extra={cardExtra} />}
        <TagTypeChooser pending={pending} onTag={onTag} />
      </>
    ) : null,
    toolbarAction,
  };
}
