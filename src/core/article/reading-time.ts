import type { Article } from './article';
import { countWords } from './summary';

/**
 * How far through an article the reader is, and how long the rest takes: one computation for the
 * reader's progress bar and the library's cards, so both always show the same figure.
 *
 * Speeds are silent reading of connected text by adults, in words a minute, from the IReST study
 * (Trauzettel-Klosinski & Dietz, Investigative Ophthalmology & Visual Science 53, 2012): Arabic is
 * read at 138 words a minute (Arabic words carry their clitics, so there are fewer of them), English
 * at 228; other languages at the study's mean over its 17 languages, 184.
 */
const WORDS_PER_MINUTE: Readonly<Record<string, number>> = { ar: 138, en: 228 };
const DEFAULT_WORDS_PER_MINUTE = 184;

export function wordsPerMinute(lang: string): number {
  return WORDS_PER_MINUTE[lang.toLowerCase().split('-')[0] ?? ''] ?? DEFAULT_WORDS_PER_MINUTE;
}

/** Whole minutes to read what is left (rounded up: one word left is a minute); 0 once read. */
export function minutesLeft(words: number, fraction: number, lang: string): number {
  const left = Math.max(0, words * (1 - Math.min(1, Math.max(0, fraction))));
  return left < 1 ? 0 : Math.ceil(left / wordsPerMinute(lang));
}

/** Words in each block, in order (the unit the position is measured in). */
export function blockWords(article: Pick<Article, 'blocks'>): number[] {
  return article.blocks.map((block) => countWords(block.text));
}

/**
 * The share of the article's words read when block `index` is at the top of the window with the
 * part `within` (0…1) of it scrolled past: the words of the blocks above, and that part of its own.
 */
export function readFraction(words: readonly number[], index: number, within: number): number {
  let total = 0;
  let before = 0;
  for (let i = 0; i < words.length; i += 1) {
    const count = words[i] ?? 0;
    total += count;
    if (i < index) before += count;
  }
  if (total === 0 || index < 0) return 0;
  if (index >= words.length) return 1;
  return Math.min(1, (before + (words[index] ?? 0) * Math.min(1, Math.max(0, within))) / total);
}
