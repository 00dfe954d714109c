import type { Dateline } from './article';
import { spellingForm } from '../text/fold';
import { formatLocale } from '../text/format-locale';

/**
 * Datelines as news sites and wire services print them above (or at the start of) a story:
 * - date only: "الخميس 19 Sep / September 2024", "الأحد ٣ آذار ٢٠٢٤", "Monday, March 4, 2024 10:30 GMT";
 * - place first: "الخرطوم - الأحد 6 أبريل 2025", "GAZA, April 6 (Reuters) -";
 * - an agency or paper in brackets: "القاهرة (رويترز) -", "لندن - «القدس العربي»:";
 * - Hijri and Gregorian together: "الأحد 8 شوال 1446 هـ الموافق 6 أبريل 2025 م";
 * - date first, then the place, and a byline marked as one ("كتب: …", "By …").
 * Egyptian/Gulf, Levantine and Maghrebi month names, English ones (abbreviated, or twice), Western or
 * Arabic-Indic digits. Nothing here guesses at a sentence: a line is a dateline only when every word
 * in it is a date word, a short place, an agency or a marked byline.
 */

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
  // Egyptian / Gulf
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, اغشت: 8, سبتمبر: 9, شتنبر: 9, اكتوبر: 10, نوفمبر: 11, نونبر: 11, ديسمبر: 12, دجنبر: 12,
  // Levantine / Iraqi (two-word names are folded to one token first, see MULTI_WORD_MONTHS)
  شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  // Maghrebi
  جانفي: 1, فيفري: 2, افريل: 4, ماي: 5, جوان: 6, جويلية: 7, جويليه: 7, يوليوز: 7, اوت: 8, غشت: 8,
};

// Hijri months, folded to `hNN` tokens (after normalisation: alef forms unified, ى kept).
const HIJRI_MONTHS: readonly [RegExp, string][] = [
  [/ربيع\s+(?:الاول|الأول)/g, ' h03 '],
  [/ربيع\s+(?:الاخر|الثاني|الآخر)/g, ' h04 '],
  [/جماد[ىي]\s+(?:الاولى|الاولي|الاول)/g, ' h05 '],
  [/جماد[ىي]\s+(?:الاخرة|الثانية|الاخره|الثانيه)/g, ' h06 '],
  [/(?:ذو|ذي)\s+القعدة|(?:ذو|ذي)\s+القعده/g, ' h11 '],
  [/(?:ذو|ذي)\s+الحجة|(?:ذو|ذي)\s+الحجه/g, ' h12 '],
];
const HIJRI_SINGLE: Readonly<Record<string, number>> = { محرم: 1, صفر: 2, رجب: 7, شعبان: 8, رمضان: 9, شوال: 10 };

// After normalisation: "كانون الثاني" etc.
const MULTI_WORD_MONTHS: readonly [RegExp, string][] = [
  [/كانون\s+الثاني/g, ' m01 '],
  [/كانون\s+الاول/g, ' m12 '],
  [/تشرين\s+الاول/g, ' m10 '],
  [/تشرين\s+الثاني/g, ' m11 '],
];

const WEEKDAYS = new Set([
  'الاحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعة', 'الجمعه', 'السبت',
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sun', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat',
]);

// Words that may sit in a dateline without making it a sentence.
const FILLERS = new Set([
  'يوم', 'الموافق', 'موافق', 'م', 'هـ', 'ه', 'ص', 'مساء', 'صباحا', 'ظهرا', 'بتوقيت', 'توقيت', 'غرينتش', 'جرينتش', 'مكة', 'المكرمة',
  'القدس', 'ت', 'غ', 'نشر', 'في', 'اخر', 'تحديث', 'تاريخ', 'النشر', 'التحديث', 'بتاريخ', 'منذ', 'و',
  'at', 'on', 'am', 'pm', 'gmt', 'utc', 'updated', 'published', 'last', 'the', 'of', 'posted', 'date', 'ast', 'est', 'edt', 'bst', 'cet', 'eet',
]);

