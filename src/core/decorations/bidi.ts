import type { TextDirection } from '../article/article';
import { wholeWords } from './words';

/**
 * Mixed-direction text: runs of the script opposite to the block's direction (Latin words and
 * numbers inside Arabic, Arabic inside English) are isolated so neutral characters around them
 * ("19 Sep / September 2024") cannot reorder the sentence. An isolate is an element, so it holds
 * whole words: a run attached to a clitic (وGoogle) is isolated with it.
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
  let open: { start: number; end: number } | null = null;
  const close = () => {
    if (!open) return;
    if (open.start > cursor) pieces.push({ text: text.slice(cursor, open.start), isolate: false });
    pieces.push({ text: text.slice(open.start, open.end), isolate: true });
    cursor = open.end;
    open = null;
  };
  for (const match of text.matchAll(pattern)) {
    const run = wholeWords(text, { start: match.index, end: match.index + match[0].length });
    // Runs that widening made meet or overlap are one isolate.
    if (open && run.start <= open.end) open.end = Math.max(open.end, run.end);
    else {
      close();
      open = run;
    }
  }
  close();
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
