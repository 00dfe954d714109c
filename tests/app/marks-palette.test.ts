import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_COLORS } from '../../src/core/schema/annotation';
import { ENTITY_TYPES, entityLineVariable } from '../../src/core/entities/entity-types';
import { contrastRatio, oklabDistance, parseHex, simulate, VISIONS, type Rgb } from '../helpers/colour';

// The palette is read from the CSS that ships, so the test checks what readers see.
const THEMES = ['light', 'sepia', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const HIGHLIGHTS = ANNOTATION_COLORS;

/** Custom properties per theme from a stylesheet: `:root` (light-dark pairs) and the sepia block. */
function themeVariables(css: string): Record<Theme, Map<string, string>> {
  const out = { light: new Map<string, string>(), sepia: new Map<string, string>(), dark: new Map<string, string>() };
  const blocks = [...css.matchAll(/:root(\[data-theme='sepia'\])?\s*\{([^}]*)\}/g)];
  for (const [, sepia, body] of blocks) {
    for (const [, name, value] of (body ?? '').matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
      const pair = /^light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)$/i.exec((value ?? '').trim());
      if (sepia) out.sepia.set(name as string, (value ?? '').trim());
      else if (pair) {
        out.light.set(name as string, pair[1] as string);
        out.dark.set(name as string, pair[2] as string);
        if (!out.sepia.has(name as string)) out.sepia.set(name as string, pair[1] as string);
      }
    }
  }
  return out;
}

const palette = themeVariables(readFileSync('src/app/marks-palette.css', 'utf8'));
const base = themeVariables(readFileSync('src/app/styles.css', 'utf8'));
const colour = (theme: Theme, name: string): Rgb => {
  const value = palette[theme].get(name) ?? base[theme].get(name);
  if (!value) throw new Error(`${name} is not defined for ${theme}`);
  return parseHex(value);
};

/** WCAG 2.1 SC 1.4.11: graphical objects needed to understand content. */
const NON_TEXT_CONTRAST = 3;
/**
 * OKLab distances: about 0.02 is a just-noticeable difference between large patches; these are
 * thin lines and fills next to each other, so the bar is several times that.
 */
const FILL_FROM_ENTITY = 0.25;
const EDGE_FROM_ENTITY = 0.09;

describe.each(THEMES)('marks and highlights in the %s theme', (theme) => {
  const bg = colour(theme, '--bg');

  it('every entity underline meets 3:1 against the background and against every highlight fill', () => {
    for (const type of ENTITY_TYPES) {
      const line = colour(theme, entityLineVariable(type));
      expect(contrastRatio(line, bg), `${type} on the background`).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
      for (const hl of HIGHLIGHTS) expect(contrastRatio(line, colour(theme, `--hl-${hl}`)), `${type} on ${hl}`).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
    }
  });

  it('every highlight has an edge meeting 3:1 against the background and its fill, and text stays readable on it', () => {
    const edge = colour(theme, '--hl-edge');
    expect(contrastRatio(edge, bg)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
    for (const hl of HIGHLIGHTS) {
      const fill = colour(theme, `--hl-${hl}`);
      expect(contrastRatio(edge, fill), `edge on ${hl}`).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
      expect(contrastRatio(colour(theme, '--text'), fill), `text on ${hl}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(VISIONS)('no highlight colour is close to an entity colour (%s)', (vision) => {
    const seen = (rgb: Rgb) => simulate(rgb, vision);
    for (const type of ENTITY_TYPES) {
      const line = seen(colour(theme, entityLineVariable(type)));
      for (const hl of HIGHLIGHTS) expect(oklabDistance(seen(colour(theme, `--hl-${hl}`)), line), `${hl} vs ${type}`).toBeGreaterThanOrEqual(FILL_FROM_ENTITY);
      expect(oklabDistance(seen(colour(theme, '--hl-edge')), line), `edge vs ${type}`).toBeGreaterThanOrEqual(EDGE_FROM_ENTITY);
    }
  });
});

describe('the colour arithmetic', () => {
  it('matches known values', () => {
    expect(contrastRatio(parseHex('#000000'), parseHex('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#767676'), parseHex('#ffffff'))).toBeCloseTo(4.54, 2);
    // Red and green, far apart with normal vision, collapse for a deuteranope.
    const [red, green] = [parseHex('#d62728'), parseHex('#2ca02c')];
    expect(oklabDistance(red, green)).toBeGreaterThan(0.3);
    expect(oklabDistance(simulate(red, 'deuteranopia'), simulate(green, 'deuteranopia'))).toBeLessThan(oklabDistance(red, green) / 2);
  });

  it('reads every variable the components use', () => {
    for (const theme of THEMES) {
      for (const type of ENTITY_TYPES) expect(palette[theme].has(entityLineVariable(type))).toBe(true);
      for (const hl of HIGHLIGHTS) expect(palette[theme].has(`--hl-${hl}`)).toBe(true);
    }
  });
});
