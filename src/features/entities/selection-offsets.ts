/**
 * DOM selection → block id + character offsets inside the block's text ([data-block-text]).
 * The reader renders a block's text verbatim (runs, marks and <bdi> add no characters), so an
 * offset is the length of the text between the start of [data-block-text] and the point.
 */
export interface BlockSelection {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly rect: { top: number; bottom: number; left: number; right: number };
}

function offsetIn(root: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selection when it lies within one block's text of an article (trimmed of spaces), else null. */
export function blockSelection(selection: Selection | null, within: ParentNode = document): BlockSelection | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const elementOf = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
  const startText = elementOf(range.startContainer)?.closest('[data-block-text]');
  const endText = elementOf(range.endContainer)?.closest('[data-block-text]');
  if (!startText || startText !== endText || !within.contains(startText)) return null;
  const blockId = startText.closest<HTMLElement>('[data-block-id]')?.dataset.blockId;
  if (!blockId) return null;
  const full = startText.textContent ?? '';
  let start = offsetIn(startText, range.startContainer, range.startOffset);
  let end = offsetIn(startText, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(full[start] ?? '')) start += 1;
  while (end > start && /\s/.test(full[end - 1] ?? '')) end -= 1;
  if (end <= start) return null;
  const box = range.getBoundingClientRect?.() ?? { top: 0, bottom: 0, left: 0, right: 0 };
  return { blockId, start, end, text: full.slice(start, end), rect: { top: box.top, bottom: box.bottom, left: box.left, right: box.right } };
}
