import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundaryPoints, paintedRanges, paintText, PAINT_PREFIX, rangePaintSupported } from '../../src/shared/range-paint';
import { paintedText, withHighlightApi } from '../helpers/highlight-api';

function paragraph(html: string): HTMLElement {
  const el = document.createElement('p');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('boundaryPoints', () => {
  it('maps offsets into the text of nested elements (between two nodes: the start of the later one), past the end clamped', () => {
    const root = paragraph('<span>بزيارة </span><mark>لروسيا</mark><span> ثم</span>');
    const [a, b, c, d] = boundaryPoints(root, [8, 0, 13, 99])!;
    expect([a![0].data, a![1]]).toEqual(['لروسيا', 1]);
    expect([b![0].data, b![1]]).toEqual(['بزيارة ', 0]);
    expect([c![0].data, c![1]]).toEqual([' ثم', 0]);
    expect([d![0].data, d![1]]).toEqual([' ثم', 3]);
    expect(boundaryPoints(paragraph(''), [0])).toBeNull();
  });
});

describe('paintText', () => {
  it('paints nothing (and says so) where the browser has no Custom Highlight API', () => {
    vi.stubGlobal('CSS', { escape: (s: string) => s });
    expect(rangePaintSupported()).toBe(false);
    const painted = paintText(paragraph('نص'), [{ name: 'search', start: 0, end: 1, id: 'x' }]);
    painted.clear();
    expect(paintedRanges('x')).toEqual([]);
  });

  it('paints exact spans as ranges by paint name, finds them by id, puts them back when the text is revealed, and clears them', () => {
    const registry = withHighlightApi();
    const root = paragraph('<span>بزيارة </span><mark>لروسيا</mark><span> ثم</span>');
    const painted = paintText(root, [
      { name: 'highlight-yellow', start: 8, end: 13, id: 'h1' },
      { name: 'shared', start: 0, end: 3, id: 'passage' },
    ]);
    const yellow = registry.get(`${PAINT_PREFIX}highlight-yellow`)!;
    expect(yellow.size).toBe(1);
    expect(registry.get(`${PAINT_PREFIX}shared`)!.priority).toBeGreaterThan(yellow.priority);
    const [range] = [...yellow];
    // Static: a live range would be updated by the document on every DOM mutation.
    expect(range).toBeInstanceOf(StaticRange);
    expect(paintedText(range!)).toBe('روسيا');
    expect(paintedRanges('h1').map((r) => r.toString())).toEqual(['روسيا']);

    // Revealed by content-visibility: the same range is taken out and added again.
    const remove = vi.spyOn(yellow, 'delete');
    root.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false }));
    expect(remove).toHaveBeenCalledWith(range);
    expect([...yellow]).toEqual([range]);
    // Skipped again: nothing to do.
    remove.mockClear();
    root.dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped: true }));
    expect(remove).not.toHaveBeenCalled();

    painted.clear();
    expect(yellow.size).toBe(0);
    expect(paintedRanges('h1')).toEqual([]);
  });

  it('leaves out of the geometry a painted range whose text has left the document', () => {
    withHighlightApi();
    const root = paragraph('<span>بزيارة </span><mark>لروسيا</mark>');
    const painted = paintText(root, [{ name: 'highlight-green', start: 8, end: 13, id: 'gone' }]);
    expect(paintedRanges('gone')).toHaveLength(1);
    root.replaceChildren('نص آخر');
    expect(paintedRanges('gone')).toEqual([]);
    painted.clear();
    root.remove();
  });
});
