import { cleanWord, normaliseArabic, stripProclitics } from '../src/normalise.ts';

describe('normaliseArabic', () => {
  it('removes diacritics and tatweel, unifies alef, ya and ta marbuta, maps digits', () => {
    expect(normaliseArabic('الرئيسَيْن')).toBe('الرئيسين');
    expect(normaliseArabic('مـــصر')).toBe('مصر');
    expect(normaliseArabic('أإآٱا')).toBe('ااااا');
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('مدرسة')).toBe('مدرسه');
    expect(normaliseArabic('١٢٣ ۴۵')).toBe('123 45');
    expect(normaliseArabic('NATO')).toBe('nato');
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
