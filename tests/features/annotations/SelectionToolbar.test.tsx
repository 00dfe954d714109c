import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { articleText, blockSpans } from '../../../src/core/article/article';
import { SelectionToolbar, type SelectionRange } from '../../../src/features/annotations/SelectionToolbar';
import { offsetsToRange } from '../../../src/shared/dom-selection';
import { renderWithApp } from '../../helpers/render';
import { ARTICLE, ArticleDom } from './fixtures';

const text = articleText(ARTICLE);
const spans = blockSpans(ARTICLE);

function select(start: number, end: number) {
  const root = document.querySelector('article')!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(offsetsToRange(root, ARTICLE, { start, end })!);
  act(() => {
    document.dispatchEvent(new Event('selectionchange'));
  });
}

async function setup(extra?: (range: SelectionRange) => React.ReactNode) {
  const onHighlight = vi.fn();
  const onNote = vi.fn();
  await renderWithApp(
    <>
      <ArticleDom />
      <SelectionToolbar article={ARTICLE} onHighlight={onHighlight} onNote={onNote} extraActions={extra} />
    </>,
  );
  return { onHighlight, onNote };
}

describe('SelectionToolbar', () => {
  it('appears for a selection, snapped to whole words, with colours, note and extra actions', async () => {
    const extra = vi.fn((range: SelectionRange) => (
      <button type="button" data-action="share" data-range={`${range.start}-${range.end}`}>
        share
      </button>
    ));
    const { onHighlight } = await setup(extra);
    expect(screen.queryByRole('toolbar')).toBeNull();
    // "الوزارة" is cut in half on both sides.
    const at = text.indexOf('الوزارة');
    select(at + 2, at + 5);
    const toolbar = await screen.findByRole('toolbar');
    expect(toolbar.querySelectorAll('[data-action="highlight"][data-color]').length).toBeGreaterThanOrEqual(4);
    expect(toolbar.querySelector('[data-action="note"]')).not.toBeNull();
    const share = toolbar.querySelector('[data-action="share"]')!;
    expect(share.getAttribute('data-range')).toBe(`${at}-${at + 'الوزارة'.length}`);
    fireEvent.click(toolbar.querySelector('[data-action="highlight"][data-color="green"]')!);
    expect(onHighlight).toHaveBeenCalledWith({ blockId: 'p-1', start: at, end: at + 7, quote: 'الوزارة' }, 'green');
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull());
  });

  it('appears for a selection made before it was mounted (no selectionchange after it)', async () => {
    function MountedLater() {
      const [shown, show] = useState(false);
      return (
        <>
          <ArticleDom />
          {shown ? <SelectionToolbar article={ARTICLE} onHighlight={vi.fn()} onNote={vi.fn()} /> : <button type="button" data-testid="mount" onClick={() => show(true)} />}
        </>
      );
    }
    await renderWithApp(<MountedLater />);
    const at = text.indexOf('الوزارة');
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(offsetsToRange(document.querySelector('article')!, ARTICLE, { start: at, end: at + 7 })!);
    // The selection's change is reported before the toolbar is there to hear it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    fireEvent.click(screen.getByTestId('mount'));
    const toolbar = await screen.findByRole('toolbar');
    expect(toolbar.getAttribute('data-selection-start')).toBe(String(at));
  });

  it('spans paragraphs; `h` highlights in the default colour, `n` opens a note', async () => {
    const { onHighlight, onNote } = await setup();
    const start = spans[1]!.end - 6;
    const end = spans[2]!.start + 4;
    select(start, end);
    await screen.findByRole('toolbar');
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    const range = onHighlight.mock.calls[0]![0] as SelectionRange;
    expect(onHighlight.mock.calls[0]![1]).toBe('yellow');
    expect(range.blockId).toBe('p-1');
    expect(range.quote).toContain('\n\n');
    select(spans[2]!.start + 1, spans[2]!.start + 3);
    await screen.findByRole('toolbar');
    fireEvent.keyDown(document.body, { key: 'n', code: 'KeyN' });
    expect(onNote).toHaveBeenCalledTimes(1);
  });

  it('Tab moves into the toolbar, Escape leaves it and returns to the paragraph', async () => {
    await setup();
    select(spans[1]!.start, spans[1]!.start + 5);
    const toolbar = await screen.findByRole('toolbar');
    fireEvent.keyDown(document.body, { key: 'Tab' });
    expect(toolbar.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('toolbar')).toBeNull());
    expect(document.activeElement?.id).toBe('p-1');
  });

  it('ignores selections outside the article and whitespace-only selections', async () => {
    await setup();
    const outside = document.createElement('p');
    outside.textContent = 'نص خارج المقال';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    act(() => {
      document.dispatchEvent(new Event('selectionchange'));
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(screen.queryByRole('toolbar')).toBeNull();
    outside.remove();
  });
});
