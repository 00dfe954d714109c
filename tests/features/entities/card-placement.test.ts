import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/features/entities/card-placement';

const phone = { width: 375, height: 800, rtl: true };
const mentionAt = (top: number, left = 150) => ({ left, right: left + 60, top, bottom: top + 30 });

describe('placeCard', () => {
  it('puts the card under a mention when there is room', () => {
    const style = placeCard(mentionAt(100), phone);
    expect(style.insetBlockStart).toBe(138);
    expect(style.insetBlockEnd).toBeUndefined();
  });

  it('near the bottom, with the names panel open as a bottom sheet, goes above the mention and never over the sheet', () => {
    const sheet = { left: 0, right: 375, top: 320, bottom: 800 };
    const mention = mentionAt(280);
    const style = placeCard(mention, phone, sheet);
    expect(style.insetBlockStart).toBeUndefined();
    expect(style.insetBlockEnd).toBe(800 - 280 + 8);
    // Above the mention: its bottom edge is at the mention's top, far from the sheet.
    expect(800 - (style.insetBlockEnd as number)).toBeLessThanOrEqual(sheet.top);
    // Without the sheet the same mention has room below.
    expect(placeCard(mention, phone).insetBlockStart).toBe(318);
  });

  it('when it stays below, the card is no taller than the room above the sheet', () => {
    const sheet = { left: 0, right: 375, top: 600, bottom: 800 };
    const style = placeCard(mentionAt(60), phone, sheet);
    expect(style.insetBlockStart).toBe(98);
    expect((style.insetBlockStart as number) + (style.maxBlockSize as number)).toBeLessThanOrEqual(sheet.top);
  });

  it('on a wide screen, keeps clear of a side panel', () => {
    const desktop = { width: 1280, height: 800, rtl: true };
    const side = { left: 100, right: 450, top: 72, bottom: 780 };
    const style = placeCard({ left: 460, right: 520, top: 200, bottom: 230 }, desktop, side);
    const left = 1280 - (style.insetInlineStart as number) - (style.inlineSize as number);
    expect(left).toBeGreaterThanOrEqual(side.right);
  });
});
