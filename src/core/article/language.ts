/** What language a text is in, as far as the reader's layout needs to know. */

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
