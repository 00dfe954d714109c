import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutMargin, nearWindow, placeMarker, placeNotePopover, scrollToFit, type MarginItem } from '../../../src/core/annotations/margin-layout';

const item = (id: string, anchor: number, height = 50): MarginItem => ({ id, anchor, height });

describe('layoutMargin', () => {
  it('puts each note at its line when there is room', () => {
    expect(layoutMargin([item('a', 0), item('b', 200)], { gap: 8 })).toEqual([
      { id: 'a', top: 0 },
      { id: 'b', top: 200 },
    ]);
  });

  it('pushes colliding notes down, in reading order', () => {
    expect(layoutMargin([item('b', 20), item('a', 0)], { gap: 8 })).toEqual([
      { id: 'a', top: 0 },
      { id: 'b', top: 58 },
    ]);
  });

  it('keeps the current note at its line and pushes the ones above it up', () => {
    const placed = layoutMargin([item('a', 100), item('b', 110), item('c', 120)], { gap: 10, active: 'b' });
    expect(placed).toEqual([
      { id: 'a', top: 50 },
      { id: 'b', top: 110 },
      { id: 'c', top: 170 },
    ]);
  });

  it('never goes above the margin’s top', () => {
    const placed = layoutMargin([item('a', 0), item('b', 10)], { gap: 10, active: 'b' });
    expect(placed[0]!.top).toBe(0);
    expect(placed[1]!.top).toBe(60);
  });

  it('never overlaps, keeps reading order, never above minTop (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ anchor: fc.integer({ min: 0, max: 3000 }), height: fc.integer({ min: 20, max: 400 }) }), { maxLength: 40 }),
        fc.option(fc.nat(), { nil: undefined }),
        (raw, pick) => {
          const items = raw.map((r, i) => item(`n${String(i).padStart(3, '0')}`, r.anchor, r.height));
          const active = pick !== undefined && items.length > 0 ? items[pick % items.length]!.id : null;
          const placed = layoutMargin(items, { gap: 6, active });
          const byId = new Map(items.map((i) => [i.id, i]));
          for (let i = 1; i < placed.length; i += 1) {
            const above = placed[i - 1]!;
            expect(placed[i]!.top).toBeGreaterThanOrEqual(above.top + byId.get(above.id)!.height + 6 - 1e-9);
          }
          for (const p of placed) expect(p.top).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('placeMarker', () => {
  const line = (top: number) => ({ top, bottom: top + 36 });

  it('centres the marker on its highlight’s line', () => {
    expect(placeMarker({ line: line(72), firstLineTop: 0, markerHeight: 24, sharesGutterWithLink: true })).toEqual({ top: 78, linkYields: false });
  });

  it('takes the first line from the paragraph’s link icon only where they share the gutter', () => {
    expect(placeMarker({ line: line(100), firstLineTop: 100, markerHeight: 24, sharesGutterWithLink: true }).linkYields).toBe(true);
    expect(placeMarker({ line: line(100), firstLineTop: 100, markerHeight: 24, sharesGutterWithLink: false }).linkYields).toBe(false);
    // A highlight on the second line leaves the icon where it is.
    expect(placeMarker({ line: line(136), firstLineTop: 100, markerHeight: 24, sharesGutterWithLink: true }).linkYields).toBe(false);
  });
});

describe('scrollToFit', () => {
  it('scrolls as far as the box needs, never the passage under the top bar', () => {
    expect(scrollToFit({ passageTop: 400, boxBottom: 900, windowBottom: 790, topLimit: 64 })).toBe(110);
    expect(scrollToFit({ passageTop: 100, boxBottom: 900, windowBottom: 790, topLimit: 64 })).toBe(36);
    expect(scrollToFit({ passageTop: 400, boxBottom: 700, windowBottom: 790, topLimit: 64 })).toBe(0);
  });
});

describe('placeNotePopover', () => {
  const base = { size: { width: 400, height: 520 }, window: { width: 1024, height: 800 }, topLimit: 64, gap: 8, rtl: true, mayScroll: true };
  const passage = (top: number) => ({ top, bottom: top + 36, left: 300, right: 800 });
  const covers = (p: { top: number }, at: { top: number; bottom: number }, height = 520) => p.top < at.bottom && p.top + height > at.top;

  it('goes under the passage when it fits there, at the passage’s inline start', () => {
    expect(placeNotePopover({ ...base, passage: passage(100) })).toEqual({ top: 144, left: 400, scroll: 0 });
    expect(placeNotePopover({ ...base, rtl: false, passage: passage(100) }).left).toBe(300);
  });

  it('goes over the passage when only that fits', () => {
    expect(placeNotePopover({ ...base, passage: passage(700) })).toEqual({ top: 172, left: 400, scroll: 0 });
  });

  it('scrolls the passage up rather than covering it when neither fits (when it opens)', () => {
    const at = passage(380);
    const placed = placeNotePopover({ ...base, passage: at });
    expect(placed.scroll).toBeGreaterThan(0);
    const after = { top: at.top - placed.scroll, bottom: at.bottom - placed.scroll };
    expect(after.top).toBeGreaterThanOrEqual(base.topLimit);
    expect(covers(placed, after)).toBe(false);
    expect(placed.top + 520).toBeLessThanOrEqual(800 - 8);
    // Afterwards (the reader scrolling) it stays in the window and never scrolls.
    expect(placeNotePopover({ ...base, passage: at, mayScroll: false }).scroll).toBe(0);
  });

  it('stays inside the window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 760 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (top, x, rtl) => {
        const placed = placeNotePopover({ ...base, rtl, passage: { top, bottom: top + 36, left: x, right: Math.min(1024, x + 200) } });
        expect(placed.top).toBeGreaterThanOrEqual(base.topLimit);
        expect(placed.top + 520).toBeLessThanOrEqual(800 - 8);
        expect(placed.left).toBeGreaterThanOrEqual(8);
        expect(placed.left + 400).toBeLessThanOrEqual(1024 - 8);
      }),
    );
  });
});

describe('nearWindow', () => {
  it('covers the screen and `near` blocks on each side, in steps of `near`', () => {
    expect(nearWindow({ first: 0, last: 3 }, 12)).toEqual({ from: 0, to: 24 });
    const w = nearWindow({ first: 100, last: 104 }, 12);
    expect(w.from).toBeLessThanOrEqual(88);
    expect(w.to).toBeGreaterThanOrEqual(116);
    expect(w.from % 12).toBe(0);
    expect(w.to % 12).toBe(0);
  });

  it('stays the same while the screen moves within a step, so scrolling rarely renders the notes again', () => {
    const windows = new Set([97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107].map((first) => JSON.stringify(nearWindow({ first, last: first + 4 }, 12))));
    expect(windows.size).toBeLessThanOrEqual(2);
  });

  it('copes with a screen measured before any block is there', () => {
    expect(nearWindow({ first: -1, last: -1 }, 12)).toEqual({ from: 0, to: 12 });
  });
});
