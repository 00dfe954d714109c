import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/article/article';
import { articleLeadPreview, articleWordCount, countWords, LEAD_PREVIEW_LENGTH, truncateText } from '../../../src/core/article/summary';

const blocks = (...list: Array<[Block['kind'], string]>): { blocks: Block[] } => ({ blocks: list.map(([kind, text], i) => ({ id: `b${i}`, kind, text })) });

describe('truncateText', () => {
  it('keeps text up to the limit and cuts longer text with an ellipsis', () => {
    expect(truncateText('أبجد', 4)).toBe('أبجد');
    expect(truncateText('أبجده', 4)).toBe('أبجد…');
    expect(truncateText('', 4)).toBe('');
  });
});

describe('countWords', () => {
  it('counts what splitting on \\s would, for any white space', () => {
    const bySplit = (text: string) => (text.trim() === '' ? 0 : text.trim().split(/\s+/).length);
    const unit = fc.constantFrom('و', 'ق', 'a', '،', '-', ' ', '\t', '\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\u200f');
    fc.assert(fc.property(fc.array(unit, { maxLength: 30 }).map((u) => u.join('')), (text) => countWords(text) === bySplit(text)));
    expect(countWords('  قال\u00a0الوزير،\u2003أمس ')).toBe(3);
  });
});

describe('articleWordCount', () => {
  it('counts the words of every block, the title included', () => {
    expect(articleWordCount(blocks(['title', 'عنوان الخبر'], ['lead', ' قال الوزير، '], ['paragraph', 'وأضاف أن - الحكومة']))).toBe(2 + 2 + 4);
    expect(articleWordCount(blocks())).toBe(0);
  });
});

describe('articleLeadPreview', () => {
  it('takes the first lead or paragraph, skipping the title and headings', () => {
    expect(articleLeadPreview(blocks(['title', 'عنوان'], ['heading', 'فرعي'], ['paragraph', 'الفقرة الأولى'], ['lead', 'مقدمة']))).toBe('الفقرة الأولى');
    expect(articleLeadPreview(blocks(['title', 'عنوان'], ['lead', 'مقدمة'], ['paragraph', 'فقرة']))).toBe('مقدمة');
  });

  it('cuts a long lead to the preview length', () => {
    const long = 'ب'.repeat(LEAD_PREVIEW_LENGTH + 5);
    expect(articleLeadPreview(blocks(['title', 'عنوان'], ['paragraph', long]))).toBe(`${'ب'.repeat(LEAD_PREVIEW_LENGTH)}…`);
  });

  it('is empty when the article has only a title', () => {
    expect(articleLeadPreview(blocks(['title', 'عنوان']))).toBe('');
  });
});
