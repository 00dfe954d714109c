import { describe, expect, it } from 'vitest';
import { MARGIN_GUTTER, placeToolbar, toolbarMarginRoom } from '../../../src/features/annotations/toolbar-placement';

const line = (top: number, left = 400, right = 1000) => ({ top, bottom: top + 38, left, right });
const text = { top: 0, bottom: 4000, left: 320, right: 960 };
const toolbar = { width: 260, height: 80 };

describe('placeToolbar', () => {
  it('puts the toolbar in the margin beside the first line, on the interface’s inline-end side', () => {
    const rtl = { width: 1280, height: 800, rtl: true };
    expect(toolbarMarginRoom(text, rtl)).toBe(320 - MARGIN_GUTTER - 8);
    const place = placeToolbar({ first: line(300), last: line(338), text, viewport: rtl, toolbar, topLimit: 56, inMargin: true });
    expect(place).toEqual({ top: 300 + 19 - 40, left: 320 - MARGIN_GUTTER - 260, placement: 'margin' });
    const ltr = { ...rtl, rtl: false };
    expect(placeToolbar({ first: line(300), last: line(338), text, viewport: ltr, toolbar, topLimit: 56, inMargin: true }).left).toBe(960 + MARGIN_GUTTER);
  });

  it('has no margin on a phone: docked at the foot, or at the head when the selection is down there', () => {
    const phone = { width: 375, height: 800, rtl: false };
    const column = { top: 0, bottom: 4000, left: 10, right: 340 };
    expect(toolbarMarginRoom(column, phone)).toBe(0);
    const foot = placeToolbar({ first: line(300, 10, 340), last: line(338, 10, 340), text: column, viewport: phone, toolbar, topLimit: 56, inMargin: false });
    expect(foot).toEqual({ top: 800 - 80 - 8, left: (375 - 260) / 2, placement: 'docked-bottom' });
    const head = placeToolbar({ first: line(650, 10, 340), last: line(688, 10, 340), text: column, viewport: phone, toolbar, topLimit: 56, inMargin: false });
    expect(head).toMatchObject({ top: 64, placement: 'docked-top' });
  });

  it('stays inside the window beside a first line near its top', () => {
    const place = placeToolbar({ first: line(40), last: line(78), text, viewport: { width: 1280, height: 800, rtl: true }, toolbar, topLimit: 56, inMargin: true });
    expect(place.top).toBe(64);
  });
});
