import { describe as suite, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { wordSelection } from '../../../src/core/annotations/selection';
import { articleFromParagraphs } from './article-fixtures';

const article = articleFromParagraphs(['عنوان الخبر', 'قال وزير الاقتصاد في مؤتمر صحفي', 'وأضاف أن الحكومة ستواصل الدعم']);
const text = articleText(article);

suite('wordSelection', () => {
  it('widens half-selected words and reports the quote and the starting block', () => {
    const start = text.indexOf('وزير') + 2;
    const end = text.indexOf('الاقتصاد') + 3;
    const selection = wordSelection(article, { start, end });
    expect(selection).toEqual({
      blockId: article.blocks[1]!.id,
      start: text.indexOf('وزير'),
      end: text.indexOf('الاقتصاد') + 'الاقتصاد'.length,
      quote: 'وزير الاقتصاد',
    });
  });

  it('accepts a backwards range', () => {
    const start = text.indexOf('الحكومة');
    const selection = wordSelection(article, { start: start + 'الحكومة'.length, end: start });
    expect(selection?.quote).toBe('الحكومة');
  });

  it('names the block the selection starts in when it spans blocks', () => {
    const selection = wordSelection(article, { start: text.indexOf('صحفي'), end: text.indexOf('وأضاف') + 2 });
    expect(selection?.blockId).toBe(article.blocks[1]!.id);
    expect(selection?.quote).toBe('صحفي\n\nوأضاف');
  });

  it('is null when only whitespace between non-letters is selected', () => {
    const punctuated = articleFromParagraphs(['عنوان', '« — »']);
    const gap = articleText(punctuated).indexOf(' ');
    expect(wordSelection(punctuated, { start: gap, end: gap + 1 })).toBeNull();
  });
});
