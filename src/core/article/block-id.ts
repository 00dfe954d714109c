import type { Block, BlockKind } from './article';
import { fnv1a32 } from './hash';

/**
 * Block ids come from the block's own normalised text, never from its position or kind, so a link
 * to one paragraph survives edits to other paragraphs — and survives a parser change that turns
 * the same paragraph into a lead or a heading. Ids look like "p-0k3x9az" (repeats: "p-0k3x9az-2"):
 * they start with a letter and use only [a-z0-9-], so they are valid HTML ids and URL-safe.
 */
export const BLOCK_ID_PATTERN = /^p-[0-9a-z]{7}(?:-[1-9][0-9]*)?$/;

// Harakat, superscript alef, Quranic marks; tatweel is typographic stretching, not a letter.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;

/**
 * The text a block id is computed from: diacritics and tatweel removed, alef forms unified,
 * whitespace (zero-width and bidi marks included) collapsed, Latin lowercased. Frozen: ids are stored
 * in notes and links, so this must never change, even when the app's folding (core/text/fold.ts)
 * does. tests/core/article/block-id.test.ts pins it.
 */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFC')
    .replace(DIACRITICS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/[\s\u200B-\u200F\u2066-\u2069\uFEFF]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The id a block with this text gets when its text occurs only once in the article. */
export function baseBlockId(text: string): string {
  return `p-${fnv1a32(normaliseForId(text)).toString(36).padStart(7, '0')}`;
}

/** Length of a base id ("p-" and seven characters): what a repeat number is added to. */
const BASE_ID_LENGTH = 9;

/**
 * Give each block its id; the 2nd, 3rd... block with the same base id gets "-2", "-3" in document order.
 * A block may bring the id an earlier assignment gave the same text (a block kept from a parsed
 * article): its base is reused instead of hashing the text again, and only the repeat number is
 * counted anew. Saving a 2,000-paragraph import this way hashes only what the reader edited.
 */
export function assignBlockIds(blocks: readonly { readonly kind: BlockKind; readonly text: string; readonly id?: string }[]): Block[] {
  const seen = new Map<string, number>();
  return blocks.map(({ kind, text, id }) => {
    const base = id && isValidBlockId(id) ? id.slice(0, BASE_ID_LENGTH) : baseBlockId(text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { id: count === 1 ? base : `${base}-${count}`, kind, text };
  });
}

export function isValidBlockId(id: string): boolean {
  return BLOCK_ID_PATTERN.test(id);
}
