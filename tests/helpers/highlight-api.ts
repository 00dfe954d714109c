import { vi } from 'vitest';

/** jsdom has no CSS Custom Highlight API: a Highlight is a set of ranges with a priority, the registry a map. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/** Gives the page a Custom Highlight API until vi.unstubAllGlobals(); returns its registry. */
export function withHighlightApi(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { ...globalThis.CSS, highlights: registry });
  return registry;
}

/** The text a painted range covers (the app paints static ranges, which cannot read their text). */
export function paintedText(painted: AbstractRange): string {
  const range = painted.startContainer.ownerDocument!.createRange();
  range.setStart(painted.startContainer, painted.startOffset);
  range.setEnd(painted.endContainer, painted.endOffset);
  return range.toString();
}
