/**
 * Words, as the painting of decorations needs them. An element boundary inside an Arabic word
 * breaks its joining in WebKit (the letters fall into their isolated and final forms, ligatures
 * split); a boundary between a word and the punctuation written against it (بمسيّرات|،) moves the
 * word to another height there. So elements may only start and end where there is white space:
 * here a word is everything between two spaces, its clitics and punctuation included.
 */

const SPACE = /\s/u;

export const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);

/** Whether offset `at` falls between two characters of the same word (no space on either side). */
export function insideWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && !isSpace(text[at - 1]) && !isSpace(text[at]);
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
