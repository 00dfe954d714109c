/**
 * Words, as the painting of decorations needs them: an element boundary inside a word breaks Arabic
 * joining in WebKit (the letters fall into their isolated and final forms, ligatures split), so
 * elements may only start and end between words. A word is a run of letters (Arabic tatweel is a
 * modifier letter), combining marks (harakat), digits and the joiners ZWNJ/ZWJ.
 */

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;

export const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);

/** Whether offset `at` falls between two characters of the same word. */
export function insideWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && isWordChar(text[at - 1]) && isWordChar(text[at]);
}

/** `at`, moved back to the start of the word it falls inside (unchanged between words). */
export function wordStartBefore(text: string, at: number): number {
  let i = at;
  while (insideWord(text, i)) i -= 1;
  return i;
}

/** `at`, moved on to the end of the word it falls inside (unchanged between words). */
export function wordEndAfter(text: string, at: number): number {
  let i = at;
  while (insideWord(text, i)) i += 1;
  return i;
}

/** The span widened to the whole words its edges fall inside. */
export function wholeWords<T extends { readonly start: number; readonly end: number }>(text: string, span: T): T {
  const start = wordStartBefore(text, span.start);
  const end = wordEndAfter(text, span.end);
  return start === span.start && end === span.end ? span : { ...span, start, end };
}
