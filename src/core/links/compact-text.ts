/**
 * A compact, URL-friendly spelling of Arabic text for passage links (format 2).
 *
 * Percent-encoding spends six characters on each Arabic letter (ب = %D8%A8). Here each common
 * Arabic letter, diacritic and punctuation mark is spelt with one ASCII letter that
 * URLSearchParams leaves as it is; digits, spaces (which become '+') and '.' stay themselves. Any
 * other UTF-16 unit, including an ASCII letter, '-', '_' and the escape itself, is written
 * `*` + four hex digits. The mapping is total and reversible: decode(encode(t)) === t for any string.
 */

// U+0621–U+063A, U+0640–U+0652 (letters, tatweel, harakat), then ، ؛ ؟: 48 characters.
const ARABIC = [
  ...Array.from({ length: 0x063a - 0x0621 + 1 }, (_, i) => String.fromCharCode(0x0621 + i)),
  ...Array.from({ length: 0x0652 - 0x0640 + 1 }, (_, i) => String.fromCharCode(0x0640 + i)),
  '\u060C',
  '\u061B',
  '\u061F',
];
// 54 characters that URLSearchParams never escapes ('.', digits and '*' are kept for other uses).
const TARGETS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const ESCAPE = '*';

const encodeTable = new Map<string, string>(ARABIC.map((ch, i) => [ch, TARGETS[i] as string]));
const decodeTable = new Map<string, string>(ARABIC.map((ch, i) => [TARGETS[i] as string, ch]));

const escapeUnit = (code: number) => ESCAPE + code.toString(16).padStart(4, '0');

export function encodeCompactText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const mapped = encodeTable.get(ch);
    if (mapped !== undefined) out += mapped;
    else if (TARGETS.includes(ch) || ch === ESCAPE) out += escapeUnit(ch.charCodeAt(0));
    else out += ch;
  }
  return out;
}

/** The text back, or null when the input is not something encodeCompactText could have made. */
export function decodeCompactText(compact: string): string | null {
  let out = '';
  for (let i = 0; i < compact.length; i++) {
    const ch = compact[i] as string;
    if (ch === ESCAPE) {
      const hex = compact.slice(i + 1, i + 5);
      if (!/^[0-9a-f]{4}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += decodeTable.get(ch) ?? ch;
    }
  }
  return out;
}
