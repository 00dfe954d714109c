import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange, snapToWords } from '../../../src/core/annotations/anchoring';
import { locatePassage } from '../../../src/core/links/passage-anchor';
import { parseRoute } from '../../../src/core/links/routes';
import { decodeSharedArticle, encodeSharedArticle, parsePassageParams, passageFromSelectors, passageLink } from '../../../src/core/links/share-link';

/** Paragraphs of distinct made-up words (with emoji and digits mixed in), so every passage is unique. */
function makeArticle(seed: number): Article {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let counter = 0;
  const word = () => {
    counter += 1;
    const stem = Array.from({ length: 3 + Math.floor(next() * 4) }, () => letters[Math.floor(next() * letters.length)]).join('');
    return next() < 0.05 ? `${stem}${counter}🙂` : `${stem}${counter.toString(36)}`;
  };
  const paragraphs = Array.from({ length: 4 + Math.floor(next() * 6) }, () => `${Array.from({ length: 20 + Math.floor(next() * 80) }, word).join(' ')}.`);
  return parsePlainTextArticle(`عنوان ${word()} ${word()}\n\n${paragraphs.join('\n\n')}`, { id: `gen-${seed}` });
}

describe('passage links, for any selection', () => {
  it('come back to exactly the selected text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, a, b) => {
        const article = makeArticle(seed);
        const text = articleText(article);
        const range = snapToWords(text, { start: Math.floor(Math.min(a, b) * text.length), end: Math.floor(Math.max(a, b) * text.length) });
        fc.pre(range.end > range.start && text.slice(range.start, range.end).trim() !== '');
        const passage = passageFromSelectors(describeRange(article, range), 'ملاحظة 🙂');
        const url = passageLink(article.id, passage, 'https://example.org/#/');
        const route = parseRoute(url.slice(url.indexOf('#')));
        if (route.name !== 'article') throw new Error('not an article route');
        const parsed = parsePassageParams(route.blockId, route.params);
        if (parsed.status !== 'ok') throw new Error(`parse: ${parsed.status}`);
        expect(parsed.passage).toEqual(passage);
        const found = locatePassage(article, parsed.passage);
        expect(found).toMatchObject({ status: 'found', start: range.start, end: range.end });
      }),
      { numRuns: 150 },
    );
  });
});

describe('self-contained links, for any bytes', () => {
  it('never throw and report a problem for garbage', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 400 }), async (d) => {
        const result = await decodeSharedArticle({ v: '1', d });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('never turn a one-character change into a different article', async () => {
    const article = makeArticle(42);
    const data = await encodeSharedArticle(article);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: data.length - 1 }), fc.nat({ max: alphabet.length - 1 }), async (at, pick) => {
        const replacement = alphabet[pick]!;
        fc.pre(replacement !== data[at]);
        const tampered = data.slice(0, at) + replacement + data.slice(at + 1);
        const result = await decodeSharedArticle({ v: '1', d: tampered });
        // Never a different article: a change is caught (inflate, Adler-32, schema) or hit only bits nobody
        // reads (base64 padding, the unused bits after deflate's end-of-block code).
        if (result.ok) expect(result.article).toEqual(article);
      }),
      { numRuns: 150 },
    );
  });
});
