import { blockSpans, type Article, type BlockSpan } from '../article/article';
import type { MarkDecoration } from '../decorations/runs';
import { anchor, isOrphan, type AnchorMethod } from './anchoring';
import { selectorsOf, type Annotation } from './annotation';

/**
 * One article's annotations anchored against its current text: the reader's highlights (as
 * per-block decorations) and the orphans that could not be placed with confidence.
 */

export interface AnchoredAnnotation {
  readonly annotation: Annotation;
  readonly start: number;
  readonly end: number;
  readonly method: AnchorMethod;
}

export interface AnchoredSet {
  /** In reading order of where they are now. */
  readonly anchored: readonly AnchoredAnnotation[];
  readonly orphans: readonly Annotation[];
  readonly decorations: ReadonlyMap<string, readonly MarkDecoration[]>;
}

/** One annotation placed in the article's current text, or null for an orphan. */
export function anchorOne(article: Pick<Article, 'blocks'>, annotation: Annotation): AnchoredAnnotation | null {
  const result = anchor(article, selectorsOf(annotation));
  return isOrphan(result) ? null : { annotation, start: result.start, end: result.end, method: result.method };
}

const readingOrder = (a: AnchoredAnnotation, b: AnchoredAnnotation) =>
  a.start - b.start || a.end - b.end || a.annotation.created.localeCompare(b.annotation.created);

export function anchorAll(article: Pick<Article, 'blocks'>, annotations: readonly Annotation[]): AnchoredSet {
  const anchored: AnchoredAnnotation[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const placed = anchorOne(article, annotation);
    if (placed) anchored.push(placed);
    else orphans.push(annotation);
  }
  anchored.sort(readingOrder);
  return { anchored, orphans, decorations: highlightDecorations(article, anchored) };
}

/** Cut each anchored range at block boundaries into per-block highlight decorations (block-relative offsets). */
export function highlightDecorations(article: Pick<Article, 'blocks'>, anchored: readonly AnchoredAnnotation[]): Map<string, MarkDecoration[]> {
  const spans = blockSpans(article);
  const out = new Map<string, MarkDecoration[]>();
  for (const { annotation, start, end } of anchored) {
    for (const span of spans) {
      if (span.end <= start) continue;
      if (span.start >= end) break;
      const from = Math.max(start, span.start) - span.start;
      const to = Math.min(end, span.end) - span.start;
      if (to <= from) continue;
      const list = out.get(span.block.id) ?? [];
      list.push({ kind: 'highlight', start: from, end: to, id: annotation.id, variant: annotation.color });
      out.set(span.block.id, list);
    }
  }
  return out;
}

/** An annotation's identity for reuse: an edit changes `modified`, so it is anchored again. */
const resultKey = (annotation: Annotation) => `${annotation.id}\u0000${annotation.modified}`;

/** The index of the span holding `offset` (or the first after it), by binary search. */
function spanIndexAt(spans: readonly BlockSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as BlockSpan).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Anchoring in the order a reader needs it: the highlights of the blocks around what is on screen
 * first, then outwards, a slice at a time. Each annotation is bucketed by the block its stored
 * position selector names (free to read), so choosing the next one never anchors anything; those
 * whose block is gone come last. Pure: the caller decides when to run a slice and what is on screen.
 */
export class ProgressiveAnchoring {
  private readonly spans: readonly BlockSpan[];
  private readonly spanById = new Map<string, BlockSpan>();
  private readonly buckets: Annotation[][];
  private readonly unplaced: Annotation[] = [];
  private remainingCount: number;
  private readonly placed = new Map<string, AnchoredAnnotation[]>();
  private readonly orphaned: Annotation[] = [];

  constructor(
    private readonly article: Pick<Article, 'blocks'>,
    annotations: readonly Annotation[],
    /** Results from an earlier run on the same article (see results()): reused, not anchored again. */
    private readonly known: ReadonlyMap<string, Pick<AnchoredAnnotation, 'start' | 'end' | 'method'> | null> = new Map(),
  ) {
    this.spans = blockSpans(article);
    for (const span of this.spans) if (!this.spanById.has(span.block.id)) this.spanById.set(span.block.id, span);
    const index = new Map(article.blocks.map((b, i) => [b.id, i]));
    this.buckets = article.blocks.map(() => []);
    for (const annotation of annotations) {
      const i = index.get(annotation.target.blockId);
      if (i === undefined) this.unplaced.push(annotation);
      else (this.buckets[i] as Annotation[]).push(annotation);
    }
    this.remainingCount = annotations.length;
    this.newCount = annotations.reduce((n, a) => (known.has(resultKey(a)) ? n : n + 1), 0);
  }

