// The reader's view of an article's entities: mentions anchored by block id, grouped into entities
// (most mentioned first), counted per type, and turned into decorations for the reader. Pure data.
import type { Block } from '../article/article';
import type { EntityDecoration } from '../decorations/runs';
import type { EntityMention, TagResult } from './entities.ts';
import { emptyTypeCounts, ENTITY_TYPES, type EntityType } from './entity-types.ts';
import { normaliseArabic } from 'arabic-ner';

export interface ReaderMention {
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly text: string;
  /** Grouping key (the entity id in the DOM). */
  readonly key: string;
  readonly source: EntityMention['source'];
  /** The tagger's confidence in the span, 0–1 (absent for a reader's correction: certain). */
  readonly confidence?: number;
  /** The reader's correction that produced or changed this mention. */
  readonly correctionId?: string;
}

export interface ReaderEntity {
  readonly key: string;
  readonly type: EntityType;
  readonly name: string;
  /** In reading order. */
  readonly mentions: readonly ReaderMention[];
  /** True when at least one mention comes from the reader (a correction or a personal list). */
  readonly fromReader: boolean;
}

export interface ReaderEntities {
  readonly mentions: readonly ReaderMention[];
  /** Most mentioned first, then by name. */
  readonly entities: readonly ReaderEntity[];
  readonly byKey: ReadonlyMap<string, ReaderEntity>;
  /** Mentions per type. */
  readonly mentionCounts: Readonly<Record<EntityType, number>>;
  readonly decorations: ReadonlyMap<string, readonly EntityDecoration[]>;
}

/** Tagger output (mentions indexed by block position) → mentions anchored by block id. */
export function mentionsFromTagResult(blocks: readonly Block[], result: TagResult): ReaderMention[] {
  const out: ReaderMention[] = [];
  for (const m of result.mentions) {
    const block = blocks[m.block];
    if (!block || m.end <= m.start || block.text.slice(m.start, m.end) !== m.text) continue;
    out.push({ blockId: block.id, start: m.start, end: m.end, type: m.type, text: m.text, key: m.key, source: m.source, confidence: m.confidence });
  }
  return out;
}

/**
 * A model mention at least this probable is "confident": on ANERcorp dev, the spans above it are
 * right about nine times in ten (docs/ner.md, Confidence).
 */
export const CONFIDENT_NAME = 0.8;

/** Whether a mention stays when the reader shows only confident names. */
export function isConfidentMention(m: ReaderMention): boolean {
  return m.source !== 'model' || (m.confidence ?? 1) >= CONFIDENT_NAME;
}

const ARTICLE_MIN = 4;

/** Normalised word forms without the conjunctions/prepositions و ف ب ل ك, لل and the article ال. */
export function nameWords(text: string): string[] {
  return normaliseArabic(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => {
      let s = w;
      if (/^[وف]/.test(s) && s.length > 3) s = s.slice(1);
      if (s.startsWith('لل') && s.length > ARTICLE_MIN) return s.slice(2);
      if (/^[بلك]ال/.test(s) && s.length > ARTICLE_MIN) s = s.slice(1);
      if (s.startsWith('ال') && s.length > ARTICLE_MIN - 1) s = s.slice(2);
      return s;
    });
}

/** The grouping key the reader gives a name it typed itself. */
export function readerKey(type: EntityType, text: string): string {
  return `${type}:${nameWords(text).join(' ')}`;
}

function compareMentions(order: ReadonlyMap<string, number>) {
  return (a: ReaderMention, b: ReaderMention): number =>
    (order.get(a.blockId) ?? 0) - (order.get(b.blockId) ?? 0) || a.start - b.start;
}

/** Groups mentions by key, orders them and builds the per-block decorations. */
export function buildReaderEntities(blocks: readonly Block[], mentions: readonly ReaderMention[]): ReaderEntities {
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const sorted = mentions.filter((m) => order.has(m.blockId)).sort(compareMentions(order));
  const groups = new Map<string, ReaderMention[]>();
  for (const m of sorted) {
    const list = groups.get(m.key);
    if (list) list.push(m);
    else groups.set(m.key, [m]);
  }
  const mentionCounts = emptyTypeCounts();
  const entities: ReaderEntity[] = [];
  const decorations = new Map<string, EntityDecoration[]>();
  for (const [key, list] of groups) {
    const first = list[0] as ReaderMention;
    // The longest form names the entity; among equals the most frequent.
    const freq = new Map<string, number>();
    let name = first.text;
    for (const m of list) {
      const c = (freq.get(m.text) ?? 0) + 1;
      freq.set(m.text, c);
      if (m.text.length > name.length || (m.text.length === name.length && c > (freq.get(name) ?? 0))) name = m.text;
    }
    entities.push({ key, type: first.type, name, mentions: list, fromReader: list.some((m) => m.source === 'reader') });
    mentionCounts[first.type] += list.length;
    list.forEach((m, mentionIndex) => {
      const decoration: EntityDecoration = { kind: 'entity', start: m.start, end: m.end, id: key, type: first.type, mentionIndex };
      const perBlock = decorations.get(m.blockId);
      if (perBlock) perBlock.push(decoration);
      else decorations.set(m.blockId, [decoration]);
    });
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name, 'ar'));
  return { mentions: sorted, entities, byKey: new Map(entities.map((e) => [e.key, e])), mentionCounts, decorations };
}

/** Entities per type, in the legend's order, keeping the most-mentioned-first order inside each. */
export function groupByType(entities: readonly ReaderEntity[]): Array<{ type: EntityType; entities: ReaderEntity[] }> {
  return ENTITY_TYPES.map((type) => ({ type, entities: entities.filter((e) => e.type === type) })).filter((g) => g.entities.length > 0);
}

/** A Wikipedia search for the name (Arabic Wikipedia by default). */
export function wikipediaSearchUrl(name: string, lang = 'ar'): string {
  return `https://${lang}.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}
