import { wholeWords, wordEndAfter, wordStartBefore } from '../decorations/words';

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

/** A marked stretch of a passage: the whole words a match falls in, and the exact match inside them. */
export interface PassageMark {
  readonly words: string;
  readonly exact: { readonly start: number; readonly end: number };
}

/** A passage as plain text and marks, in reading order. */
export type PassagePiece = string | PassageMark;

/** A single-match passage as pieces. */
export function passagePieces(passage: Passage): PassagePiece[] {
  return [passage.before, { words: passage.match, exact: passage.exact }, passage.after].filter((piece) => piece !== '');
}

/**
 * Several spans of a text (sorted, not overlapping) in one passage, every one marked: from
 * `context` characters before the first to `context` after the last that lies within `reach`
 * characters of the first (the others are left out, so a passage stays a few lines long).
 */
export function passageAroundAll(text: string, spans: ReadonlyArray<{ readonly start: number; readonly end: number }>, context = 80, reach = 240): PassagePiece[] {
  const first = spans[0];
  if (!first) return text ? [text] : [];
  const shown = spans.filter((span) => span.end <= first.start + reach || span === first);
  const marks: Array<{ words: { start: number; end: number }; exact: { start: number; end: number } }> = [];
  for (const span of shown) {
    const words = wholeWords(text, { start: span.start, end: span.end });
    const previous = marks[marks.length - 1];
    // Two matches inside the same words: one mark, its exact span running over both.
    if (previous && words.start < previous.words.end) {
      previous.words.end = Math.max(previous.words.end, words.end);
      previous.exact.end = Math.max(previous.exact.end, span.end);
    } else marks.push({ words: { ...words }, exact: { start: span.start, end: span.end } });
  }
  const from = Math.max(0, wordStartBefore(text, Math.max(0, marks[0]!.words.start - context)));
  const last = marks[marks.length - 1]!;
  const to = Math.min(text.length, wordEndAfter(text, Math.min(text.length, last.words.end + context)));
  const pieces: PassagePiece[] = [];
  let at = from;
  if (from > 0) pieces.push('…');
  for (const mark of marks) {
    if (mark.words.start > at) pieces.push(text.slice(at, mark.words.start));
    pieces.push({ words: text.slice(mark.words.start, mark.words.end), exact: { start: mark.exact.start - mark.words.start, end: mark.exact.end - mark.words.start } });
    at = mark.words.end;
  }
  if (to > at) pieces.push(text.slice(at, to));
  if (to < text.length) pieces.push('…');
  return mergeText(pieces);
}

/** Adjacent plain pieces joined (an ellipsis and the text after it are one piece). */
function mergeText(pieces: readonly PassagePiece[]): PassagePiece[] {
  const merged: PassagePiece[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    if (typeof piece === 'string' && typeof previous === 'string') merged[merged.length - 1] = previous + piece;
    else merged.push(piece);
  }
  return merged;
}
