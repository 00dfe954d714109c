import { describe, expect, it } from 'vitest';
import { QUOTE_PREVIEW_LENGTH, quotePreview, readableUrl, systemShareText } from '../../../src/core/links/share-preview';

describe('readableUrl', () => {
  it('shows Arabic letters instead of percent escapes', () => {
    const url = `https://example.org/#/a/x?q=${encodeURIComponent('مهرجان للكتاب')}`;
    expect(readableUrl(url)).toBe('https://example.org/#/a/x?q=مهرجان للكتاب');
  });

  it('keeps escapes that stand for URL syntax, and a URL it cannot decode', () => {
    expect(readableUrl('https://example.org/?q=a%26b')).toBe('https://example.org/?q=a%26b');
    expect(readableUrl('https://example.org/?q=%E0%A4%A')).toBe('https://example.org/?q=%E0%A4%A');
  });
});

describe('quotePreview', () => {
  it('shows a quote up to the preview length whole', () => {
    const quote = 'ك'.repeat(QUOTE_PREVIEW_LENGTH);
    expect(quotePreview(quote)).toBe(quote);
  });

  it('shows a longer quote as its first 140 and last 120 characters', () => {
    const quote = `${'أ'.repeat(140)}${'ب'.repeat(100)}${'ج'.repeat(120)}`;
    expect(quotePreview(quote)).toBe(`${'أ'.repeat(140)} … ${'ج'.repeat(120)}`);
  });
});

describe('systemShareText', () => {
  it('offers the first 200 characters of the quote', () => {
    expect(systemShareText('قصير')).toBe('قصير');
    expect(systemShareText('د'.repeat(250))).toBe('د'.repeat(200));
  });
});
