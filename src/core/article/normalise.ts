/**
 * Text normalisation shared by the parser (matching labels, month names, repeated titles) and by
 * block ids. Normalised text is only ever compared or hashed, never shown.
 */

// Harakat, superscript alef, Quranic marks; tatweel is typographic stretching, not a letter.
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673]/g;

export function stripDiacritics(text: string): string {
  return text.replace(DIACRITICS, '');
}

/** Arabic-Indic (٠-٩) and extended/Persian (۰-۹) digits to ASCII. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Diacritics and tatweel removed, alef forms unified, whitespace collapsed, Latin lowercased. */
export function normaliseText(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .replace(ALEF_FORMS, '\u0627')
    .replace(/[\s\u200B-\u200F\u2066-\u2069\uFEFF]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** normaliseText plus ASCII digits: for matching words such as month names and labels. */
export function normaliseForMatch(text: string): string {
  return toAsciiDigits(normaliseText(text));
}

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

export interface LanguageGuess {
  readonly lang: 'ar' | 'en';
  readonly dir: 'rtl' | 'ltr';
}

/** Arabic letters in the majority → Arabic, right to left; anything else is treated as English. */
export function detectLanguage(text: string): LanguageGuess {
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return arabic > latin ? { lang: 'ar', dir: 'rtl' } : { lang: 'en', dir: 'ltr' };
}

/** Words as the reader sees them: whitespace-separated, surrounding punctuation kept. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
