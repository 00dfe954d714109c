import { PNG } from 'pngjs';
import type { Box } from './probe';

/** A decoded viewport screenshot. */
export type Shot = PNG;

export const decode = (png: Buffer): Shot => PNG.sync.read(png);

/** The whole-pixel area a box touches, one pixel wider on each side (ink runs past a word's advance). */
function pixelArea(box: Box): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: Math.floor(box.x) - 1, y0: Math.floor(box.y), x1: Math.ceil(box.x + box.width) + 1, y1: Math.ceil(box.y + box.height) };
}

function pixel(shot: Shot, x: number, y: number): [number, number, number] {
  if (x < 0 || y < 0 || x >= shot.width || y >= shot.height) return [-1, -1, -1];
  const i = (y * shot.width + x) * 4;
  return [shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!];
}

/**
 * Pixels that differ (by more than `tolerance` in a channel) between a word in one screenshot and
 * the same word in another, the second aligned on the first by the whole-pixel offset between them.
 */
export function differingPixels(a: Shot, boxA: Box, b: Shot, boxB: Box, tolerance = 8): number {
  const { x0, y0, x1, y1 } = pixelArea(boxA);
  const dx = Math.round(boxB.x - boxA.x);
  const dy = Math.round(boxB.y - boxA.y);
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const p = pixel(a, x, y);
      const q = pixel(b, x + dx, y + dy);
      if (Math.abs(p[0] - q[0]) > tolerance || Math.abs(p[1] - q[1]) > tolerance || Math.abs(p[2] - q[2]) > tolerance) count += 1;
    }
  }
  return count;
}

/**
 * Glyph pixels that differ between a word and the same word elsewhere: the grey levels of both,
 * each averaged over three pixels across (a glyph placed a fraction of a pixel apart, as Chromium
 * places the text after an element edge, moves ink between neighbouring pixels; that is not a
 * different drawing), differing by more than `tolerance`, the second aligned on the first to the
 * whole pixel that matches best (WebKit snaps a range's rectangle to whole pixels when the range is
 * part of a text box, and not when it is a whole one). A glyph form that changed or a word drawn
 * at another height leaves hundreds of pixels far beyond it.
 */
export function glyphDifferences(a: Shot, boxA: Box, b: Shot, boxB: Box, tolerance = 40): number {
  const near = Math.round(boxB.x - boxA.x);
  return Math.min(...[near - 1, near, near + 1].map((dx) => glyphDifferencesAt(a, boxA, b, dx, Math.round(boxB.y - boxA.y), tolerance)));
}

function glyphDifferencesAt(a: Shot, boxA: Box, b: Shot, dx: number, dy: number, tolerance: number): number {
  const { x0, y0, x1, y1 } = pixelArea(boxA);
  const grey = (shot: Shot, x: number, y: number) => {
    const [r, g, bl] = pixel(shot, x, y);
    return 0.299 * r + 0.587 * g + 0.114 * bl;
  };
  const across = (shot: Shot, x: number, y: number) => (grey(shot, x - 1, y) + grey(shot, x, y) + grey(shot, x + 1, y)) / 3;
  let count = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      if (Math.abs(across(a, x, y) - across(b, x + dx, y + dy)) > tolerance) count += 1;
    }
  }
  return count;
}

/** Share of the box's pixels within `tolerance` of a colour. */
export function colourShare(shot: Shot, box: Box, colour: readonly [number, number, number], tolerance = 6): number {
  const { x0, y0, x1, y1 } = pixelArea(box);
  let hits = 0;
  let all = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const p = pixel(shot, x, y);
      all += 1;
      if (p.every((c, i) => Math.abs(c - colour[i]!) <= tolerance)) hits += 1;
    }
  }
  return all === 0 ? 0 : hits / all;
}

/**
 * Whether two boxes are as wide within half a pixel, measured as given or as the whole pixels they
 * touch (WebKit gives the second for part of a text box and the first for a whole one).
 */
export function sameWidth(a: Box, b: Box): boolean {
  const touched = (box: Box) => Math.ceil(box.x + box.width) - Math.floor(box.x);
  return Math.abs(a.width - b.width) <= 0.5 || touched(a) === touched(b);
}

/** Share of a box's whole-pixel area that differs between two screenshots of the same layout. */
export function changedShare(a: Shot, b: Shot, box: Box, tolerance = 24): number {
  const { x0, y0, x1, y1 } = pixelArea(box);
  return differingPixels(a, box, b, box, tolerance) / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** The box grown by `below` pixels downwards (an underline can sit under the text's box). */
export const withBelow = (box: Box, below: number): Box => ({ ...box, height: box.height + below });
