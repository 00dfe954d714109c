// Tokenizer for raw Arabic text that keeps UTF-16 offsets into the original string.

export interface Token { text: string; start: number; end: number }

// Word characters: letters, combining marks (diacritics), digits of any script, tatweel.
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;
const SPACE = /\s/u;

function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

/**
 * Splits text into word and punctuation tokens. Whitespace is dropped; every other code point
 * belongs to exactly one token, so text.slice(t.start, t.end) === t.text and the gaps between
 * tokens are whitespace only. A dot or comma between digits stays inside the number ("2.5").
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (SPACE.test(ch)) { i += ch.length; continue; }
    const start = i;
    if (isWordChar(ch)) {
      i += ch.length;
      while (i < n) {
        const c2 = String.fromCodePoint(text.codePointAt(i) as number);
        if (isWordChar(c2)) { i += c2.length; continue; }
        // Keep decimal / thousands separators inside numbers.
        if ((c2 === '.' || c2 === ',' || c2 === '٫' || c2 === '٬') && /\p{N}/u.test(text[i - 1] ?? '') && /\p{N}/u.test(text[i + 1] ?? '')) { i += 1; continue; }
        break;
      }
    } else {
      i += ch.length;
      // Runs of the same punctuation ("...", "!!") form one token.
      while (i < n && text[i] === ch && ch.length === 1) i++;
    }
    tokens.push({ text: text.slice(start, i), start, end: i });
  }
  return tokens;
}
