import { describe, expect, it } from 'vitest';
import { hijriToIso, looksLikeDateline, readDateline, splitWireDateline } from '../../../src/core/article/dateline';

/**
 * Datelines as Arabic and English news sites and wire services print them. Only the first row is
 * the bundled sample's; the rest follow the shapes of real sites (place first, agency in brackets,
 * date first, Hijri with Gregorian, Levantine, Maghrebi and English month names, Arabic-Indic digits).
 */
const DATELINES: readonly [string, { date?: string; place?: string; agency?: string; byline?: string }][] = [
  ['الخميس 19 Sep / September 2024', { date: '2024-09-19' }],
  ['الخرطوم - الأحد 6 أبريل 2025', { date: '2025-04-06', place: 'الخرطوم' }],
  ['الخرطوم – الأحد، 6 أبريل/نيسان 2025', { date: '2025-04-06', place: 'الخرطوم' }],
  ['القاهرة (رويترز)', { place: 'القاهرة', agency: 'رويترز' }],
  ['بيروت - (أ ف ب)', { place: 'بيروت', agency: 'أ ف ب' }],
  ['لندن - «القدس العربي»', { place: 'لندن', agency: 'القدس العربي' }],
  ['رام الله - وفا', { place: 'رام الله', agency: 'وفا' }],
  ['الدوحة - قنا - الأربعاء 12 مارس 2025', { date: '2025-03-12', place: 'الدوحة', agency: 'قنا' }],
  ['الأحد 8 شوال 1446 هـ الموافق 6 أبريل 2025 م', { date: '2025-04-06' }],
  ['السبت 1 رمضان 1445هـ - 9 مارس 2024م', { date: '2024-03-09' }],
  ['الجمعة 15 ذو الحجة 1445 هـ', { date: '2024-06-21' }],
  ['الاثنين ٢٣ ربيع الأول ١٤٤٦ هـ', { date: '2024-09-26' }],
  ['6 أبريل 2025 - الخرطوم', { date: '2025-04-06', place: 'الخرطوم' }],
  ['الثلاثاء 12 آذار 2024 | دمشق', { date: '2024-03-12', place: 'دمشق' }],
  ['الثلاثاء ١٢ كانون الثاني ٢٠٢١', { date: '2021-01-12' }],
  ['الأربعاء 5 شباط 2025 - 10:30 صباحا بتوقيت القدس', { date: '2025-02-05' }],
  ['الجزائر في 14 جويلية 2024', { date: '2024-07-14', place: 'الجزائر' }],
  ['الرباط: 3 شتنبر 2023', { date: '2023-09-03', place: 'الرباط' }],
  ['تونس - الخميس 20 فيفري 2025', { date: '2025-02-20', place: 'تونس' }],
  ['نشر في: 06/04/2025 - 10:32 م', { date: '2025-04-06' }],
  ['آخر تحديث: 2025-04-06 14:05 (ت.غ)', { date: '2025-04-06' }],
  ['نُشر بتاريخ ٢٠٢٤/١١/٠٣', { date: '2024-11-03' }],
  ['KHARTOUM (Reuters)', { place: 'KHARTOUM', agency: 'Reuters' }],
  ['GAZA, April 6 (Reuters)', { place: 'GAZA', agency: 'Reuters' }],
  ['Sunday, April 6, 2025 10:30 GMT', { date: '2025-04-06' }],
  ['Published 6 April 2025, 10:30 GMT+3', { date: '2025-04-06' }],
  ['Updated: Apr. 6, 2025 at 11:02 AM EDT', { date: '2025-04-06' }],
  ['Cairo, Egypt - Thursday 19 September 2024', { date: '2024-09-19', place: 'Cairo، Egypt' }],
  ['Beirut (AFP) - Monday 4th March 2024', { date: '2024-03-04', place: 'Beirut', agency: 'AFP' }],
  ['كتب: محمد عثمان - الخميس 19 سبتمبر 2024', { date: '2024-09-19', byline: 'كتب: محمد عثمان' }],
  ['By Sara Ahmed | Friday, 21 June 2024', { date: '2024-06-21', byline: 'By Sara Ahmed' }],
  ['عمّان - بترا - السبت 2 تشرين الثاني 2024', { date: '2024-11-02', place: 'عمّان', agency: 'بترا' }],
  ['الأحد ٣ آذار ٢٠٢٤', { date: '2024-03-03' }],
  ['غزة - الجزيرة نت', { place: 'غزة', agency: 'الجزيرة نت' }],
];

