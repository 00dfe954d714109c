import type { Paint, PaintName } from '../core/decorations/paints';

/**
 * Paints exact spans of text without markup, with the CSS Custom Highlight API: one `Highlight`
 * per paint name, registered as `hashiya-<name>` and styled by `::highlight(hashiya-<name>)` rules
 * in the features' CSS. Markup inside a word breaks Arabic joining in WebKit; a painted range does
 * not (for a background: WebKitGTK 2.50 draws an underline or a text colour in a range whose edge
 * falls inside a word at another height, so paints here are fills only).
 *
 * Where the API is missing (`rangePaintSupported()` is false) nothing is painted here and the
 * whole-word elements paint themselves (the root has no `data-range-paint` attribute).
 */

/** The prefix of every name this app registers in `CSS.highlights`. */
export const PAINT_PREFIX = 'hashiya-';

/** Later paints cover earlier ones where they overlap: a shared passage and search hits over highlights. */
const PRIORITY: Partial<Record<PaintName, number>> = { shared: 1, search: 2 };

export function rangePaintSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

const highlights = new Map<PaintName, Highlight>();
/** Every painted range by its decoration's id (a highlight's annotation id), for geometry. */
const byId = new Map<string, Set<StaticRange>>();

function highlightFor(name: PaintName): Highlight {
  let highlight = highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = PRIORITY[name] ?? 0;
    highlights.set(name, highlight);
  }
  // (Registered again if anything took it out of the registry.)
  const key = `${PAINT_PREFIX}${name}`;
  if (CSS.highlights.get(key) !== highlight) CSS.highlights.set(key, highlight);
  return highlight;
}

/**
 * DOM boundary points for character offsets into `root`'s text (its text nodes in order, however
 * they are nested; an offset between two nodes is the start of the later one), offsets past the
 * end clamped to it; null when `root` holds no text.
 */
export function boundaryPoints(root: Node, offsets: readonly number[]): Array<[Text, number]> | null {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let total = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(total);
    total += node.length;
  }
  if (nodes.length === 0) return null;
  return offsets.map((offset) => {
    const at = Math.max(0, Math.min(offset, total));
    // The last text node starting at or before the offset.
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo]!, at - starts[lo]!];
  });
}

export interface PaintedText {
  /** Takes the ranges out and puts them back: WebKit does not paint ranges added while their text was skipped (content-visibility: auto) until then. */
  repaint(): void;
  /** Removes the paints. */
  clear(): void;
}

const NOTHING: PaintedText = { repaint: () => {}, clear: () => {} };

/**
 * Paints `paints` (offsets into `root`'s text) until cleared. The paints are put back whenever
 * `root` stops being skipped by content-visibility (its `contentvisibilityautostatechange`).
 */
export function paintText(root: Element, paints: readonly Paint[]): PaintedText {
  if (paints.length === 0 || !rangePaintSupported()) return NOTHING;
  const points = boundaryPoints(root, paints.flatMap((p) => [p.start, p.end]));
  if (!points) return NOTHING;
  const placed = paints.map((paint, i) => {
    const [startContainer, startOffset] = points[2 * i]!;
    const [endContainer, endOffset] = points[2 * i + 1]!;
    // Static, not live: the document updates every live Range on every DOM mutation, so thousands
    // of them made each removal of a node cost milliseconds (a 0.5 s task opening a long article).
    // A static range goes stale when its text changes, but the text changes only with new runs,
    // and new runs are painted afresh (the caller clears and paints again).
    const range = new StaticRange({ startContainer, startOffset, endContainer, endOffset });
    return { highlight: highlightFor(paint.name), id: paint.id, range };
  });
  for (const { highlight, id, range } of placed) {
    highlight.add(range);
    let ranges = byId.get(id);
    if (!ranges) byId.set(id, (ranges = new Set()));
    ranges.add(range);
  }
  const repaint = () => {
    for (const { highlight, range } of placed) {
      highlight.delete(range);
      highlight.add(range);
    }
  };
  const onReveal = (event: Event) => {
    if (!(event as Event & { skipped?: boolean }).skipped) repaint();
  };
  root.addEventListener('contentvisibilityautostatechange', onReveal);
  return {
    repaint,
    clear: () => {
      root.removeEventListener('contentvisibilityautostatechange', onReveal);
      for (const { highlight, id, range } of placed) {
        highlight.delete(range);
        const ranges = byId.get(id);
        ranges?.delete(range);
        if (ranges?.size === 0) byId.delete(id);
      }
    },
  };
}

/**
 * The ranges painted for a decoration (a highlight's annotation id), in no particular order, as live
 * ranges made for the caller (their getClientRects() are the exact span's rectangles); empty where
 * nothing is painted with ranges. A range whose text has left the document is left out.
 */
export function paintedRanges(id: string): readonly Range[] {
  return [...(byId.get(id) ?? [])].flatMap((painted) => {
    const { startContainer, startOffset, endContainer, endOffset } = painted;
    if (!startContainer.isConnected || !endContainer.isConnected || painted.collapsed) return [];
    const range = (startContainer.ownerDocument ?? document).createRange();
    try {
      range.setStart(startContainer, startOffset);
      range.setEnd(endContainer, endOffset);
    } catch {
      return []; // offsets past a text that changed since
    }
    return [range];
  });
}
