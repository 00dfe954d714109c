import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { articleText, blockSpans } from '../../src/core/article/article';
import { offsetsToRange, rangeToOffsets, selectionToOffsets } from '../../src/shared/dom-selection';
import { ARTICLE, ArticleDom } from '../features/annotations/fixtures';

function setup() {
  const { container } = render(<ArticleDom />);
  const root = container.querySelector('article')!;
  return { root, text: articleText(ARTICLE), spans: blockSpans(ARTICLE) };
}

describe('dom-selection', () => {
  it('maps every range inside one block to the same article text, through marks and <bdi>', () => {
    const { root, text, spans } = setup();
    const span = spans[1]!;
    for (let start = span.start; start < span.end; start += 3) {
      for (let end = start + 1; end <= span.end; end += 7) {
        const range = offsetsToRange(root, ARTICLE, { start, end })!;
        expect(range.toString()).toBe(text.slice(start, end));
        expect(rangeToOffsets(root, ARTICLE, range)).toEqual({ start, end });
      }
    }
  });

  it('maps a selection across paragraphs, excluding the link controls', () => {
    const { root, text, spans } = setup();
    const start = spans[1]!.start + 10;
    const end = spans[2]!.start + 12;
    const range = offsetsToRange(root, ARTICLE, { start, end })!;
    expect(range.toString()).toContain('link'); // the DOM range crosses the link control...
    expect(rangeToOffsets(root, ARTICLE, range)).toEqual({ start, end }); // ...the offsets do not count it
    expect(text.slice(start, end)).toContain('\n\n');
  });

  it('moves end points outside block text to the nearest text inside the selection', () => {
    const { root, spans } = setup();
    const range = document.createRange();
    // From inside the first paragraph's link control to the second paragraph's link control.
    const links = root.querySelectorAll('a[data-action="link-block"]');
    range.setStart(links[1]!.firstChild!, 1);
    range.setEnd(links[2]!.firstChild!, 2);
    expect(rangeToOffsets(root, ARTICLE, range)).toEqual({ start: spans[2]!.start, end: spans[2]!.end });
    // Whole article element.
    range.selectNodeContents(root);
    expect(rangeToOffsets(root, ARTICLE, range)).toEqual({ start: 0, end: spans[2]!.end });
  });

  it('reads the document selection; a collapsed or outside selection is null', () => {
    const { root, spans } = setup();
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    expect(selectionToOffsets(root, ARTICLE, selection)).toBeNull();
    selection.addRange(offsetsToRange(root, ARTICLE, { start: spans[1]!.start + 2, end: spans[1]!.start + 9 })!);
    expect(selectionToOffsets(root, ARTICLE, selection)).toEqual({ start: spans[1]!.start + 2, end: spans[1]!.start + 9 });
    const outside = document.createElement('p');
    outside.textContent = 'خارج المقال';
    document.body.append(outside);
    selection.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(outside);
    selection.addRange(range);
    expect(selectionToOffsets(root, ARTICLE, selection)).toBeNull();
    outside.remove();
  });
});
