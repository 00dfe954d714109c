import { describe, expect, it } from 'vitest';
import { datelineView } from '../../../src/core/article/dateline';

describe('datelineView', () => {
  it('shows a date found only in the markup in the interface language', () => {
    const line = { raw: 'الاثنين، 23 سبتمبر 2019', date: '2019-09-23', generated: true };
    expect(datelineView(line, 'en')).toEqual({ text: 'Monday, September 23, 2019', textLanguage: 'ui', date: '2019-09-23' });
    expect(datelineView(line, 'ar')).toMatchObject({ text: 'الاثنين، 23 سبتمبر 2019', textLanguage: 'ui' });
  });

  it('shows a printed date in the interface language (English month names too), keeping the printed line as the hint', () => {
    const line = { raw: 'الخميس 19 Sep / September 2024', date: '2024-09-19' };
    expect(datelineView(line, 'en')).toEqual({ text: 'Thursday, September 19, 2024', textLanguage: 'ui', date: '2024-09-19', hint: 'الخميس 19 Sep / September 2024' });
    expect(datelineView(line, 'ar')).toMatchObject({ text: 'الخميس، 19 سبتمبر 2024', textLanguage: 'ui' });
  });

  it('keeps the place and agency as printed beside the date, and reads lines stored before dates were parsed', () => {
    expect(datelineView({ raw: 'الخرطوم - الأحد 6 أبريل 2025' }, 'en')).toEqual({
      place: 'الخرطوم',
      text: 'Sunday, April 6, 2025',
      textLanguage: 'ui',
      date: '2025-04-06',
      hint: 'الخرطوم - الأحد 6 أبريل 2025',
    });
    expect(datelineView({ raw: 'القاهرة (رويترز)' }, 'ar')).toEqual({ place: 'القاهرة', agency: 'رويترز', text: '', textLanguage: 'article', hint: 'القاهرة (رويترز)' });
    expect(datelineView({ raw: 'الأحد 8 شوال 1446 هـ الموافق 6 أبريل 2025 م' }, 'ar')).toMatchObject({ text: 'الأحد، 6 أبريل 2025', date: '2025-04-06' });
  });

  it('keeps the byline apart from the date, and a line without a date as it is', () => {
    expect(datelineView({ raw: 'الاثنين، 5 فبراير 2024', date: '2024-02-05', byline: 'سارة المصري', generated: true }, 'en')).toMatchObject({
      byline: 'سارة المصري',
      text: 'Monday, February 5, 2024',
    });
    expect(datelineView({ raw: 'سارة المصري' }, 'en')).toEqual({ text: 'سارة المصري', textLanguage: 'article' });
  });
});