// Agencies and papers printed beside a place ("القاهرة (رويترز)"), with or without brackets.
const AGENCIES = [
  'رويترز', 'ا ف ب', 'ا.ف.ب', 'اف ب', 'الفرنسية', 'فرانس برس', 'فرانس بريس', 'الاناضول', 'د ب ا', 'د.ب.ا', 'ا ب', 'اسوشيتد برس', 'وام', 'واس', 'قنا', 'كونا',
  'بترا', 'سانا', 'وفا', 'بنا', 'ونا', 'سبوتنيك', 'شينخوا', 'ارنا', 'وكالات', 'الجزيرة', 'الجزيرة نت', 'العربية', 'سكاي نيوز عربية', 'مراسلون', 'خاص',
  'reuters', 'afp', 'ap', 'upi', 'dpa', 'anadolu', 'xinhua', 'bloomberg', 'efe', 'ansa',
];
const AGENCY_KEYS = new Set(AGENCIES.map((a) => a.replace(/[.\s]+/g, '')));

const BYLINE_AT_START = /^\s*((?:كتب|كتبت|بقلم|إعداد|اعداد|تحرير|by)\s*[:：]?\s*[^-–—|،,:\d]{2,60}?)(?=\s+[-–—|]|\s*[|،,]|$)/i;
const BYLINE_START = /^(?:كتب|كتبت|بقلم|إعداد|اعداد|تقرير|تحرير|مراسل|مراسلة|by|from)\s*[:：]?\s+\S/i;
// Credit, copyright and design lines: never a dateline, whatever year they carry.
export const CREDIT_LINE = /تصميم|برمجة|تطوير|جميع الحقوق|حقوق النشر|محفوظة|designed|design by|developed|powered|copyright|all rights|©|\(c\)/i;

