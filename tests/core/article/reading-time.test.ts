import { describe, expect, it } from 'vitest';
import { blockWords, minutesLeft, readFraction, wordsPerMinute } from '../../../src/core/article/reading-time';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';

describe('reading time', () => {
  it('reads Arabic more slowly in words than English (clitics make fewer, longer words)', () => {
    expect(wordsPerMinute('ar')).toBe(138);
    expect(wordsPerMinute('ar-EG')).toBe(138);
    expect(wordsPerMinute('en')).toBe(228);
    expect(wordsPerMinute('fr')).toBe(184);
  });

  it('counts whole minutes left, rounded up, none once read', () => {
    expect(minutesLeft(366, 0, 'ar')).toBe(3);
    expect(minutesLeft(366, 0.5, 'ar')).toBe(2);
    expect(minutesLeft(366, 0.99, 'ar')).toBe(1);
    expect(minutesLeft(366, 1, 'ar')).toBe(0);
    expect(minutesLeft(0, 0, 'ar')).toBe(0);
    expect(minutesLeft(366, 0, 'en')).toBe(2);
    expect(minutesLeft(366, -1, 'ar')).toBe(3);
  });

  it('measures the position in words: the blocks above the top of the window, and the part of the top one read', () => {
    const article = parsePlainTextArticle('عنوان قصير\n\nواحد اثنان ثلاثة أربعة\n\nخمسة ستة سبعة ثمانية تسعة عشرة', { id: 'x' });
    const words = blockWords(article);
    expect(words).toEqual([2, 4, 6]);
    expect(readFraction(words, 0, 0)).toBe(0);
    expect(readFraction(words, 1, 0)).toBeCloseTo(2 / 12);
    expect(readFraction(words, 2, 0.5)).toBeCloseTo(9 / 12);
    expect(readFraction(words, 3, 0)).toBe(1);
    expect(readFraction([], 0, 0)).toBe(0);
  });
});
