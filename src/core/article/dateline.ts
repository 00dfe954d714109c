import type { Dateline } from './article';
import { spellingForm } from '../text/fold';

/**
 * Datelines as news sites print them above a story: a weekday and/or a date, in Arabic or English,
 * Egyptian/Gulf, Levantine or Maghrebi month names, Western or Arabic-Indic digits — e.g.
 * "الخميس 19 Sep / September 2024", "الأحد ٣ آذار ٢٠٢٤", "Monday, March 4, 2024 10:30 GMT".
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  // Egyptian / Gulf
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  // Levantine / Iraqi (two-word names are folded to one token first, see MULTI_WORD_MONTHS)
  شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  // Maghrebi
  جانفي: 1, فيفري: 2, افريل: 4, ماي: 5, جوان: 6, جويلية: 7, جويليه: 7, اوت: 8,
};

// After normalisation (alef forms unified): "كانون الثاني" etc.
const MULTI_WORD_MONTHS: readonly [RegExp, string][] = [
  [/كانون\s+الثاني/g, ' m01 '],
  [/كانون\s+الاول/g, ' m12 '],
  [/تشرين\s+الاول/g, ' m10 '],
  [/تشرين\s+الثاني/g, ' m11 '],
];

const WEEKDAYS = new Set([
  'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'الجمعه', 'السبت',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
]);

// Words that may sit in a dateline without making it a sentence.
const FILLERS = new Set([
  'يوم', 'الموافق', 'م', 'هـ', 'ه', 'ص', 'مساء', 'صباحا', 'بتوقيت', 'غرينتش', 'جرينتش', 'نشر', 'في',
  'اخر', 'تحديث', 'تاريخ', 'النشر', 'at', 'on', 'am', 'pm', 'gmt', 'utc', 'updated', 'published', 'the', 'of',
]);

const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
const SEPARATORS = /[\s,،؛;/\\|.\-–—:()[\]]+/;

function tokens(line: string): string[] {
  let text = spellingForm(line);
  for (const [pattern, token] of MULTI_WORD_MONTHS) text = text.replace(pattern, token);
  return text.replace(TIME, ' ').split(SEPARATORS).filter((t) => t.length > 0);
}

function monthOf(token: string): number | undefined {
  const multi = /^m(\d\d)$/.exec(token);
  if (multi?.[1]) return Number(multi[1]);
  return MONTHS[token];
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (year < 1900 || year > 2199) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The ISO date (yyyy-mm-dd) a line names, if one can be read. */
export function readDate(line: string): string | undefined {
  const text = spellingForm(line).replace(TIME, ' ');
  const iso = /(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Numeric dates in Arabic-language sources are day first.
  const dmy = /(?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/.exec(text);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));

  let month: number | undefined;
  let year: number | undefined;
  let day: number | undefined;
  for (const token of tokens(line)) {
    const m = monthOf(token);
    if (m !== undefined) {
      month ??= m;
      continue;
    }
    const number = /^(\d{1,4})(?:st|nd|rd|th)?$/.exec(token)?.[1];
    if (number === undefined) continue;
    if (number.length === 4) year ??= Number(number);
    else if (number.length <= 2) day ??= Number(number);
  }
  if (month === undefined || year === undefined || day === undefined) return undefined;
  return isoDate(year, month, day);
}

/** A short line made only of weekday, date and time words, with at least a weekday or a full date. */
export function looksLikeDateline(line: string): boolean {
  if (line.length > 100) return false;
  const words = tokens(line);
  if (words.length === 0 || words.length > 14) return false;
  let weekday = false;
  for (const word of words) {
    if (WEEKDAYS.has(word)) weekday = true;
    else if (monthOf(word) === undefined && !FILLERS.has(word) && !/^\d{1,4}(?:st|nd|rd|th)?$/.test(word)) return false;
  }
  return weekday || readDate(line) !== undefined;
}

export function parseDateline(line: string): Dateline {
  const date = readDate(line);
  return date === undefined ? { raw: line } : { raw: line, date };
}

/**
 * A date as news sites print their date lines ("الاثنين، 23 سبتمبر 2019"; "Monday, 23 September
 * 2019"): weekday, day, month name and year through Intl in `language`, Western digits as most Arabic
 * news sites use. The date is a calendar date, so it is formatted in UTC (no shift by a day).
 */
export function formatDateline(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const locale = language.toLowerCase().startsWith('ar') ? 'ar-u-nu-latn' : language;
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

/** What the reader prints under the headline, and in which language each part is. */
export interface DatelineView {
  readonly byline?: string;
  /** The date (or the whole line when no date could be read). */
  readonly text: string;
  /** Whether `text` is in the article's language (as printed) or the reader's UI language. */
  readonly textLanguage: 'article' | 'ui';
  readonly date?: string;
  /** The other rendering of the date, for a tooltip: the UI-language date under a printed line. */
  readonly hint?: string;
}

/**
 * A date line the article printed is part of its text and shown as printed (with the date in the
 * UI language as a hint); a date Hashiya found in the page's markup is shown in the UI language.
 */
export function datelineView(dateline: Dateline, uiLanguage: string): DatelineView {
  const byline = dateline.byline ? { byline: dateline.byline } : {};
  if (!dateline.date) return { ...byline, text: dateline.raw, textLanguage: 'article' };
  const inUiLanguage = formatDateline(dateline.date, uiLanguage);
  return dateline.generated
    ? { ...byline, text: inUiLanguage, textLanguage: 'ui', date: dateline.date }
    : { ...byline, text: dateline.raw, textLanguage: 'article', date: dateline.date, hint: inUiLanguage };
}
