import { describe, expect, it } from 'vitest';
import { anchorAll, ProgressiveAnchoring } from '../../../src/core/annotations/anchor-all';
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

describe('ProgressiveAnchoring', () => {
  // Twenty paragraphs, one highlight in each: enough to see the order.
  const long: Article = {
    id: 'long',
    title: 'عنوان',
    lang: 'ar',
    dir: 'rtl',
    blocks: [
      { id: 't', kind: 'title', text: 'عنوان' },
      ...Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, kind: 'paragraph' as const, text: `الفقرة رقم ${i} فيها جملة مميزة رقم ${i} وكلام آخر.` })),
    ],
  };
  const longText = articleText(long);
  const highlights = Array.from({ length: 20 }, (_, i) => {
    const quote = `جملة مميزة رقم ${i} `;
    const start = longText.indexOf(quote);
    return createAnnotation({ articleId: 'long', selectors: describeRange(long, { start, end: start + quote.length - 1 }) });
  });
  const stopAt = (n: number) => {
    let left = n;
    return () => left-- <= 0;
  };

  it('anchors the blocks on screen first, then outwards, and ends with what anchorAll gives', () => {
    const job = new ProgressiveAnchoring(long, highlights);
    // On screen: blocks 10..12 (p9..p11); nothing more in this slice.
    expect([...job.step(10, 12, () => true)].sort()).toEqual(['p10', 'p11', 'p9']);
    expect(job.remaining).toBe(17);
    // Next slice of two: the nearest remaining blocks around block 10.
    const next = [...job.step(10, 12, stopAt(2))];
    expect(next.sort()).toEqual(['p12', 'p8']);
    while (job.remaining > 0) job.step(0, -1, stopAt(3));
    const all = anchorAll(long, highlights);
    for (const block of long.blocks) {
      expect(job.blockDecorations(block.id)).toEqual(all.decorations.get(block.id) ?? []);
    }
  });

  it('reuses earlier results for unchanged annotations and anchors an edited one again', () => {
    const first = new ProgressiveAnchoring(long, highlights);
    first.step(0, long.blocks.length, () => false);
    const results = first.results();
    expect(results.size).toBe(20);
    // A forged earlier result proves it is reused rather than recomputed.
    const forged = new Map(results);
    const zero = highlights[0]!;
    forged.set(`${zero.id}\u0000${zero.modified}`, { start: 0, end: 3, method: 'position' });
    const edited = { ...highlights[1]!, modified: new Date(Date.parse(highlights[1]!.modified) + 1000).toISOString() };
    forged.set(`${edited.id}\u0000${highlights[1]!.modified}`, { start: 0, end: 3, method: 'position' });
    const again = new ProgressiveAnchoring(long, [zero, edited], forged);
    again.step(0, long.blocks.length, () => false);
    expect(again.blockDecorations('t')).toEqual([{ kind: 'highlight', start: 0, end: 3, id: zero.id, variant: zero.color }]);
    expect(again.blockDecorations('p1')).toEqual(anchorAll(long, [edited]).decorations.get('p1'));
  });

  it('keeps annotations whose block is gone for last and still places or orphans them', () => {
    const moved = { ...highlights[5]!, target: { ...highlights[5]!.target, blockId: 'p-gone' } };
    const job = new ProgressiveAnchoring(long, [moved, highlights[6]!]);
    job.step(0, -1, stopAt(1));
    expect(job.blockDecorations('p6')).toHaveLength(1);
    expect(job.blockDecorations('p5')).toHaveLength(0);
    job.step(0, -1, () => false);
    expect(job.blockDecorations('p5')).toHaveLength(1);
    expect(job.remaining).toBe(0);
  });
});
