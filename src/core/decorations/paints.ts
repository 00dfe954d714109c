import { ANNOTATION_COLORS, type AnnotationColor } from '../annotations/annotation';
import type { MarkDecoration, Segment } from './runs';

/**
 * What is painted without markup: each mark's exact span, which may start or end inside a word
 * (where no element may), painted with the CSS Custom Highlight API. Elements (runs.ts) stand
 * around the whole words for clicks, focus and screen readers, and paint only where that API is
 * missing, or on paper.
 *
 * Inside a name no range is painted: both WebKit and Chromium redraw the text decorations under a
 * painted range in the text's colour, so a name's coloured underline would turn black there. A
 * name's element holds whole words, so the marks' elements inside it paint themselves instead.
 */
export interface Paint {
  /** Which paint (one `::highlight()` each): `highlight-<colour>`, `highlight-others-<colour>`, `shared`, `focus` or `search`. */
  readonly name: PaintName;
  readonly start: number;
  readonly end: number;
  /** The decoration's id (a highlight's annotation id, a passage's id). */
  readonly id: string;
}

export type PaintName = `highlight-${AnnotationColor}` | `highlight-others-${AnnotationColor}` | 'shared' | 'focus' | 'search';

/** Every paint name, e.g. to declare one stylesheet rule each. */
export const PAINT_NAMES: readonly PaintName[] = [
  ...ANNOTATION_COLORS.map((c) => `highlight-${c}` as const),
  ...ANNOTATION_COLORS.map((c) => `highlight-others-${c}` as const),
  'shared',
  'focus',
  'search',
];

const isColour = (value: string | undefined): value is AnnotationColor => (ANNOTATION_COLORS as readonly string[]).includes(value ?? '');

export function paintName(mark: Pick<MarkDecoration, 'kind' | 'variant' | 'owner'>): PaintName {
  if (mark.kind === 'shared' || mark.kind === 'focus') return mark.kind;
  const colour = isColour(mark.variant) ? mark.variant : 'yellow';
  return mark.owner ? `highlight-others-${colour}` : `highlight-${colour}`;
}

/**
 * The paints of a block cut into segments: each mark's exact span outside the names (see above),
 * one paint per stretch between names, in the order of the segments' runs. Only marks that have
 * elements are painted (the cap on highlights over the same words holds for paint too).
 */
export function paintsOf(segments: readonly Segment[]): Paint[] {
  const paints: Paint[] = [];
  for (const segment of segments) {
    if (segment.entity) continue;
    const seen = new Set<MarkDecoration>();
    for (const run of segment.runs) {
      for (const mark of run.marks) {
        if (seen.has(mark)) continue;
        seen.add(mark);
        const start = Math.max(mark.start, segment.start);
        const end = Math.min(mark.end, segment.end);
        if (end > start) paints.push({ name: paintName(mark), start, end, id: mark.id });
      }
    }
  }
  return paints;
}
