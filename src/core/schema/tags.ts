import * as v from 'valibot';
import { ANNOTATION_LIMITS } from '../limits';

/** The reader's tags, on notes and on imported articles alike: one set of rules for both. */

export const tagSchema = v.pipe(v.string(), v.minLength(1, 'empty tag'), v.maxLength(ANNOTATION_LIMITS.tag, 'tag too long'));
export const tagsSchema = v.pipe(v.array(tagSchema), v.maxLength(ANNOTATION_LIMITS.tags, 'too many tags'));

/** "  #My   tag " → "My tag". Returns '' for a tag that is nothing but marks and spaces. */
export function normaliseTag(tag: string): string {
  return tag.replace(/[#＃]/g, ' ').replace(/\s+/gu, ' ').trim().slice(0, ANNOTATION_LIMITS.tag).trim();
}

/** Normalised, without empties or duplicates (case-insensitive), at most ANNOTATION_LIMITS.tags. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normaliseTag(raw);
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === ANNOTATION_LIMITS.tags) break;
  }
  return out;
}
