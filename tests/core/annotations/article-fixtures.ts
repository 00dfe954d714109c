import type { Article } from '../../../src/core/article/article';
import { assignBlockIds } from '../../../src/core/article/block-id';
import { seededRandom } from 'arabic-ner';

/** Generated articles are reproducible from a seed. */
export const rng = seededRandom;


const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'.split('');
const EXTRA = ['ة', 'ى', 'أ', 'إ', 'ؤ', 'ئ', 'ء', 'ـ'];
const MARKS = ['َ', 'ُ', 'ِ', 'ّ', 'ْ'];
/** Common short words repeat, as they do in real Arabic text, so short quotes are ambiguous. */
export const COMMON = ['في', 'من', 'على', 'إلى', 'أن', 'قال', 'هذا', 'التي'];

/** A word made of random letters; callers make words unique. */
export function randomWord(next: () => number): string {
  const length = 3 + Math.floor(next() * 6);
  let word = '';
  for (let i = 0; i < length; i += 1) {
    const pool = i > 0 && next() < 0.1 ? EXTRA : LETTERS;
    word += pool[Math.floor(next() * pool.length)] ?? 'ا';
    if (next() < 0.05) word += MARKS[Math.floor(next() * MARKS.length)] ?? '';
  }
  return word;
}

/**
 * Paragraphs of unique words mixed with common short words: no run of more than a couple of words
 * appears twice, so a deleted passage does not exist elsewhere verbatim.
 */
export function generateParagraphs(seed: number, paragraphs: number, wordsPer: [number, number]): string[] {
  const next = rng(seed);
  const used = new Set<string>();
  const unique = () => {
    for (;;) {
      const word = randomWord(next);
      if (!used.has(word)) {
        used.add(word);
        return word;
      }
    }
  };
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    const count = wordsPer[0] + Math.floor(next() * (wordsPer[1] - wordsPer[0] + 1));
    const words: string[] = [];
    for (let w = 0; w < count; w += 1) {
      words.push(next() < 0.25 && w > 0 && !COMMON.includes(words[w - 1] ?? '') ? (COMMON[Math.floor(next() * COMMON.length)] ?? 'في') : unique());
      if (next() < 0.08) words[w] += next() < 0.5 ? '،' : '.';
    }
    out.push(words.join(' '));
  }
  return out;
}

/** An article whose text is exactly `text` (blocks split on the separator, ids from their text). */
export function articleFromText(text: string, id = 'a1'): Article {
  return {
    id,
    title: text.split('\n\n')[0] ?? '',
    lang: 'ar',
    dir: 'rtl',
    blocks: assignBlockIds(text.split('\n\n').map((t, i) => ({ kind: i === 0 ? 'title' : 'paragraph', text: t }))),
  };
}

export function articleFromParagraphs(paragraphs: readonly string[], id = 'a1'): Article {
  return articleFromText(paragraphs.join('\n\n'), id);
}
