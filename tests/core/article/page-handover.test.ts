import { describe, expect, it } from 'vitest';
import { bookmarkletHref, readPageMessage, sharedInput } from '../../../src/core/article/page-handover';
import { IMPORT_LIMITS } from '../../../src/core/limits';

const page = { type: 'hashiya-page', v: 1, url: 'https://www.aljazeera.net/news/1', title: 'عنوان', html: '<p>نص</p>' };

describe('the bookmarklet message', () => {
  it('accepts a page and nothing else', () => {
    expect(readPageMessage(page)).toEqual(page);
    expect(readPageMessage({ ...page, extra: 'ignored' })).toEqual(page);
    for (const bad of [
      { ...page, url: 'javascript:alert(1)' },
      { ...page, url: `https://x.org/${'a'.repeat(IMPORT_LIMITS.bookmarkletUrlLength)}` },
      { ...page, html: '' },
      { ...page, html: 'x'.repeat(IMPORT_LIMITS.bookmarkletHtmlLength + 1) },
      { ...page, v: 2 },
      { ...page, type: 'other' },
      '<img src=x onerror=alert(1)>',
      null,
      [page],
    ]) {
      expect(readPageMessage(bad)).toBeUndefined();
    }
  });

  it('posts only to Hashiya’s origin and opens its library', () => {
    const href = bookmarkletHref('https://reader.example/hashiya/?x=1#/a/1');
    expect(href.startsWith('javascript:')).toBe(true);
    const code = decodeURIComponent(href.slice('javascript:'.length));
    expect(code).toContain('O="https://reader.example"');
    expect(code).toContain('A="https://reader.example/hashiya/?x=1#/"');
    expect(code).toContain('w.postMessage(m,O)');
    expect(code).not.toContain("'*'");
  });
});

describe('the share target', () => {
  it('joins title, text and link, without repeating a link the text holds', () => {
    expect(sharedInput('?share-title=عنوان&share-text=نص&share-url=https%3A%2F%2Fx.org%2F1')).toEqual({ text: 'عنوان\n\nنص', url: 'https://x.org/1' });
    expect(sharedInput('?share-text=نص%20https%3A%2F%2Fx.org%2F1')).toEqual({ text: 'نص', url: 'https://x.org/1' });
    expect(sharedInput('?share-text=نص&share-url=javascript%3Aalert(1)')).toEqual({ text: 'نص' });
    // Control and bidi characters never reach a shared title or address.
    expect(sharedInput('?share-title=%E2%80%AEعنوان%00&share-text=نص&share-url=https%3A%2F%2Fx.org%2F%E2%80%AE1')).toEqual({ text: 'عنوان\n\nنص', url: 'https://x.org/1' });
    expect(sharedInput('')).toBeUndefined();
  });
});
