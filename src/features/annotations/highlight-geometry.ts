import type { ReaderHandle } from '../../shared/reader-handle';

export interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Where a range of the article's text is painted, from the text range itself (through the reader's
 * handle: Range.getClientRects), never from the elements that paint a highlight: one box per line,
 * relative to `origin`'s top-left corner; [] when its blocks are not rendered.
 */
export function textRects(reader: ReaderHandle, range: { start: number; end: number }, origin: Element): Rect[] {
  const base = origin.getBoundingClientRect();
  return lines(
    reader
      .rangeRects(range)
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: r.top - base.top, bottom: r.bottom - base.top, left: r.left - base.left, right: r.right - base.left })),
  );
}

/** One box per line: the pieces a line is painted in (text nodes, marks, isolates) joined. */
function lines(rects: readonly Rect[]): Rect[] {
  const out: Rect[] = [];
  for (const r of rects) {
    const at = out.findIndex((l) => Math.abs(l.top - r.top) < 4 || (r.top < l.bottom - 4 && r.bottom > l.top + 4));
    const line = out[at];
    if (!line) out.push(r);
    else out[at] = { top: Math.min(line.top, r.top), bottom: Math.max(line.bottom, r.bottom), left: Math.min(line.left, r.left), right: Math.max(line.right, r.right) };
  }
  return out.sort((a, b) => a.top - b.top);
}
