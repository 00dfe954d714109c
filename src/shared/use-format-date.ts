import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocale } from '../core/text/format-locale';

// A date format per language and style, made once: a list of 100 note cards or library cards would
// otherwise make (and load locale data for) one each.
const formats = new Map<string, Intl.DateTimeFormat>();

export type DateStyle = 'medium' | 'long' | 'month';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  medium: { dateStyle: 'medium' },
  long: { dateStyle: 'long' },
  // A month ("2024-09") is read as its first day in UTC: shown in UTC, it never slips to the month before.
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
};

/** Dates (ISO strings, or a month "2024-09") formatted for the UI language; an unreadable date comes back as it is. */
export function useFormatDate(style: DateStyle): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) => {
      const key = `${language}|${style}`;
      let format = formats.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(formatLocale(language), OPTIONS[style]);
        formats.set(key, format);
      }
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    },
    [language, style],
  );
}
