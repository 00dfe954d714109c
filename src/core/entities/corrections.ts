// The reader's corrections to the tagger: per article (anchored by block id + offsets + text) and,
// for corrections applied "in every article", personal lists of names and non-names that the
// tagger respects everywhere. Pure TypeScript; stored through the storage adapter.
import * as v from 'valibot';
import type { Block } from '../article/article';
import { storageKeys } from '../storage/keys';
import type { Store, StoredValue, WriteResult } from '../storage/storage';
import type { EntityType, TagOptions } from './entities.ts';
import { ENTITY_TYPES, nameWords, readerKey, type ReaderMention } from './reader-entities.ts';

export type CorrectionKind = 'add' | 'retype' | 'remove';
export type CorrectionScope = 'article' | 'everywhere';

export interface Correction {
  readonly id: string;
  readonly kind: CorrectionKind;
  readonly blockId: string;
  readonly start: number;
  readonly end: number;
  /** The text at [start, end) when the correction was made: re-checked on load. */
  readonly text: string;
  /** For 'add' and 'retype'. */
  readonly type?: EntityType;
  readonly scope: CorrectionScope;
  /** Epoch milliseconds. */
  readonly created: number;
}

export interface PersonalLists {
  readonly names: ReadonlyArray<{ readonly text: string; readonly type: EntityType }>;
  readonly nonNames: readonly string[];
}

const typeSchema = v.picklist(ENTITY_TYPES as [EntityType, ...EntityType[]]);
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const correctionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    kind: v.picklist(['add', 'retype', 'remove']),
    blockId: v.pipe(v.string(), v.minLength(1)),
    start: offset,
    end: offset,
    text: v.pipe(v.string(), v.minLength(1)),
    type: v.optional(typeSchema),
    scope: v.picklist(['article', 'everywhere']),
    created: v.number(),
  }),
  v.check((c) => c.end > c.start && (c.kind === 'remove' || c.type !== undefined)),
);

export const correctionsSpec = (articleId: string): StoredValue<Correction[]> => ({
  key: `${storageKeys.entityCorrectionsPrefix}${articleId}`,
  version: 1,
  schema: v.array(correctionSchema),
  fallback: () => [],
});

export const personalListsSpec: StoredValue<PersonalLists> = {
  key: storageKeys.entityLists,
  version: 1,
  schema: v.object({
    names: v.array(v.object({ text: v.pipe(v.string(), v.minLength(1)), type: typeSchema })),
    nonNames: v.array(v.pipe(v.string(), v.minLength(1))),
  }),
  fallback: () => ({ names: [], nonNames: [] }),
};

export function readCorrections(store: Store, articleId: string): Correction[] {
  return store.read(correctionsSpec(articleId));
}

export function readPersonalLists(store: Store): PersonalLists {
  return store.read(personalListsSpec);
}

const sameName = (a: string, b: string): boolean => nameWords(a).join(' ') === nameWords(b).join(' ');

/** The lists after adding (or, with `remove`, taking back) an "in every article" correction. */
export function listsWith(lists: PersonalLists, c: Correction, remove = false): PersonalLists {
  const names = lists.names.filter((n) => !sameName(n.text, c.text));
  const nonNames = lists.nonNames.filter((n) => !sameName(n, c.text));
  if (remove) return { names, nonNames };
  if (c.kind === 'remove') return { names, nonNames: [...nonNames, c.text] };
  return { names: [...names, { text: c.text, type: c.type as EntityType }], nonNames };
}

export function newCorrectionId(now: number, random: () => number = Math.random): string {
  return `c${now.toString(36)}${Math.floor(random() * 36 ** 4).toString(36)}`;
}

/** Saves a correction for the article (replacing earlier ones on the same span), and the lists if it applies everywhere. */
export function saveCorrection(store: Store, articleId: string, c: Correction): WriteResult {
  const spec = correctionsSpec(articleId);
  const kept = readCorrections(store, articleId).filter((o) => !(o.blockId === c.blockId && o.start < c.end && c.start < o.end));
  const result = store.write(spec, [...kept, c]);
  if (!result.ok || c.scope !== 'everywhere') return result;
  return store.write(personalListsSpec, listsWith(readPersonalLists(store), c));
}

/** Removes a correction; one applied everywhere also leaves the personal lists. */
export function deleteCorrection(store: Store, articleId: string, id: string): WriteResult {
  const all = readCorrections(store, articleId);
  const gone = all.find((c) => c.id === id);
  const result = store.write(correctionsSpec(articleId), all.filter((c) => c.id !== id));
  if (!result.ok || !gone || gone.scope !== 'everywhere') return result;
  return store.write(personalListsSpec, listsWith(readPersonalLists(store), gone, true));
}

/** The personal lists as the tagger's options. */
export function toTagOptions(lists: PersonalLists): TagOptions {
  return { names: lists.names.map((n) => ({ text: n.text, type: n.type })), nonNames: [...lists.nonNames] };
}

/** Corrections whose text still matches the article (others are ignored, never misapplied). */
export function validCorrections(blocks: readonly Block[], corrections: readonly Correction[]): Correction[] {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  return corrections.filter((c) => byId.get(c.blockId)?.text.slice(c.start, c.end) === c.text);
}

/**
 * Applies the reader's corrections to the tagger's mentions (anchored by block id): removals drop the
 * mentions they cover, retypes change the type of the mentions they cover, additions replace whatever
 * they overlap. Changed mentions are regrouped: they join an entity of the same type and name when
 * there is one, else form their own. Every changed mention has source 'reader'.
 */
export function applyCorrections(blocks: readonly Block[], mentions: readonly ReaderMention[], corrections: readonly Correction[]): ReaderMention[] {
  const valid = validCorrections(blocks, corrections).sort((a, b) => a.created - b.created);
  if (valid.length === 0) return [...mentions];
  let out = [...mentions];
  const overlaps = (m: ReaderMention, c: Correction): boolean => m.blockId === c.blockId && m.start < c.end && c.start < m.end;
  for (const c of valid) {
    if (c.kind === 'remove') out = out.filter((m) => !overlaps(m, c));
    else if (c.kind === 'retype') {
      out = out.map((m) => (overlaps(m, c) ? { ...m, type: c.type as EntityType, key: '', source: 'reader', correctionId: c.id } : m));
    } else {
      out = out.filter((m) => !overlaps(m, c));
      out.push({ blockId: c.blockId, start: c.start, end: c.end, text: c.text, type: c.type as EntityType, key: '', source: 'reader', correctionId: c.id });
    }
  }
  // Regroup the changed mentions under an existing entity's key of the same type and name.
  const keyByName = new Map<string, string>();
  for (const m of out) if (m.key) keyByName.set(`${m.type}:${nameWords(m.text).join(' ')}`, m.key);
  return out.map((m) => {
    if (m.key) return m;
    const name = readerKey(m.type, m.text);
    return { ...m, key: keyByName.get(name) ?? name };
  });
}