  /** Annotations the earlier run did not know (an edit makes one or two; an import thousands). */
  readonly newCount: number;

  get remaining(): number {
    return this.remainingCount;
  }

  /** The nearest bucket to the blocks `first`..`last` that still holds work (below first), or -1. */
  private nearestBucket(first: number, last: number): number {
    const n = this.buckets.length;
    const top = Math.max(0, Math.min(n - 1, first));
    const bottom = Math.max(top, Math.min(n - 1, last));
    for (let i = top; i <= bottom; i++) if ((this.buckets[i] as Annotation[]).length > 0) return i;
    for (let d = 1; bottom + d < n || top - d >= 0; d++) {
      const below = bottom + d;
      const above = top - d;
      if (below < n && (this.buckets[below] as Annotation[]).length > 0) return below;
      if (above >= 0 && (this.buckets[above] as Annotation[]).length > 0) return above;
    }
    return -1;
  }

  private place(annotation: Annotation): void {
    this.remainingCount -= 1;
    const key = resultKey(annotation);
    const known = this.known.get(key);
    const placed = known === undefined ? anchorOne(this.article, annotation) : known && { annotation, ...known };
    if (!placed) {
      this.orphaned.push(annotation);
      return;
    }
    this.record(placed);
  }

  private record(placed: AnchoredAnnotation): void {
    for (let i = spanIndexAt(this.spans, placed.start); i < this.spans.length; i++) {
      const span = this.spans[i] as BlockSpan;
      if (span.start >= placed.end) break;
      if (Math.min(placed.end, span.end) <= Math.max(placed.start, span.start)) continue;
      const list = this.placed.get(span.block.id) ?? [];
      list.push(placed);
      this.placed.set(span.block.id, list);
    }
  }

  /**
   * Anchors every annotation stored in blocks `first`..`last` (what is on screen), then goes on
   * outwards from `first` until `deadline()` says the slice is over. Returns the ids of the blocks
   * whose highlights changed.
   */
  step(first: number, last: number, deadline: () => boolean): Set<string> {
    const before = new Set(this.placed.keys());
    const sizes = new Map([...this.placed].map(([id, list]) => [id, list.length]));
    for (let i = Math.max(0, first); i <= Math.min(last, this.buckets.length - 1); i++) {
      for (const annotation of (this.buckets[i] as Annotation[]).splice(0)) this.place(annotation);
    }
    while (this.remainingCount > 0 && !deadline()) {
      const bucket = this.nearestBucket(first, last);
      const next = bucket >= 0 ? (this.buckets[bucket] as Annotation[]).pop() : this.unplaced.pop();
      if (!next) break;
      this.place(next);
    }
    const changed = new Set<string>();
    for (const [id, list] of this.placed) if (!before.has(id) || sizes.get(id) !== list.length) changed.add(id);
    return changed;
  }

  /** The highlights of one block so far, in reading order, in block-relative offsets. */
  blockDecorations(blockId: string): MarkDecoration[] {
    const span = this.spanById.get(blockId);
    const list = [...(this.placed.get(blockId) ?? [])].sort(readingOrder);
    if (!span) return [];
    return list.map(({ annotation, start, end }) => ({
      kind: 'highlight',
      start: Math.max(start, span.start) - span.start,
      end: Math.min(end, span.end) - span.start,
      id: annotation.id,
      variant: annotation.color,
    }));
  }

  /** Every result so far, for reuse by the next run on the same article (keyed by id and revision). */
  results(): Map<string, Pick<AnchoredAnnotation, 'start' | 'end' | 'method'> | null> {
    const out = new Map<string, Pick<AnchoredAnnotation, 'start' | 'end' | 'method'> | null>();
    for (const list of this.placed.values()) for (const { annotation, start, end, method } of list) out.set(resultKey(annotation), { start, end, method });
    for (const a of this.orphaned) out.set(resultKey(a), null);
    return out;
  }
}
