import type { TextDirection } from '../article/article';

/**
 * Mixed-direction text: runs of the script opposite to the block's direction (Latin words and
 * numbers inside Arabic, Arabic inside English) are isolated so neutral characters around them
 * ("19 Sep / September 2024") cannot reorder the sentence.
 */
export interface BidiPiece {
  readonly text: string;
  readonly isolate: boolean;
}

// A Latin run: starts and ends with a Latin letter or digit; may contain spaces and light punctuation.
const LATIN_RUN = /[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F\s.,:/'’&%+-]*[A-Za-z0-9\u00C0-\u024F%])?/g;
const ARABIC_RUN = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF](?:[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\s0-9\u0660-\u0669]*[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF])?/g;

export function isolateRuns(text: string, dir: TextDirection): BidiPiece[] {
  const pattern = dir === 'rtl' ? LATIN_RUN : ARABIC_RUN;
  const pieces: BidiPiece[] = [];
  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > cursor) pieces.push({ text: text.slice(cursor, start), isolate: false });
    pieces.push({ text: match[0], isolate: true });
    cursor = start + match[0].length;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), isolate: false });
  return pieces;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * A reader's string (an article title) for use inside a sentence: its own embedding, override and
 * isolate controls are dropped (an unbalanced one would reorder the rest of the sentence, a stray
 * PDI would end the isolate early) and it is wrapped in FSI…PDI, so it keeps its own direction
 * without moving the words around it.
 */
export function isolateInSentence(text: string): string {
  return `\u2068${text.replace(BIDI_CONTROLS, '')}\u2069`;
}
