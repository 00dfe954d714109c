/**
 * Overlapping decorations (entity mentions, reader highlights, a shared passage, search hits) are
 * rendered by cutting a block's text into runs, each run carrying the set of decorations that cover
 * it — instead of nesting markup by hand, which breaks as soon as two ranges overlap.
 *
 * Entity mentions never overlap each other (the tagger guarantees it) and are the outer layer: a
 * mention is rendered as one element whose text is the visible span, and the other decorations are
 * runs inside it. So the result is two-level: segments (entity or plain) containing runs.
 */
import type { EntityType } from '../schema/entity-types';
import { DECORATION_LIMITS } from '../limits';

export interface EntityDecoration {
  readonly kind: 'entity';
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly type: EntityType;
  readonly mentionIndex: number;
}

export interface MarkDecoration {
  readonly kind: 'highlight' | 'shared' | 'search' | 'focus';
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
  /** Decorations covering the run, in the order given (later ones paint on top). */
  readonly marks: readonly MarkDecoration[];
}

export interface Segment {
  readonly start: number;
  readonly end: number;
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

function cutRuns(text: string, from: number, to: number, marks: readonly MarkDecoration[]): Run[] {
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
    runs.push({ start, end, text: text.slice(start, end), marks: capHighlights(inside.filter((m) => m.start <= start && m.end >= end)) });
  }
  return runs;
}

export function segmentText(text: string, decorations: readonly Decoration[]): Segment[] {
  const entities: EntityDecoration[] = [];
  const marks: MarkDecoration[] = [];
  for (const d of decorations) {
    const clamped = clampRange(d, text.length);
    if (!clamped) continue;
    if (clamped.kind === 'entity') entities.push(clamped);
    else marks.push(clamped);
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);

  const segments: Segment[] = [];
  let cursor = 0;
  for (const entity of entities) {
    if (entity.start < cursor) continue; // defensive: overlapping mentions keep the first
    if (entity.start > cursor) segments.push({ start: cursor, end: entity.start, entity: null, runs: cutRuns(text, cursor, entity.start, marks) });
    segments.push({ start: entity.start, end: entity.end, entity, runs: cutRuns(text, entity.start, entity.end, marks) });
    cursor = entity.end;
  }
  if (cursor < text.length || segments.length === 0) {
    segments.push({ start: cursor, end: text.length, entity: null, runs: cutRuns(text, cursor, text.length, marks) });
  }
  return segments;
}
