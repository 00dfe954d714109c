// The reader's corrections to the tagger, applied to its mentions: corrections anchored by block id
// + offsets + text (ignored, never misapplied, when the text changed) and personal lists of names and
// non-names for corrections made "in every article". Pure; stored by correction-store.ts.
import type { Block } from '../article/article';
import type { Correction, PersonalLists } from '../schema/correction';
import type { TagOptions } from './entities.ts';
import type { EntityType } from './entity-types.ts';
import { nameWords, readerKey, type ReaderMention } from './reader-entities.ts';

export type { Correction, CorrectionKind, CorrectionScope, PersonalLists } from '../schema/correction';

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
