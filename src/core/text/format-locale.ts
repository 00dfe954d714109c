/**
 * The locale numbers and dates are shown in for a language: Arabic with Western digits (2024, not
 * ٢٠٢٤), as most Arabic news sites print them and as the articles themselves are written. Named
 * explicitly because engines disagree on Arabic's default: WebKit (Safari) formats "ar" with
 * Arabic-Indic digits, Chromium with Western ones.
 */
export function formatLocale(language: string): string {
  const lower = language.toLowerCase();
  return (lower === 'ar' || lower.startsWith('ar-')) && !lower.includes('-u-') ? `${language}-u-nu-latn` : language;
}
