import approxSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/article';
import { anchor, isOrphan } from '../../../src/core/annotations/anchoring';
import { boundedSearch, FuzzyBudget } from '../../../src/core/annotations/fuzzy-search';
import { locatePassage } from '../../../src/core/links/passage-anchor';

/** The adversarial article of issue 15: 95 paragraphs of 20,000 copies of one letter (1.9 M characters). */
function oneLetterArticle(): Article {
  const blocks = [{ id: 'p-title', kind: 'title' as const, text: 'عنوان' }];
  for (let i = 0; i < 95; i += 1) blocks.push({ id: `p-${i}`, kind: 'paragraph' as never, text: 'ا'.repeat(20_000) });
  return { id: 'one-letter', title: 'عنوان', lang: 'ar', dir: 'rtl', blocks };
}

/** Mostly the repeated letter, with another letter every `every` characters: it almost matches everywhere. */
function nearlyOneLetter(length: number, every: number, other: string): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += i % every === every - 1 ? other : 'ا';
  return text;
}

describe('bounded fuzzy search', () => {
  it('finds what approx-string-match finds: the same lowest error count, at a reported end', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('ا', 'ب', 'ت', ' '), maxLength: 300 }), fc.string({ unit: fc.constantFrom('ا', 'ب', 'ت', ' '), minLength: 1, maxLength: 80 }), fc.nat(20), (text, pattern, maxErrors) => {
        const theirs = approxSearch(text, pattern, maxErrors);
        const ours = boundedSearch(text, 0, text.length, pattern, maxErrors, new FuzzyBudget(Infinity));
        expect(ours).not.toBeNull();
        if (theirs.length === 0) {
          expect(ours).toEqual([]);
          return;
        }
        const ends = new Set(theirs.map((m) => m.end));
        expect(ours!.length).toBeGreaterThan(0);
        for (const m of ours!) {
          expect(m.errors).toBe(theirs[0]!.errors);
          expect(ends.has(m.end)).toBe(true);
          expect(theirs.find((t) => t.end === m.end)?.start).toBe(m.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives up (null) when the scan would cost more than the budget', () => {
    const text = 'ا'.repeat(10_000);
    expect(boundedSearch(text, 0, text.length, 'ب'.repeat(40), 10, new FuzzyBudget(1_000))).toBeNull();
    const budget = new FuzzyBudget(1e9);
    expect(boundedSearch(text, 0, text.length, nearlyOneLetter(40, 8, 'ب'), 10, budget)?.length).toBeGreaterThan(0);
  });

  it('keeps at most 64 candidates however many places nearly match', () => {
    const text = 'ا'.repeat(200_000);
    const found = boundedSearch(text, 0, text.length, nearlyOneLetter(60, 6, 'ق'), 15, new FuzzyBudget(Infinity), 100_000);
    expect(found!.length).toBeLessThanOrEqual(64);
  });
});

describe('anchoring in text where a passage nearly matches everywhere (issue 15: 14–17 s frozen)', () => {
  const article = oneLetterArticle();

  it('a shared passage that almost matches a 1.9 M-character one-letter article is "changed", at once', () => {
    const context = nearlyOneLetter(32, 3, 'ك');
    for (const length of [60, 200, 500]) {
      const passage = { blockId: 'p-gone', quote: nearlyOneLetter(length, 6, 'ق'), prefix: context, suffix: context };
      expect(locatePassage(article, passage)).toEqual({ status: 'changed' });
    }
  });

  it('a long passage (first and last words) whose last words are missing is "changed"', () => {
    const passage = { blockId: 'p-3', quote: 'ا'.repeat(150), quoteEnd: `${'ا'.repeat(149)}ق`, prefix: '', suffix: '' };
    expect(locatePassage(article, passage).status).toBe('changed');
  });

  it('a note on such an article becomes an orphan instead of freezing the page', () => {
    const quote = nearlyOneLetter(300, 5, 'ق');
    const context = nearlyOneLetter(32, 2, 'ك');
    const result = anchor(article, {
      blockId: 'p-40',
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: context, suffix: context },
      position: { type: 'TextPositionSelector', start: 800_000, end: 800_300 },
    });
    expect(isOrphan(result)).toBe(true);
  });

  it('a quote that occurs a million times exactly is still placed, from the first occurrences', () => {
    const quote = 'ا'.repeat(500);
    const result = anchor(article, {
      blockId: 'p-gone',
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'كلمة', suffix: 'أخرى' },
      position: { type: 'TextPositionSelector', start: 1_000_000, end: 1_000_500 },
    });
    expect(isOrphan(result)).toBe(false);
  });
});
