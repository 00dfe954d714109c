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
