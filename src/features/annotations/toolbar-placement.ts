/** A rectangle in viewport coordinates. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Room left free between the text and the margin's content (the paragraph-link icons sit there). */
export const MARGIN_GUTTER = 40;
/** From the window's edges. */
const EDGE = 8;
/** Narrower than this, the margin cannot hold the toolbar (its buttons would be one per row). */
const MIN_MARGIN_TOOLBAR = 200;

/**
 * Width free for the toolbar in the margin at the interface's inline end (the left in Arabic),
 * beside the article's text column; 0 when that margin is too narrow to hold it.
 */
export function toolbarMarginRoom(text: Box, viewport: Size & { rtl: boolean }): number {
  const room = (viewport.rtl ? text.left : viewport.width - text.right) - MARGIN_GUTTER - EDGE;
  return room >= MIN_MARGIN_TOOLBAR ? room : 0;
}

export interface ToolbarPlacementInput {
  /** The selection's first and last line boxes. */
  readonly first: Box;
  readonly last: Box;
  /** The article's text column. */
  readonly text: Box;
  readonly viewport: Size & { rtl: boolean };
  readonly toolbar: Size;
  /** Bottom of the sticky top bar. */
  readonly topLimit: number;
  /** The toolbar goes in the margin (see toolbarMarginRoom). */
  readonly inMargin: boolean;
}

export interface ToolbarPlacement {
  /** Top and left edge, in viewport coordinates. */
  readonly top: number;
  readonly left: number;
  readonly placement: 'margin' | 'docked-bottom' | 'docked-top';
}

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));

/**
 * Where the selection toolbar goes so that it covers no text near the selection (above the
 * selection it hid the line the reader had just read): in the margin beside the selection's first
 * line when there is one; otherwise docked at the foot of the window, or at its head when the
 * selection is down there.
 */
export function placeToolbar({ first, last, text, viewport, toolbar, topLimit, inMargin }: ToolbarPlacementInput): ToolbarPlacement {
  const { width: vw, height: vh, rtl } = viewport;
  const lowest = topLimit + EDGE;
  const highest = vh - toolbar.height - EDGE;
  if (inMargin) {
    const left = rtl ? text.left - MARGIN_GUTTER - toolbar.width : text.right + MARGIN_GUTTER;
    const top = clamp((first.top + first.bottom) / 2 - toolbar.height / 2, lowest, highest);
    return { top, left: clamp(left, EDGE, vw - toolbar.width - EDGE), placement: 'margin' };
  }
  const left = clamp((vw - toolbar.width) / 2, EDGE, vw - toolbar.width - EDGE);
  // At the foot unless the selection ends under it and there is room at the head.
  const underFoot = last.bottom > highest - EDGE;
  const clearOfHead = first.top > lowest + toolbar.height + EDGE;
  if (underFoot && clearOfHead) return { top: lowest, left, placement: 'docked-top' };
  return { top: highest, left, placement: 'docked-bottom' };
}
