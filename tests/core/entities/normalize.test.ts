import { cleanWord, normalizeArabic, stripProclitics } from '../../../src/core/entities/normalize.ts';

describe('normalizeArabic', () => {
  it('removes diacritics and tatweel, unifies alef, ya and ta marbuta, maps digits', () => {
    expect(normalizeArabic('الرئيسَيْن')).toBe('الرئيسين');
    expect(normalizeArabic('مـــصر')).toBe('مصر');
    expect(normalizeArabic('أإآٱا')).toBe('ااااا');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('مدرسة')).toBe('مدرسه');
    expect(normalizeArabic('١٢٣ ۴۵')).toBe('123 45');
    expect(normalizeArabic('NATO')).toBe('nato');
  });
  it('cleans glued punctuation', () => {
    expect(cleanWord('(إيران)،')).toBe('ايران');
  });
  it('strips proclitics but keeps a stem', () => {
    expect(stripProclitics('وايران')).toEqual({ prefix: 'و', stem: 'ايران' });
    expect(stripProclitics('وبالعاصمه')).toEqual({ prefix: 'وبال', stem: 'عاصمه' });
    expect(stripProclitics('للامم')).toEqual({ prefix: 'لل', stem: 'امم' });
    expect(stripProclitics('في').stem).toBe('في');
  });
});
