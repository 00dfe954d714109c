import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReaderHandle, type MarkActivation, type VisibleBlocks } from '../../src/shared/reader-handle';

/** An article element as BlockView renders one, with a name (inside a highlight) and a plain paragraph. */
function articleDom(): { root: HTMLElement; blocks: HTMLElement[]; name: HTMLElement; highlight: HTMLElement } {
  const root = document.createElement('article');
  root.innerHTML = `
    <p data-block-id="p-1" tabindex="-1"><span data-block-text=""><mark class="entity entity--PERS" data-entity-type="PERS" data-entity-id="PERS:بوتين" data-mention-index="1" tabindex="0"><mark data-annotation-id="n-1">بوتين</mark></mark> قال</span></p>
    <p data-block-id="p-2" tabindex="-1"><span data-block-text="">فقرة ثانية</span></p>
    <p data-block-id="p-3" tabindex="-1"><span data-block-text="">فقرة ثالثة</span></p>`;
  document.body.append(root);
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-block-id]')];
  return { root, blocks, name: root.querySelector('mark.entity')!, highlight: root.querySelector('mark[data-annotation-id]')! };
}
const article = { id: 'a', blocks: ['p-1', 'p-2', 'p-3'].map((id) => ({ id, kind: 'paragraph' as const, text: 'x' })) };

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('the reader handle', () => {
  it('reports a click on a mark by kind and id: one mark, a name inside a highlight as the name', () => {
    const { root, highlight } = articleDom();
    const reader = createReaderHandle();
    let hidden = false;
    reader.bind({ root, article, isHidden: () => hidden });
    const seen: MarkActivation[] = [];
    reader.onMarkActivate('highlight', (a) => seen.push(a));
    highlight.addEventListener('click', (event) => reader.handleEvent(event));
    // Nothing listens for names: the highlight.
    highlight.click();
    expect(seen).toEqual([{ mark: { kind: 'highlight', id: 'n-1' }, via: 'pointer' }]);
    const stop = reader.onMarkActivate('entity', (a) => seen.push(a));
    highlight.click();
    expect(seen.slice(1)).toEqual([{ mark: { kind: 'entity', id: 'PERS:بوتين', index: 1 }, via: 'pointer' }]);
    // A switched-off name is plain text: the highlight again.
    hidden = true;
    highlight.click();
    expect(seen.slice(2)).toEqual([{ mark: { kind: 'highlight', id: 'n-1' }, via: 'pointer' }]);
    stop();
  });

  it('Enter on a focused name activates it and takes the key; a switched-off name is plain text', () => {
    const { root, name } = articleDom();
    const reader = createReaderHandle();
    let hidden = false;
    reader.bind({ root, article, isHidden: () => hidden });
    const seen: MarkActivation<'entity'>[] = [];
    reader.onMarkActivate('entity', (a) => seen.push(a));
    name.addEventListener('keydown', (event) => reader.handleEvent(event));
    name.addEventListener('click', (event) => reader.handleEvent(event));
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    name.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(seen).toEqual([{ mark: { kind: 'entity', id: 'PERS:بوتين', index: 1 }, via: 'keyboard' }]);
    name.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    hidden = true;
    name.click();
    expect(seen).toHaveLength(1);
  });

  it('a click that ends a selection activates nothing; code activates by id', () => {
    const { root, name } = articleDom();
    const reader = createReaderHandle();
    reader.bind({ root, article, isHidden: () => false });
    const seen: string[] = [];
    const stop = reader.onMarkActivate('entity', ({ mark, via }) => seen.push(`${mark.id}/${via}`));
    const selection = document.getSelection()!;
    selection.selectAllChildren(root);
    name.addEventListener('click', (event) => reader.handleEvent(event));
    name.click();
    selection.removeAllRanges();
    expect(seen).toEqual([]);
    expect(reader.activate({ kind: 'entity', id: 'PERS:x', index: 0 })).toBe(true);
    expect(reader.activate({ kind: 'highlight', id: 'n-9' })).toBe(false);
    stop();
    expect(reader.activate({ kind: 'entity', id: 'PERS:x', index: 0 })).toBe(false);
    expect(seen).toEqual(['PERS:x/code']);
  });

  it('finds blocks and marks by id, and focuses a mark (a highlight: its paragraph)', () => {
    const { root, blocks, name } = articleDom();
    const reader = createReaderHandle();
    expect(reader.blockElement('p-2')).toBeNull();
    reader.bind({ root, article, isHidden: () => false });
    expect(reader.blockElement('p-2')).toBe(blocks[1]);
    expect(reader.focusMark({ kind: 'entity', id: 'PERS:بوتين', index: 1 })).toBe(true);
    expect(document.activeElement).toBe(name);
    expect(reader.focusMark({ kind: 'highlight', id: 'n-1' })).toBe(true);
    expect(document.activeElement).toBe(blocks[0]);
    expect(reader.focusMark({ kind: 'entity', id: 'PERS:بوتين', index: 7 })).toBe(false);
  });

  it('focuses a name outside the paragraph holding the Tab stop (roving tabindex -1), not its paragraph', () => {
    const { root, blocks } = articleDom();
    blocks[1]!.querySelector('[data-block-text]')!.innerHTML = '<mark class="entity entity--PERS" data-entity-type="PERS" data-entity-id="PERS:بوتين" data-mention-index="2" tabindex="-1">بوتين</mark> ثانية';
    const reader = createReaderHandle();
    reader.bind({ root, article, isHidden: () => false });
    expect(reader.focusMark({ kind: 'entity', id: 'PERS:بوتين', index: 2 })).toBe(true);
    expect(document.activeElement).toBe(blocks[1]!.querySelector('mark.entity'));
  });

  it('measures the blocks on screen once per layout change, and tells who listens when they move', async () => {
    const { root, blocks } = articleDom();
    const tops = [-300, 100, 900];
    const measured = vi.fn();
    blocks.forEach((block, i) => {
      block.getBoundingClientRect = () => {
        measured();
        return { top: tops[i]!, bottom: tops[i]! + 200, left: 0, right: 100, width: 100, height: 200, x: 0, y: tops[i]!, toJSON: () => ({}) };
      };
    });
    vi.stubGlobal('innerHeight', 800);
    const reader = createReaderHandle();
    reader.bind({ root, article, isHidden: () => false });
    expect(reader.visibleBlocks()).toEqual({ first: 1, last: 1 });
    const calls = measured.mock.calls.length;
    expect(reader.visibleBlocks()).toEqual({ first: 1, last: 1 });
    expect(measured.mock.calls.length).toBe(calls);
    const moved: VisibleBlocks[] = [];
    reader.onVisibleBlocksChange((v) => moved.push(v));
    tops.splice(0, 3, -600, -200, 300);
    window.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(moved).toEqual([{ first: 2, last: 2 }]);
    vi.unstubAllGlobals();
  });

  it('runs screen tasks in turns, one slice each, until each is done or stopped', async () => {
    vi.useFakeTimers();
    const reader = createReaderHandle();
    const order: string[] = [];
    let a = 3;
    let b = 5;
    reader.schedule({ step: () => (order.push('a'), --a > 0) });
    const stopB = reader.schedule({ step: () => (order.push('b'), --b > 0) });
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1);
    stopB();
    await vi.runAllTimersAsync();
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('keys reach shortcuts only outside text fields and dialogs, and without modifiers', () => {
    const reader = createReaderHandle();
    const pressed: string[] = [];
    reader.onShortcut('KeyE', (event) => pressed.push(event.code));
    const key = (init: KeyboardEventInit, target: EventTarget = document.body) => {
      const event = new KeyboardEvent('keydown', { ...init, bubbles: true });
      Object.defineProperty(event, 'target', { value: target });
      return reader.handleShortcut(event);
    };
    expect(key({ code: 'KeyE' })).toBe(true);
    expect(key({ code: 'KeyE', ctrlKey: true })).toBe(false);
    expect(key({ code: 'KeyJ' })).toBe(false);
    expect(key({ code: 'KeyE' }, document.createElement('textarea'))).toBe(false);
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(key({ code: 'KeyE' })).toBe(false);
    expect(pressed).toEqual(['KeyE']);
  });
});
