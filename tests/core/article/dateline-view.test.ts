import { describe, expect, it } from 'vitest';
import { datelineView } from '../../../src/core/article/dateline';

describe('datelineView', () => {
  it('shows a date found only in the markup in the interface language', () => {
    const line = { raw: 'الاثنين، 23 سبتمبر 2019', date: '2019-09-23', generated: true };
    expect(datelineView(line, 'en')).toEqual({ text: 'Monday, September 23, 2019', textLanguage: 'ui', date: '2019-09-23' });
    expect(datelineView(line, 'ar')).toMatchObject({ text: 'الاثنين، 23 سبتمبر 2019', textLanguage: 'ui' });
  });

  it('keeps a printed date line as printed, with the interface-language date as a hint', () => {
    const line = { raw: 'الخميس 19 Sep / September 2024', date: '2024-09-19' };
    expect(datelineView(line, 'en')).toEqual({
      text: 'الخميس 19 Sep / September 2024',
      textLanguage: 'article',
      date: '2024-09-19',
      hint: 'Thursday, September 19, 2024',
    });
  });

  it('keeps the byline apart from the date, and a line without a date as it is', () => {
    expect(datelineView({ raw: 'الاثنين، 5 فبراير 2024', date: '2024-02-05', byline: 'سارة المصري', generated: true }, 'en')).toMatchObject({
      byline: 'سارة المصري',
      text: 'Monday, February 5, 2024',
    });
    expect(datelineView({ raw: 'سارة المصري' }, 'en')).toEqual({ text: 'سارة المصري', textLanguage: 'article' });
  });
});
