import { ANNOTATION_LIMITS } from '../limits';
import type { Annotation, AnnotationColor } from '../schema/annotation';
import { normaliseTags } from '../schema/tags';
import type { Selectors } from './anchoring';

/**
 * Making and changing annotations. What an annotation is (its type and schema) lives in the schema
 * leaf (core/schema/annotation.ts), shared with storage, exports and the sync server.
 */
export { ANNOTATION_COLORS, type Annotation, type AnnotationColor, type AnnotationTarget } from '../schema/annotation';

/** The limits an annotation must respect (shared with every importer: core/limits). */
export const LIMITS = ANNOTATION_LIMITS;

/** crypto.randomUUID where available (secure contexts); otherwise a v4-shaped id from getRandomValues/Math.random. */
export function newAnnotationId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Split what a reader typed ("#economy, oil  prices") into tags. */
export function parseTagInput(input: string): string[] {
  return normaliseTags(input.split(/[,،#\n]/u));
}

export interface NewAnnotation {
  readonly articleId: string;
  readonly selectors: Selectors;
  readonly color?: AnnotationColor;
  readonly note?: string;
  readonly tags?: readonly string[];
  readonly id?: string;
  readonly now?: Date;
}

export function createAnnotation(input: NewAnnotation): Annotation {
  const now = (input.now ?? new Date()).toISOString();
  return {
    id: input.id ?? newAnnotationId(),
    articleId: input.articleId,
    target: { blockId: input.selectors.blockId, selectors: [input.selectors.quote, input.selectors.position] },
    color: input.color ?? 'yellow',
    note: input.note ?? '',
    tags: normaliseTags(input.tags ?? []),
    created: now,
    modified: now,
  };
}

export interface AnnotationChanges {
  readonly color?: AnnotationColor;
  readonly note?: string;
  readonly tags?: readonly string[];
  /** New selectors, e.g. after re-anchoring to moved text. */
  readonly selectors?: Selectors;
}

export function editAnnotation(annotation: Annotation, changes: AnnotationChanges, now: Date = new Date()): Annotation {
  // Keep modified strictly increasing so "newer wins" merges never tie on a fast double edit.
  const stamp = Math.max(now.getTime(), Date.parse(annotation.modified) + 1);
  return {
    ...annotation,
    ...(changes.color ? { color: changes.color } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
    ...(changes.tags ? { tags: normaliseTags(changes.tags) } : {}),
    ...(changes.selectors
      ? { target: { blockId: changes.selectors.blockId, selectors: [changes.selectors.quote, changes.selectors.position] as const } }
      : {}),
    modified: new Date(stamp).toISOString(),
  };
}

/** The selectors `anchor` needs. */
export function selectorsOf(annotation: Annotation): Selectors {
  const [quote, position] = annotation.target.selectors;
  return { blockId: annotation.target.blockId, quote, position };
}

export function quoteOf(annotation: Annotation): string {
  return annotation.target.selectors[0].exact;
}
