/**
 * Overlapping decorations (entity mentions, reader highlights, a shared passage) are rendered by
 * cutting a block's text into runs, each run carrying the set of decorations that cover it —
 * instead of nesting markup by hand, which breaks as soon as two ranges overlap.
 *
 * Entity mentions never overlap each other (the tagger guarantees it) and are the outer layer: a
 * mention is rendered as one element, and the other decorations are runs inside it. So the result
 * is two-level: segments (entity or plain) containing runs.
 *
 * Elements only ever start and end between words (an element boundary inside an Arabic word breaks
 * its joining in WebKit): a decoration whose exact span starts or ends inside a word (روسيا in
 * لروسيا, a highlight imported with edges anywhere) gets an element around the whole words, and its
 * exact span is painted without markup (see paints.ts).
 */
import type { EntityType } from '../schema/entity-types';
import { DECORATION_LIMITS } from '../limits';
import { wholeWords } from './words';

export interface EntityDecoration {
  readonly kind: 'entity';
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly type: EntityType;
  readonly mentionIndex: number;
}

export interface MarkDecoration {
  /** `focus`: the passage a note is being written on (its selection is gone while the form is open). */
  readonly kind: 'highlight' | 'shared' | 'focus';
  readonly start: number;
  readonly end: number;
  readonly id: string;
  /** e.g. the highlight colour. */
  readonly variant?: string;
  /** Read to screen readers as the mark's description (an attribute: adds no text to the block). */
  readonly label?: string;
  /** A highlight another group member made: their name (the mark is drawn as someone else's). */
  readonly owner?: string;
}

export type Decoration = EntityDecoration | MarkDecoration;

export interface Run {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /**
   * Decorations whose whole words cover the run, in the order given (later ones paint on top). Each
   * keeps its exact start and end.
   */
  readonly marks: readonly MarkDecoration[];
}

export interface Segment {
  /** Between words, like every element edge. */
  readonly start: number;
  readonly end: number;
  /** The mention this segment's element stands for (its exact span may be narrower), or null for plain text. */
  readonly entity: EntityDecoration | null;
  readonly runs: readonly Run[];
}

function clampRange<T extends { start: number; end: number }>(d: T, length: number): T | null {
  const start = Math.max(0, Math.min(d.start, length));
  const end = Math.max(0, Math.min(d.end, length));
  return end > start ? { ...d, start, end } : null;
}

/** The run's decorations with only the topmost DECORATION_LIMITS.highlightsPerRun highlights (other kinds all kept). */
function capHighlights(marks: MarkDecoration[]): MarkDecoration[] {
  const highlights = marks.reduce((n, m) => (m.kind === 'highlight' ? n + 1 : n), 0);
  if (highlights <= DECORATION_LIMITS.highlightsPerRun) return marks;
  const hidden = new Set(marks.filter((m) => m.kind === 'highlight').slice(0, highlights - DECORATION_LIMITS.highlightsPerRun));
  return marks.filter((m) => !hidden.has(m));
}

/** A mark with the span its elements cover: its exact span widened to whole words. */
interface PlacedMark {
  readonly mark: MarkDecoration;
  readonly start: number;
  readonly end: number;
}

function cutRuns(text: string, from: number, to: number, marks: readonly PlacedMark[]): Run[] {
  const inside = marks.filter((m) => m.start < to && m.end > from);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    if (m.start > from) cuts.add(m.start);
    if (m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = inside.filter((m) => m.start <= start && m.end >= end).map((m) => m.mark);
    runs.push({ start, end, text: text.slice(start, end), marks: capHighlights(covering) });
  }
  return runs;
}

export function segmentText(text: string, decorations: readonly Decoration[]): Segment[] {
  const entities: Array<{ entity: EntityDecoration; start: number; end: number }> = [];
  const marks: PlacedMark[] = [];
  for (const d of decorations) {
    const clamped = clampRange(d, text.length);
    if (!clamped) continue;
    const { start, end } = wholeWords(text, clamped);
    if (clamped.kind === 'entity') entities.push({ entity: clamped, start, end });
    else marks.push({ mark: clamped, start, end });
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);

  const segments: Segment[] = [];
  let cursor = 0;
  for (const { entity, start, end } of entities) {
    // Defensive: mentions whose words overlap (the tagger never gives two in one word) keep the first.
    if (start < cursor) continue;
    if (start > cursor) segments.push({ start: cursor, end: start, entity: null, runs: cutRuns(text, cursor, start, marks) });
    segments.push({ start, end, entity, runs: cutRuns(text, start, end, marks) });
    cursor = end;
  }
  if (cursor < text.length || segments.length === 0) {
    segments.push({ start: cursor, end: text.length, entity: null, runs: cutRuns(text, cursor, text.length, marks) });
  }
  return segments;
}
