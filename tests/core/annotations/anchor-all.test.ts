import { describe, expect, it } from 'vitest';
import { anchorAll } from '../../../src/core/annotations/anchor-all';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation } from '../../../src/core/annotations/annotation';
import { articleText, blockSpans, type Article } from '../../../src/core/article/article';

const article: Article = {
  id: 'a',
  title: 'عنوان',
  lang: 'ar',
  dir: 'rtl',
  blocks: [
    { id: 't', kind: 'title', text: 'عنوان' },
    { id: 'p1', kind: 'paragraph', text: 'الفقرة الأولى من المقال فيها كلام كثير ومفيد.' },
    { id: 'p2', kind: 'paragraph', text: 'الفقرة الثانية تكمل الحديث عن الموضوع نفسه.' },
  ],
};
const text = articleText(article);
const make = (quote: string, end?: string) => {
  const start = text.indexOf(quote);
  const stop = end ? text.indexOf(end) + end.length : start + quote.length;
  return createAnnotation({ articleId: 'a', selectors: describeRange(article, { start, end: stop }) });
};

describe('anchorAll', () => {
  it('cuts a highlight spanning paragraphs into block-relative pieces; orphans are kept apart', () => {
    const across = make('كثير ومفيد', 'الفقرة الثانية');
    const inside = make('تكمل الحديث');
    const lost = { ...make('عنوان'), target: { blockId: 'zz', selectors: [{ type: 'TextQuoteSelector', exact: 'ليس في النص على الإطلاق أبدًا', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 29 }] } } as ReturnType<typeof make>;
    const set = anchorAll(article, [inside, lost, across]);
    expect(set.anchored.map((a) => a.annotation.id)).toEqual([across.id, inside.id]);
    expect(set.orphans.map((a) => a.id)).toEqual([lost.id]);
    const [, p1, p2] = blockSpans(article);
    const d1 = set.decorations.get('p1')!;
    expect(d1).toEqual([{ kind: 'highlight', id: across.id, variant: 'yellow', start: text.indexOf('كثير') - p1!.start, end: p1!.block.text.length }]);
    const d2 = set.decorations.get('p2')!;
    expect(d2.map((d) => [d.id, d.start, d.end])).toEqual([
      [across.id, 0, 'الفقرة الثانية'.length],
      [inside.id, text.indexOf('تكمل') - p2!.start, text.indexOf('تكمل') - p2!.start + 'تكمل الحديث'.length],
    ]);
  });
});
