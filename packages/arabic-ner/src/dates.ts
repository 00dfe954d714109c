// Rule layer for dates and times, which ANERcorp does not label.
import { GREGORIAN_MONTHS, HIJRI_MONTHS, LEVANTINE_MONTHS, WEEKDAYS } from './lexicon.ts';

export interface DateSpan { start: number; end: number }

// Diacritics/tatweel may sit between letters; alef forms vary.
const MARKS = '[\\u064B-\\u065F\\u0670\\u0640]*';
function fuzzy(word: string): string {
  return [...word].map((ch) => {
    const c = /[اأإآ]/.test(ch) ? '[اأإآ]' : ch === 'ي' || ch === 'ى' ? '[يى]' : ch === 'ة' || ch === 'ه' ? '[ةه]' : ch === ' ' ? '\\s+' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return c + MARKS;
  }).join('');
}
const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(fuzzy).join('|');

const LATIN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH = `(?:${alt([...GREGORIAN_MONTHS, ...LEVANTINE_MONTHS, ...HIJRI_MONTHS])}|${LATIN_MONTHS})`;
const WEEKDAY = `(?:${alt(WEEKDAYS)})`;
const NUM = '[0-9\\u0660-\\u0669]{1,4}';
const B = '(?![\\p{L}\\p{M}])';

const PATTERNS: RegExp[] = [
  // [weekday] [day] month[/ month] [year] [هـ/م]
  new RegExp(`(?:${WEEKDAY}\\s*[،,]?\\s*)?(?:${NUM}\\s*(?:من\\s+)?)?${MONTH}(?:\\s*[/\\\\-]\\s*${MONTH})*(?:\\s*(?:من\\s+)?(?:عام\\s+)?${NUM}(?:\\s*[هم]ـ?${B})?)?${B}`, 'gu'),
  // "22 من الشهر الجاري", "مطلع الشهر الماضي", "الأسبوع المقبل"
  new RegExp(`(?:${NUM}\\s+من\\s+)?(?:${fuzzy('الشهر')}|${fuzzy('الأسبوع')}|${fuzzy('العام')}|${fuzzy('السنة')})\\s+(?:${alt(['الجاري', 'الماضي', 'المقبل', 'القادم', 'الحالي', 'المنصرم'])})${B}`, 'gu'),
  // "اليوم السبت", bare weekday
  new RegExp(`(?:${fuzzy('اليوم')}\\s+|${fuzzy('يوم')}\\s+)?${WEEKDAY}${B}`, 'gu'),
  // "عام 2024", "سنة 1990"
  new RegExp(`(?:${alt(['عام', 'سنة', 'العام'])})\\s+${NUM}${B}`, 'gu'),
  // times: 10:30, "الساعة العاشرة"
  new RegExp(`(?:${fuzzy('الساعة')}\\s+)?[0-9\\u0660-\\u0669]{1,2}:[0-9\\u0660-\\u0669]{2}${B}`, 'gu'),
];

/** Date / time spans in text, longest-first without overlaps. A leading clitic (و ب ل ف) is left out. */
export function findDates(text: string): DateSpan[] {
  const found: DateSpan[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let start = m.index ?? 0;
      let end = start + m[0].length;
      // Must start at a word boundary or right after a one-letter clitic.
      const before = text[start - 1] ?? ' ';
      if (/[\p{L}\p{M}]/u.test(before)) {
        const b2 = text[start - 2] ?? ' ';
        if (!(/[وفبل]/.test(before) && !/[\p{L}\p{M}]/u.test(b2))) continue;
      }
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      if (end > start) found.push({ start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateSpan[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) { if (s.end > last.end) last.end = s.end; continue; }
    out.push({ ...s });
  }
  return out;
}