const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
const ZONE = /(?:gmt|utc)?\s*[+-]\s*\d{1,2}(?::?\d{2})?\b/gi;
const SEPARATORS = /[\s,،؛;/\\|.\-–—ـ:()[\]«»"“”'’]+/;

function foldMonths(text: string): string {
  let out = text;
  for (const [pattern, token] of MULTI_WORD_MONTHS) out = out.replace(pattern, token);
  for (const [pattern, token] of HIJRI_MONTHS) out = out.replace(pattern, token);
  return out;
}

function tokens(line: string): string[] {
  return foldMonths(spellingForm(line))
    .replace(TIME, ' ')
    .replace(ZONE, ' ')
    // "1445هـ", "2024م": a number glued to its calendar letter.
    .replace(/(\d)(?=[\u0600-\u06FF])|([\u0600-\u06FF])(?=\d)/g, '$1$2 ')
    .split(SEPARATORS)
    .filter((t) => t.length > 0);
}

function monthOf(token: string): number | undefined {
  const multi = /^m(\d\d)$/.exec(token);
  if (multi?.[1]) return Number(multi[1]);
  return MONTHS[token];
}

function hijriMonthOf(token: string): number | undefined {
  const folded = /^h(\d\d)$/.exec(token);
  if (folded?.[1]) return Number(folded[1]);
  return HIJRI_SINGLE[token];
}

const NUMBER = /^(\d{1,4})(?:st|nd|rd|th)?$/;

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

const hijriParts = (() => {
  let format: Intl.DateTimeFormat | undefined;
  return (date: Date): { year: number; month: number; day: number } | undefined => {
    try {
      format ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
      const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
      return { year: Number.parseInt(parts['year'] ?? '', 10), month: Number(parts['month']), day: Number(parts['day']) };
    } catch {
      return undefined;
    }
  };
})();

/** A Hijri (Umm al-Qura) date as the Gregorian ISO date, found by Intl around an arithmetic estimate. */
export function hijriToIso(year: number, month: number, day: number): string | undefined {
  if (year < 1300 || year > 1600 || month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  // Days from 1 Muharram 1 AH (16 July 622) by the mean month; Umm al-Qura is within two days of it.
  const estimate = Date.UTC(622, 6, 16) + Math.round((year - 1) * 354.36667 + (month - 1) * 29.530589 + (day - 1)) * 86_400_000;
  for (let offset = 0; offset <= 4; offset += 1) {
    for (const sign of offset === 0 ? [1] : [-1, 1]) {
      const candidate = new Date(estimate + sign * offset * 86_400_000);
      const parts = hijriParts(candidate);
      if (parts && parts.year === year && parts.month === month && parts.day === day) return candidate.toISOString().slice(0, 10);
    }
  }
  return undefined;
}

interface FoundDate {
  readonly iso: string;
  readonly calendar: 'gregorian' | 'hijri';
}

/** Every date a line's tokens name: day-month-year, month-day-year, a repeated month name ("Sep / September"). */
function datesIn(words: readonly string[]): FoundDate[] {
  const found: FoundDate[] = [];
  const used = new Set<number>();
  const numberAt = (i: number, digits: (n: string) => boolean): number | undefined => {
    const n = NUMBER.exec(words[i] ?? '')?.[1];
    return n !== undefined && digits(n) && !used.has(i) ? i : undefined;
  };
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const gregorian = monthOf(word);
    const hijri = gregorian === undefined ? hijriMonthOf(word) : undefined;
    const month = gregorian ?? hijri;
    if (month === undefined) continue;
    // Skip a second spelling of the same month ("19 Sep / September 2024", "6 أبريل/نيسان 2025").
    let after = i + 1;
    while (after < words.length && (gregorian !== undefined ? monthOf(words[after] ?? '') === gregorian : hijriMonthOf(words[after] ?? '') === hijri)) after += 1;
    const short = (n: string) => n.length <= 2;
    const long = (n: string) => n.length === 4;
    const dayAt = numberAt(i - 1, short) ?? numberAt(after, short);
    const yearFrom = dayAt === after ? after + 1 : after;
    const yearAt = numberAt(yearFrom, long);
    if (dayAt === undefined || yearAt === undefined) continue;
    const day = Number(NUMBER.exec(words[dayAt] ?? '')?.[1]);
    const year = Number(NUMBER.exec(words[yearAt] ?? '')?.[1]);
    const iso = gregorian !== undefined ? isoDate(year, gregorian, day) : hijriToIso(year, month, day);
    if (!iso) continue;
    used.add(dayAt);
    used.add(yearAt);
    found.push({ iso, calendar: gregorian !== undefined ? 'gregorian' : 'hijri' });
    i = Math.max(i, yearAt);
  }
  return found;
}

/** The ISO date (yyyy-mm-dd) a line names, if one can be read: Gregorian first, else a Hijri date converted. */
export function readDate(line: string): string | undefined {
  const text = spellingForm(line).replace(TIME, ' ');
  const hijriMarked = /(?:^|[\s\d])ه(?:$|\s)|هجري/.test(text);
  const iso = /(?:^|[^\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = year < 1700 && hijriMarked ? hijriToIso(year, month, day) : isoDate(year, month, day);
    if (date) return date;
  }
  // Numeric dates in Arabic-language sources are day first.
  const dmy = /(?:^|[^\d])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?![\d])/.exec(text);
  if (dmy) {
    const date = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    if (date) return date;
  }
  const dates = datesIn(tokens(line));
  return (dates.find((d) => d.calendar === 'gregorian') ?? dates[0])?.iso;
}

const isDateWord = (word: string) =>
  WEEKDAYS.has(word) || monthOf(word) !== undefined || hijriMonthOf(word) !== undefined || FILLERS.has(word) || NUMBER.test(word);

function isAgency(text: string): boolean {
  const key = spellingForm(text).replace(/[.\s]+/g, '');
  return AGENCY_KEYS.has(key);
}

/** A place as datelines print one: one to four words, letters only (no digits, no sentence punctuation). */
function isPlace(text: string): boolean {
  const clean = text.trim();
  if (clean === '' || clean.length > 40 || /[\d٠-٩.!?؟؛;]/.test(clean)) return false;
  const words = clean.split(/\s+/);
  if (words.length > 4 || CREDIT_LINE.test(clean)) return false;
  // Not a date word dressed as a place.
  return !words.every((w) => isDateWord(spellingForm(w)));
}

/** What a dateline says, part by part; everything optional but `raw`. */
export interface DatelineParts {
  readonly raw: string;
  readonly date?: string;
  readonly place?: string;
  readonly agency?: string;
  readonly byline?: string;
}

// A bracketed name standing apart (not "لـ«العربي»" inside a sentence).
const BRACKETED = /(?<=^|[\s\-–—|:،,])([([«"“])\s*([^()[\]«»"“”]{1,40}?)\s*[)\]»"”]/g;
const PIECE_SEPARATOR = /\s+[-–—ـ|]+\s+|\s*[|]\s*|[،,;؛]\s+|\s*[:：]\s+|\s+[-–—ـ]+$|^[-–—ـ]+\s+|\s+\/\s+(?=\D)/;

/**
 * A line read as a dateline: its date (Gregorian, or Hijri converted), place, agency and byline.
 * Undefined when the line holds anything else (a sentence, a credit line, a headline).
 */
export function readDateline(line: string, options: { readonly agencyAlone?: boolean } = {}): DatelineParts | undefined {
  const raw = line.replace(/\s+/g, ' ').trim();
  if (raw === '' || raw.length > 160 || CREDIT_LINE.test(raw)) return undefined;
  let agency: string | undefined;
  let byline: string | undefined;
  // Bracketed agencies or papers come out first: "(رويترز)", "«القدس العربي»".
  const rest = raw.replace(BRACKETED, (whole, open: string, inner: string) => {
    if (datesIn(tokens(inner)).length > 0 || tokens(inner).every(isDateWord)) return ` ${inner} `;
    // Papers are quoted («القدس العربي»); in parentheses only a known agency is one ("(وهو مسؤول)" is not).
    const named = open === '(' || open === '[' ? isAgency(inner) : inner.split(/\s+/).length <= 4 && !/[.!?؟]/.test(inner);
    if (agency === undefined && named) {
      agency = inner.trim();
      return ' | ';
    }
    return whole;
  });
  const places: string[] = [];
  const dateWords: string[] = [];
  // "كتب: محمد عثمان - …": the byline runs to the first separator, its own colon included.
  const marked = BYLINE_AT_START.exec(rest);
  if (marked?.[1]) byline = marked[1].trim();
  for (const piece of (marked ? rest.slice(marked[0].length) : rest).split(PIECE_SEPARATOR)) {
    const text = piece?.trim() ?? '';
    if (text === '') continue;
    const words = tokens(text);
    if (words.every(isDateWord)) {
      dateWords.push(text);
      continue;
    }
    if (BYLINE_START.test(text) && byline === undefined && text.length <= 80) {
      byline = text;
      continue;
    }
    if (isAgency(text) && agency === undefined) {
      agency = text;
      continue;
    }
    // "Khartoum Sunday 6 April 2025": a place glued to the date without a separator.
    const split = splitLeadingPlace(text);
    if (split) {
      places.push(split.place);
      dateWords.push(split.date);
      continue;
    }
    // "Cairo, Egypt": a place and its country.
    if (isPlace(text) && (places.length === 0 || (places.length === 1 && dateWords.length === 0))) {
      places.push(text);
      continue;
    }
    return undefined;
  }
  const dateText = dateWords.join(' ');
  const date = dateText ? readDate(dateText) : undefined;
  const weekday = tokens(dateText).some((w) => WEEKDAYS.has(w));
  // A dateline says when (a date, or at least a weekday) or, in wire copy, where and from whom.
  if (!date && !weekday && !(agency !== undefined && (places.length > 0 || options.agencyAlone))) return undefined;
  // A weekday alone beside other words is a headline ("Black Friday deals"), not a dateline.
  if (!date && weekday && (places.length > 0 || byline !== undefined) && agency === undefined) return undefined;
  return {
    raw,
    ...(date ? { date } : {}),
    ...(places.length > 0 ? { place: places.join('، ') } : {}),
    ...(agency ? { agency } : {}),
    ...(byline ? { byline } : {}),
  };
}

function splitLeadingPlace(text: string): { place: string; date: string } | undefined {
  const words = text.split(/\s+/);
  for (let cut = 1; cut <= Math.min(3, words.length - 1); cut += 1) {
    const date = words.slice(cut).join(' ');
    const place = words.slice(0, cut).join(' ');
    if (tokens(date).every(isDateWord) && readDate(date) && isPlace(place)) return { place, date };
  }
  return undefined;
}

/** A short line that is a dateline in any of the shapes above. */
export function looksLikeDateline(line: string): boolean {
  return readDateline(line) !== undefined;
}

export function parseDateline(line: string): Dateline {
  const parts = readDateline(line);
  const raw = line.replace(/\s+/g, ' ').trim();
  return parts?.date === undefined ? { raw } : { raw, date: parts.date };
}

/**
 * The wire dateline glued to a first paragraph ("القاهرة (رويترز) - قال…", "لندن - «القدس العربي»:
 * …", "GAZA, April 6 (Reuters) - …"): the dateline and the paragraph without it, or undefined when
 * the paragraph does not start with one (an agency, or a date, must be in it: "القاهرة - قال" is not).
 */
export function splitWireDateline(paragraph: string): { dateline: DatelineParts; rest: string } | undefined {
  const head = paragraph.slice(0, 90);
  const separator = /(?<=[\s)\]»"”])[-–—ـ:]+\s*/g;
  for (const match of head.matchAll(separator)) {
    const prefix = paragraph.slice(0, match.index).trim();
    const rest = paragraph.slice((match.index ?? 0) + match[0].length).trim();
    if (prefix === '' || rest.length < 20) continue;
    const dateline = readDateline(prefix, { agencyAlone: true });
    if (dateline && (dateline.agency !== undefined || dateline.date !== undefined)) return { dateline, rest };
  }
  return undefined;
}

/**
 * A date as news sites print their date lines ("الاثنين، 23 سبتمبر 2019"; "Monday, 23 September
 * 2019"): weekday, day, month name and year through Intl in `language`, Western digits as most Arabic
 * news sites use. The date is a calendar date, so it is formatted in UTC (no shift by a day).
 */
export function formatDateline(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  const locale = formatLocale(language);
  try {
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
}

/** What the reader prints under the headline, and in which language each part is. */
export interface DatelineView {
  readonly byline?: string;
  /** Where the story was filed and by which agency, as printed (article language). */
  readonly place?: string;
  readonly agency?: string;
  /** The date in the UI language, or the whole line as printed when no date could be read. */
  readonly text: string;
  /** Whether `text` is in the article's language (as printed) or the reader's UI language. */
  readonly textLanguage: 'article' | 'ui';
  readonly date?: string;
  /** The line exactly as the page printed it, for the record (a tooltip). */
  readonly hint?: string;
}

/**
 * The date of a dateline is shown in the reader's language whatever language or calendar the page
 * printed it in; the place and agency stay as printed, and the printed line is kept as the hint.
 */
export function datelineView(dateline: Dateline, uiLanguage: string): DatelineView {
  const byline = dateline.byline ? { byline: dateline.byline } : {};
  const parts = dateline.generated ? undefined : readDateline(dateline.raw);
  const date = dateline.date ?? parts?.date;
  const where = { ...(parts?.place ? { place: parts.place } : {}), ...(parts?.agency ? { agency: parts.agency } : {}) };
  const printedByline = !dateline.byline && parts?.byline ? { byline: parts.byline } : {};
  if (!date) {
    if (parts && (parts.place || parts.agency) && !tokens(dateline.raw).some((w) => WEEKDAYS.has(w))) {
      return { ...byline, ...printedByline, ...where, text: '', textLanguage: 'article', hint: dateline.raw };
    }
    return { ...byline, text: dateline.raw, textLanguage: 'article' };
  }
  const inUiLanguage = formatDateline(date, uiLanguage);
  return dateline.generated
    ? { ...byline, text: inUiLanguage, textLanguage: 'ui', date }
    : { ...byline, ...printedByline, ...where, text: inUiLanguage, textLanguage: 'ui', date, hint: dateline.raw };
}
