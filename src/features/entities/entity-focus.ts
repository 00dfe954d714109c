import type { ReaderHandle } from '../../shared/reader-handle';
import { createValueStore, useValueStore, type ValueStore } from '../../shared/value-store';

/** Which entity is chosen (panel) and which mention is current, and whether its card is open. */
export interface EntityFocus {
  readonly key: string;
  readonly index: number;
  readonly card: boolean;
}

export type EntityFocusStore = ValueStore<EntityFocus | null>;

/** Choosing a mention re-renders the card and panel, never the article. */
export const createEntityFocusStore = (): EntityFocusStore => createValueStore<EntityFocus | null>(null);

export const useEntityFocus = (store: EntityFocusStore): EntityFocus | null => useValueStore(store);

/** A CSS attribute-selector string literal for any value. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

export function mentionSelector(key: string, index?: number): string {
  const base = `article mark.entity[data-entity-id=${cssString(key)}]`;
  return index === undefined ? base : `${base}[data-mention-index="${index}"]`;
}

/** Scrolls a mention to the middle of the screen and focuses it. */
export function revealMention(reader: ReaderHandle, key: string, index: number): boolean {
  // With the panel as a bottom sheet (narrow screens) the middle of the screen is under it.
  const sheet = window.matchMedia?.('(max-width: 900px)').matches && document.querySelector('.reader-panel') !== null;
  return reader.focusMark({ kind: 'entity', id: key, index }, { scroll: sheet ? 'start' : 'center' });
}
