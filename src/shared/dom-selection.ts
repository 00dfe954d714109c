import { blockSpans, type Article } from '../core/article/article';

/**
 * Mapping between DOM selections in the rendered article and offsets in articleText(article).
 *
 * Only text inside `[data-block-text]` counts: the paragraph-link control, the dateline and any
 * generated content are outside the article's text. The block's offset comes from its
 * `data-block-id` and blockSpans(article), so the mapping never depends on how runs are nested
 * (entity marks, highlights, <bdi> isolates).
 */

export interface ArticleRange {
  readonly start: number;
  readonly end: number;
}

interface BlockText {
  readonly element: Element;
  readonly start: number;
  readonly end: number;
}

function blockTexts(root: Element, article: Pick<Article, 'blocks'>): BlockText[] {
  const spans = new Map(blockSpans(article).map((s) => [s.block.id, s]));
  const out: BlockText[] = [];
  for (const element of root.querySelectorAll('[data-block-id]')) {
    const span = spans.get(element.getAttribute('data-block-id') ?? '');
    const text = element.querySelector('[data-block-text]');
    if (span && text) out.push({ element: text, start: span.start, end: span.end });
  }
  return out;
}

/** A value for a CSS attribute selector (`[data-block-id="…"]`); CSS.escape where the environment has it. */
export const cssValue = (value: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&'));

/**
 * The rendered texts of only the blocks that `target` touches (found from the blocks' spans, then
 * by id): for one range, far cheaper than every block of a long article.
 */
function blocksTouching(root: Element, article: Pick<Article, 'blocks'>, target: ArticleRange): BlockText[] {
  const spans = blockSpans(article);
  // The first block ending after the start.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= target.start) lo = mid + 1;
    else hi = mid;
  }
  const out: BlockText[] = [];
  for (let i = lo; i < spans.length && (i === lo || spans[i]!.start < target.end); i += 1) {
    const span = spans[i]!;
    const text = root.querySelector(`[data-block-id="${cssValue(span.block.id)}"]`)?.querySelector('[data-block-text]');
    if (text) out.push({ element: text, start: span.start, end: span.end });
  }
  return out;
}

function textNodes(element: Element): Text[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Characters of `container`'s text before the boundary point (node, offset). */
function offsetWithin(container: Element, node: Node, offset: number): number {
  const point = container.ownerDocument.createRange();
  point.setStart(container, 0);
  point.setEnd(node, offset);
  return point.toString().length;
}

/** Compare a boundary point with the start (or end) of an element: -1 before, 0 equal/inside, 1 after. */
function pointVersus(node: Node, offset: number, element: Element, edge: 'start' | 'end'): number {
  const range = element.ownerDocument.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const at = edge === 'start' ? 0 : element.childNodes.length;
  // comparePoint(element, at) tells where (element, at) lies relative to our collapsed range.
  return -range.comparePoint(element, at);
}

type Edge = 'start' | 'end';

/** A boundary point as an article offset; points outside block text move forward (start) or back (end). */
function pointToOffset(blocks: readonly BlockText[], node: Node, offset: number, edge: Edge): number | null {
  for (const block of blocks) {
    if (block.element === node || block.element.contains(node)) {
      return Math.min(block.end, block.start + offsetWithin(block.element, node, offset));
    }
  }
  if (edge === 'start') {
    const next = blocks.find((b) => pointVersus(node, offset, b.element, 'start') <= 0);
    return next ? next.start : null;
  }
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const block = blocks[i]!;
    if (pointVersus(node, offset, block.element, 'end') >= 0) return block.end;
  }
  return null;
}

/** A DOM range inside the rendered article as article offsets, or null when it covers no article text. */
export function rangeToOffsets(root: Element, article: Pick<Article, 'blocks'>, range: Range): ArticleRange | null {
  if (range.collapsed) return null;
  const blocks = blockTexts(root, article);
  if (blocks.length === 0) return null;
  const start = pointToOffset(blocks, range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(blocks, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The current selection as article offsets when it lies (at least partly) in `root`. */
export function selectionToOffsets(root: Element, article: Pick<Article, 'blocks'>, selection: Selection | null): ArticleRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return null;
  return rangeToOffsets(root, article, range);
}

function locate(block: BlockText, offset: number): { node: Node; offset: number } {
  let remaining = offset - block.start;
  const nodes = textNodes(block.element);
  for (const node of nodes) {
    if (remaining <= node.data.length) return { node, offset: remaining };
    remaining -= node.data.length;
  }
  const last = nodes[nodes.length - 1];
  return last ? { node: last, offset: last.data.length } : { node: block.element, offset: 0 };
}

/** A DOM Range over article offsets [start, end) — for positioning, scrolling and selecting. */
export function offsetsToRange(root: Element, article: Pick<Article, 'blocks'>, target: ArticleRange): Range | null {
  return rangeIn(root, blocksTouching(root, article, target), target);
}

/** Ranges for many offsets at once (the block texts are looked up once); null where not rendered. */
export function offsetsToRanges(root: Element, article: Pick<Article, 'blocks'>, targets: readonly ArticleRange[]): Array<Range | null> {
  const blocks = blockTexts(root, article);
  return targets.map((target) => rangeIn(root, blocks, target));
}

function rangeIn(root: Element, blocks: readonly BlockText[], target: ArticleRange): Range | null {
  const first = blocks.find((b) => b.end > target.start);
  const last = [...blocks].reverse().find((b) => b.start < target.end);
  if (!first || !last) return null;
  const range = root.ownerDocument.createRange();
  const from = locate(first, Math.max(first.start, target.start));
  const to = locate(last, Math.min(last.end, target.end));
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
