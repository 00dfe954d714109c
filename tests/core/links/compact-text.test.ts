import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { decodeCompactText, encodeCompactText } from '../../../src/core/links/compact-text';
import { locatePassage } from '../../../src/core/links/passage-anchor';
import { parseRoute } from '../../../src/core/links/routes';
import { parsePassageParams, passageFromSelectors, passageLink } from '../../../src/core/links/share-link';

describe('compact text', () => {
  it('round-trips any string, including escapes, Latin, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(decodeCompactText(encodeCompactText(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
    for (const text of ['*0041', 'abc-_*', 'بوتين رئيسي ، ؟ 2024.', '🙂 مرحبًا']) expect(decodeCompactText(encodeCompactText(text))).toBe(text);
  });

  it('spells an Arabic letter with one character and survives URL encoding unchanged', () => {
    const encoded = encodeCompactText('زار هذا الأسبوع');
    expect(encoded).toHaveLength('زار هذا الأسبوع'.length);
    expect(new URLSearchParams({ q: encoded }).toString()).toBe(`q=${encoded.replaceAll(' ', '+')}`);
  });

  it('refuses a broken escape', () => {
    expect(decodeCompactText('ab*12')).toBeNull();
    expect(decodeCompactText('*zzzz')).toBeNull();
  });
});

describe('passage link length', () => {
  const sample = parsePlainTextArticle(readFileSync('public/articles/putin-raisi-call.txt', 'utf8'), { id: 'putin-raisi-call' });
  const text = articleText(sample);
  const PAGE = 'http://localhost:5173/#/';

  it('is about a third of the plain format for a 10-word passage, and opens the same passage', () => {
    const quote = 'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا، اليوم السبت بنظيره';
    expect(quote.split(' ')).toHaveLength(10);
    const start = text.indexOf(quote);
    const passage = passageFromSelectors(describeRange(sample, { start, end: start + quote.length }));
    const plain = passageLink(sample.id, passage, PAGE, 1);
    const compact = passageLink(sample.id, passage, PAGE);
    console.info(`10-word passage link: ${plain.length} characters (format 1) -> ${compact.length} (format 2)`);
    expect(compact.length).toBeLessThanOrEqual(260);
    expect(compact.length).toBeLessThan(plain.length * 0.4);
    for (const url of [plain, compact]) {
      const route = parseRoute(url.slice(url.indexOf('#')));
      if (route.name !== 'article') throw new Error('not an article route');
      const parsed = parsePassageParams(route.blockId, route.params);
      if (parsed.status !== 'ok') throw new Error(parsed.status);
      expect(parsed.passage).toEqual(passage);
      expect(locatePassage(sample, parsed.passage)).toMatchObject({ status: 'found', start, end: start + quote.length });
    }
  });

  it('refuses a format-2 value that cannot be decoded or is over its cap before decoding', () => {
    expect(parsePassageParams('p-abc', { q: 'ab*zz', v: '2' })).toEqual({ status: 'invalid', problem: 'malformed' });
    expect(parsePassageParams('p-abc', { q: 'a'.repeat(3_000), v: '2' })).toEqual({ status: 'invalid', problem: 'too-large' });
    expect(parsePassageParams('p-abc', { q: 'x', v: '3' })).toEqual({ status: 'invalid', problem: 'version' });
  });
});
