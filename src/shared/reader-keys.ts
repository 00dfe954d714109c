/**
 * Every key the reader answers to, in one list: the features' handlers read keys through
 * `readerKey` and the `?` sheet lists this same table, so no key works without being listed.
 *
 * Letters are read by their physical place (event.code), so they work on an Arabic keyboard layout
 * too: the sheet shows the Arabic letter on the same key (j is ت on the Arabic 101 layout).
 */
export type ReaderKeyId =
  | 'next-block'
  | 'previous-block'
  | 'next-highlight'
  | 'previous-highlight'
  | 'into-paragraph'
  | 'open-note'
  | 'select'
  | 'highlight'
  | 'write-note'
  | 'save-note'
  | 'names'
  | 'library'
  | 'keys'
  | 'close';

export type ReaderKeyGroup = 'move' | 'annotate' | 'other';

export interface ReaderKey {
  readonly id: ReaderKeyId;
  readonly group: ReaderKeyGroup;
  /** Each way to press it: the keys of one chord, as shown (a letter, or a name from the `keys` labels). */
  readonly chords: ReadonlyArray<readonly string[]>;
}

export const READER_KEYS: readonly ReaderKey[] = [
  { id: 'next-block', group: 'move', chords: [['j'], ['Alt', 'ArrowDown']] },
  { id: 'previous-block', group: 'move', chords: [['k'], ['Alt', 'ArrowUp']] },
  { id: 'next-highlight', group: 'move', chords: [['n']] },
  { id: 'previous-highlight', group: 'move', chords: [['p']] },
  // The article is one Tab stop (the current paragraph); Tab goes on into that paragraph alone.
  { id: 'into-paragraph', group: 'move', chords: [['Tab']] },
  { id: 'open-note', group: 'annotate', chords: [['Enter']] },
  { id: 'select', group: 'annotate', chords: [['Shift', 'ArrowLeft'], ['Shift', 'ArrowRight'], ['Ctrl', 'Shift', 'ArrowLeft']] },
  { id: 'highlight', group: 'annotate', chords: [['h']] },
  { id: 'write-note', group: 'annotate', chords: [['n']] },
  { id: 'save-note', group: 'annotate', chords: [['Ctrl', 'Enter'], ['⌘', 'Enter']] },
  { id: 'names', group: 'other', chords: [['e']] },
  { id: 'library', group: 'other', chords: [['l']] },
  { id: 'keys', group: 'other', chords: [['?']] },
  { id: 'close', group: 'other', chords: [['Escape']] },
];

/** The letter the Arabic (101) layout puts on the same key as a Latin one, for the sheet. */
export const ARABIC_LETTER_ON_KEY: Readonly<Record<string, string>> = { j: 'ت', k: 'ن', n: 'ى', p: 'ح', h: 'ا', e: 'ث', l: 'م' };

/** Keys are not commands while the reader types in a field. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

const LETTER_KEYS: Readonly<Record<string, ReaderKeyId>> = {
  KeyJ: 'next-block',
  KeyK: 'previous-block',
  KeyN: 'next-highlight',
  KeyP: 'previous-highlight',
  KeyH: 'highlight',
  KeyE: 'names',
  KeyL: 'library',
};

/**
 * The reader command a key press stands for, or null (typing in a field, or a chord that is not a
 * command). `n` is `next-highlight` here; with a selection shown, the selection toolbar reads it
 * first as `write-note`.
 */
export function readerKey(event: KeyboardEvent): ReaderKeyId | null {
  if (isTyping(event.target)) return null;
  const { altKey: alt, ctrlKey: ctrl, metaKey: meta, shiftKey: shift } = event;
  if (event.key === 'Escape') return 'close';
  if (ctrl || meta) return null;
  if (alt) {
    if (shift) return null;
    if (event.key === 'ArrowDown') return 'next-block';
    if (event.key === 'ArrowUp') return 'previous-block';
    return null;
  }
  if (event.key === '?' || (shift && event.code === 'Slash')) return 'keys';
  if (shift) return null;
  if (event.key === 'Enter') return 'open-note';
  return LETTER_KEYS[event.code] ?? null;
}
