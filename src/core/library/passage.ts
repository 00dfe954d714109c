import { wholeWords } from '../decorations/words';

/** A span of text in context: the words it falls in, what comes before and after them, and where the span lies in those words. */
export interface Passage {
  /** Up to `context` characters before the match, with an ellipsis where the text was cut. */
  readonly before: string;
  /** The whole words the span falls in (markup around it never cuts a word). */
  readonly match: string;
  readonly after: string;
  /** The exact span inside `match` (روسيا in لروسيا), to be painted without markup. */
  readonly exact: { readonly start: number; readonly end: number };
}

/** A span of text with up to `context` characters on each side, ellipses where it was cut. */
export function passageAround(text: string, start: number, end: number, context = 80): Passage {
  const words = wholeWords(text, { start, end });
  const from = Math.max(0, words.start - context);
  const to = Math.min(text.length, words.end + context);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, words.start),
    match: text.slice(words.start, words.end),
    after: text.slice(words.end, to) + (to < text.length ? '…' : ''),
    exact: { start: start - words.start, end: end - words.start },
  };
}
