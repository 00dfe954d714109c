import { describe, expect, it } from 'vitest';
import { formatLocale } from '../../../src/core/text/format-locale';

describe('formatLocale', () => {
  it('asks for Western digits in Arabic, whatever the engine’s default', () => {
    expect(formatLocale('ar')).toBe('ar-u-nu-latn');
    expect(formatLocale('ar-EG')).toBe('ar-EG-u-nu-latn');
    expect(new Intl.NumberFormat(formatLocale('ar')).format(6)).toBe('6');
    expect(new Intl.NumberFormat('ar-u-nu-arab').format(6)).toBe('٦');
  });

  it('leaves other languages and an explicit choice alone', () => {
    expect(formatLocale('en')).toBe('en');
    expect(formatLocale('arn')).toBe('arn');
    expect(formatLocale('ar-u-nu-arab')).toBe('ar-u-nu-arab');
  });
});