/** Lines that carry a date or a name but are not datelines. */
const NOT_DATELINES = [
  'DESIGNED BY AHMED SALEH 2019',
  'جميع الحقوق محفوظة © 2024 - تصميم وتطوير شركة النور',
  'Copyright © 2019 May Studio. All rights reserved.',
  'قال الرئيس في 6 أبريل 2025 إن الحكومة ستعلن خطة جديدة',
  'بوتين يهاتف رئيسي حول التعاون بين روسيا وإيران',
  'Black Friday deals across the region',
  'الخرطوم - قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل',
  'تقرير لـ"العربي" يرصد قوة المسيرات الإيرانية',
];

describe('readDateline', () => {
  it(`reads ${DATELINES.length} datelines of every common shape`, () => {
    expect(DATELINES.length).toBeGreaterThanOrEqual(30);
    for (const [line, expected] of DATELINES) {
      const parts = readDateline(line);
      expect(parts, line).toBeDefined();
      expect({ date: parts?.date, place: parts?.place, agency: parts?.agency, byline: parts?.byline }, line).toEqual({
        date: expected.date,
        place: expected.place,
        agency: expected.agency,
        byline: expected.byline,
      });
      expect(parts?.raw).toBe(line.replace(/\s+/g, ' ').trim());
    }
  });

  it('never takes a credit line, a sentence or a headline for a dateline', () => {
    for (const line of NOT_DATELINES) expect(looksLikeDateline(line), line).toBe(false);
  });

  it('converts Umm al-Qura Hijri dates and refuses impossible ones', () => {
    expect(hijriToIso(1446, 10, 8)).toBe('2025-04-06');
    expect(hijriToIso(1445, 9, 1)).toBe('2024-03-11');
    expect(hijriToIso(1446, 13, 1)).toBeUndefined();
    expect(hijriToIso(900, 1, 1)).toBeUndefined();
  });

  it('refuses an impossible Gregorian date', () => {
    expect(readDateline('الأحد 31 فبراير 2025')?.date).toBeUndefined();
  });
});

describe('splitWireDateline', () => {
  it('takes the wire dateline off the first paragraph', () => {
    expect(splitWireDateline('القاهرة (رويترز) - قال مسؤولون مصريون إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.')).toEqual({
      dateline: { raw: 'القاهرة (رويترز)', place: 'القاهرة', agency: 'رويترز' },
      rest: 'قال مسؤولون مصريون إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.',
    });
    expect(splitWireDateline('لندن - «القدس العربي»: أعلنت الحكومة البريطانية اليوم خطة جديدة للهجرة.')?.dateline).toMatchObject({ place: 'لندن', agency: 'القدس العربي' });
    expect(splitWireDateline('GAZA, April 6 (Reuters) - Israeli strikes killed at least 30 people overnight, medics said.')?.rest).toBe(
      'Israeli strikes killed at least 30 people overnight, medics said.',
    );
    expect(splitWireDateline('(أ ف ب) - أعلنت الشرطة الفرنسية توقيف ثلاثة أشخاص في باريس.')?.dateline.agency).toBe('أ ف ب');
  });

  it('leaves a paragraph that only starts with a place alone', () => {
    expect(splitWireDateline('القاهرة - قال مسؤولون مصريون إن المحادثات ستستأنف الأسبوع المقبل.')).toBeUndefined();
    expect(splitWireDateline('وقال المتحدث (وهو مسؤول رفيع) - في تصريح مقتضب - إن الوفد وصل.')).toBeUndefined();
  });
});
