/**
 * Where notes go in the margin beside the text: each as close as it can be to the line its
 * highlight starts on, none overlapping. The current note sits exactly at its line; the notes
 * above it are pushed up and the notes below it pushed down (as in a word processor's comments).
 * Pure: the reader measures, this places.
 */
export interface MarginItem {
  readonly id: string;
  /** Top of the highlight's first line, in the margin's coordinates. */
  readonly anchor: number;
  /** The note's height as laid out. */
  readonly height: number;
}

export interface MarginPlacement {
  readonly id: string;
  readonly top: number;
}

/** Placed in reading order (anchor, then id for equal anchors); `gap` apart; none above `minTop`. */
export function layoutMargin(items: readonly MarginItem[], options: { gap: number; active?: string | null; minTop?: number }): MarginPlacement[] {
  const { gap, active = null, minTop = 0 } = options;
  const sorted = [...items].sort((a, b) => a.anchor - b.anchor || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tops = new Array<number>(sorted.length);
  const pivot = active === null ? -1 : sorted.findIndex((item) => item.id === active);
  // Downwards from the current note (or from the first), each below the one before.
  const start = Math.max(0, pivot);
  let floor = minTop;
  for (let i = start; i < sorted.length; i += 1) {
    const item = sorted[i]!;
    tops[i] = Math.max(item.anchor, floor);
    floor = tops[i]! + item.height + gap;
  }
  // Upwards from the current note, each above the one after.
  for (let i = start - 1; i >= 0; i -= 1) {
    const item = sorted[i]!;
    tops[i] = Math.min(item.anchor, tops[i + 1]! - gap - item.height);
  }
  // Pushed above the margin's top: shift the run down as a whole from there (never overlapping).
  if (sorted.length > 0 && tops[0]! < minTop) {
    let low = minTop;
    for (let i = 0; i < sorted.length; i += 1) {
      if (tops[i]! >= low) break;
      tops[i] = low;
      low = tops[i]! + sorted[i]!.height + gap;
    }
  }
  return sorted.map((item, i) => ({ id: item.id, top: tops[i]! }));
}

/** A line of text, in the margin's coordinates. */
export interface LineBox {
  readonly top: number;
  readonly bottom: number;
}

export interface MarkerPlacement {
  /** The marker's top, centred on the line. */
  readonly top: number;
  /** The paragraph's link icon, which shares this gutter, has to leave the line to the marker. */
  readonly linkYields: boolean;
}

/**
 * Where a paragraph's marker goes in a narrow gutter: beside the first line of the paragraph's first
 * noted highlight, centred on it. Where the gutter also holds the paragraph's link icon beside the
 * paragraph's first line (a phone's), a marker on that line takes the place and the icon yields.
 */
export function placeMarker(input: { line: LineBox; firstLineTop: number; markerHeight: number; sharesGutterWithLink: boolean }): MarkerPlacement {
  const { line, firstLineTop, markerHeight, sharesGutterWithLink } = input;
  const height = line.bottom - line.top;
  return {
    top: line.top + (height - markerHeight) / 2,
    linkYields: sharesGutterWithLink && Math.abs(line.top - firstLineTop) < height / 2,
  };
}

/**
 * How far to scroll the window down so that a box written under a passage (a note's form) ends
 * inside the window, never taking the passage's top above `topLimit` (under the top bar): 0 when
 * it already fits. Coordinates are the window's.
 */
export function scrollToFit(input: { passageTop: number; boxBottom: number; windowBottom: number; topLimit: number }): number {
  const { passageTop, boxBottom, windowBottom, topLimit } = input;
  return Math.max(0, Math.min(boxBottom - windowBottom, passageTop - topLimit));
}

export interface PopoverPlacement {
  readonly top: number;
  readonly left: number;
  /** How far to scroll the window first (the placement is for after the scroll). */
  readonly scroll: number;
}

/**
 * Where the note form's popover goes beside its passage (window coordinates): under it, or over it
 * when only that fits; when neither does (a tall form, the passage mid-window), the window scrolls
 * the passage up so the form fits under it (`mayScroll`: when the form opens, never while the reader
 * scrolls). Only a form taller than the window under the top bar covers the passage.
 */
export function placeNotePopover(input: {
  passage: { top: number; bottom: number; left: number; right: number };
  size: { width: number; height: number };
  window: { width: number; height: number };
  topLimit: number;
  gap: number;
  rtl: boolean;
  mayScroll: boolean;
}): PopoverPlacement {
  const { passage, size, window: view, topLimit, gap, rtl, mayScroll } = input;
  const bottomLimit = view.height - gap;
  const below = passage.bottom + gap;
  const above = passage.top - gap - size.height;
  let top = below;
  let scroll = 0;
  if (below + size.height > bottomLimit) {
    if (above >= topLimit) top = above;
    else if (mayScroll) {
      scroll = scrollToFit({ passageTop: passage.top, boxBottom: below + size.height, windowBottom: bottomLimit, topLimit });
      top = below - scroll;
    }
  }
  top = Math.max(topLimit, Math.min(top, bottomLimit - size.height));
  const left = Math.max(gap, Math.min(rtl ? passage.right - size.width : passage.left, view.width - size.width - gap));
  return { top, left, scroll };
}

export interface BlockWindow {
  /** First and last block index (in article.blocks) whose notes are rendered. */
  readonly from: number;
  readonly to: number;
}

/**
 * The blocks whose margin notes are rendered: those within `near` blocks of the screen's first and
 * last, widened to multiples of `near`, so that scrolling changes the window (and renders the notes
 * again) once every `near` blocks rather than at every step. A long article's far notes are not
 * rendered at all.
 */
export function nearWindow(visible: { readonly first: number; readonly last: number }, near: number): BlockWindow {
  return {
    from: Math.max(0, Math.floor((visible.first - near) / near) * near),
    to: Math.ceil((Math.max(visible.first, visible.last) + near + 1) / near) * near,
  };
}
