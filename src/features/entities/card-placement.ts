import type { CSSProperties } from 'react';

export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
  readonly rtl: boolean;
}

export const CARD_WIDTH = 300;
/** A typical card's height: below the mention when this much room is there. */
const CARD_HEIGHT = 260;
const GAP = 8;
/** Never squeeze the card below this; it scrolls inside. */
const MIN_CARD_HEIGHT = 120;

/**
 * Where the mention's card goes: under the mention (above it when there is more room there), its
 * inline-start edge on the mention's, inside the viewport and clear of the open side panel or
 * bottom sheet (`panel`), whose content the card would otherwise cover.
 */
export function placeCard(mention: Box | null, viewport: Viewport, panel: Box | null = null): CSSProperties {
  if (!mention) return { insetBlockStart: 80, insetInlineStart: 16 };
  const { width: vw, height: vh, rtl } = viewport;
  const width = Math.min(CARD_WIDTH, vw - 2 * GAP);
  let minLeft = GAP;
  let maxLeft = vw - width - GAP;
  let bottomLimit = vh - GAP;
  if (panel) {
    const sheet = panel.right - panel.left >= vw * 0.6;
    if (sheet) bottomLimit = Math.min(bottomLimit, panel.top - GAP);
    else if (panel.left > vw / 2) maxLeft = Math.min(maxLeft, panel.left - width - GAP);
    else minLeft = Math.max(minLeft, panel.right + GAP);
  }
  const preferred = rtl ? mention.right - width : mention.left;
  const left = Math.max(minLeft, Math.min(preferred, Math.max(minLeft, maxLeft)));
  const style: CSSProperties = { insetInlineStart: rtl ? vw - left - width : left, inlineSize: width };
  const below = bottomLimit - (mention.bottom + GAP);
  const above = mention.top - 2 * GAP;
  if (below >= CARD_HEIGHT || below >= above) {
    style.insetBlockStart = mention.bottom + GAP;
    style.maxBlockSize = Math.max(MIN_CARD_HEIGHT, below);
  } else {
    style.insetBlockEnd = vh - mention.top + GAP;
    style.maxBlockSize = Math.max(MIN_CARD_HEIGHT, above);
  }
  return style;
}
