import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../core/text/format-locale';

// Creating a number format loads the locale's data (tens of milliseconds the first time, in the
// reader's first render): one per language, made when a number is first shown.
const formats = new Map<string, Intl.NumberFormat>();

/** Numbers shown on their own (counts in badges) formatted for the UI language, like those in strings. */
export function useFormatNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (value: number) => {
      let format = formats.get(language);
      if (!format) {
        format = new Intl.NumberFormat(formatLocale(language));
        formats.set(language, format);
      }
      return format.format(value);
    },
    [language],
  );
}
