import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { anchor, describe, describeText, isOrphan, snapToWords, type AnchorResult } from '../../../src/core/annotations/anchoring';
import { articleFromParagraphs, articleFromText, generateParagraphs, randomWord, rng } from './article-fixtures';

const PARAGRAPHS = [
  'عنوان الخبر الرئيسي',
  'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.',
  'وأضاف أن الحكومة ستواصل دعم الصناعات المحلية في المدن الصغيرة، وأن الموازنة الجديدة تتضمن برامج للتدريب.',
  'ورأى محللون أن هذه الأرقام تعكس تحسنا في ثقة المستثمرين في الأسواق الإقليمية.',
];

function rangeOf(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`not found: ${quote}`);
  return { start, end: start + quote.length };
}

function expectAnchored(result: AnchorResult, text: string, quote: string) {
  if (isOrphan(result)) throw new Error(`orphan, expected "${quote}"`);
  expect(text.slice(result.start, result.end)).toBe(quote);
  return result;
}

suite('describe', () => {
  it('records quote, 32 characters of context, position and the starting block', () => {
    const article = articleFromParagraphs(PARAGRAPHS);
    const text = articleText(article);
    const range = rangeOf(text, 'الحكومة ستواصل');
    const s = describe(article, range);
    expect(s.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'الحكومة ستواصل',
      prefix: text.slice(range.start - 32, range.start),
      suffix: text.slice(range.end, range.end + 32),
    });
    expect(s.position).toEqual({ type: 'TextPositionSelector', ...range });
    expect(s.blockId).toBe(article.blocks[2]?.id);
  });

  it('keeps short context at the edges of the text and accepts reversed ranges', () => {
    const s = describeText('abc def', { start: 3, end: 0 }, 'b');
    expect(s.quote).toMatchObject({ exact: 'abc', prefix: '', suffix: ' def' });
    expect(s.position).toMatchObject({ start: 0, end: 3 });
  });
});

suite('anchor', () => {
  const article = articleFromParagraphs(PARAGRAPHS);
  const text = articleText(article);
  const quote = 'معدلات التضخم انخفضت';
  const selectors = describe(article, rangeOf(text, quote));

  it('uses the stored position when nothing changed', () => {
    expect(anchor(article, selectors)).toEqual({ ...rangeOf(text, quote), method: 'position' });
  });

  it('finds the quote in its block when another block grew', () => {
    const edited = articleFromParagraphs([PARAGRAPHS[0] + ' عاجل', ...PARAGRAPHS.slice(1)]);
    const result = expectAnchored(anchor(edited, selectors), articleText(edited), quote);
    expect(result.method).toBe('block-exact');
  });

  it('finds the quote anywhere when its block changed (new block id)', () => {
    const paragraphs = [...PARAGRAPHS];
    paragraphs[1] = 'تمهيد جديد. ' + (paragraphs[1] ?? '');
    const edited = articleFromParagraphs(paragraphs);
    const result = expectAnchored(anchor(edited, selectors), articleText(edited), quote);
    expect(result.method).toBe('exact');
  });

  it('finds a moved paragraph', () => {
    const edited = articleFromParagraphs([PARAGRAPHS[0] ?? '', PARAGRAPHS[3] ?? '', PARAGRAPHS[2] ?? '', PARAGRAPHS[1] ?? '']);
    expectAnchored(anchor(edited, selectors), articleText(edited), quote);
  });

  it('matches a slightly edited long quote fuzzily, with a score', () => {
    const long = 'وأضاف أن الحكومة ستواصل دعم الصناعات المحلية في المدن الصغيرة';
    const s = describe(article, rangeOf(text, long));
    const paragraphs = [...PARAGRAPHS];
    paragraphs[2] = (paragraphs[2] ?? '').replace('الصناعات', 'الصناعة').replace('ستواصل', 'سوف تواصل');
    const edited = articleFromParagraphs(paragraphs);
    const result = anchor(edited, s);
    if (isOrphan(result)) throw new Error('orphan');
    expect(result.method).toBe('fuzzy');
    expect(result.score).toBeGreaterThan(0.75);
    const editedText = articleText(edited);
    expect(editedText.slice(result.start, result.end)).toContain('الحكومة سوف تواصل دعم الصناعة المحلية');
  });

  it('orphans a quote whose paragraph was deleted', () => {
    const edited = articleFromParagraphs([PARAGRAPHS[0] ?? '', PARAGRAPHS[2] ?? '', PARAGRAPHS[3] ?? '']);
    expect(anchor(edited, selectors)).toEqual({ orphan: true });
  });

  it('orphans a short quote that still occurs elsewhere once its own passage is gone', () => {
    // "في" occurs in every paragraph; the annotated one is in paragraph 1.
    const s = describe(article, rangeOf(text, 'في', text.indexOf('مؤتمر') - 4));
    expect(s.quote.suffix.startsWith(' مؤتمر')).toBe(true);
    const edited = articleFromParagraphs([PARAGRAPHS[0] ?? '', PARAGRAPHS[2] ?? '', PARAGRAPHS[3] ?? '']);
    expect(articleText(edited)).toContain('في');
    expect(anchor(edited, s)).toEqual({ orphan: true });
  });

  it('re-anchors a short quote by its context when one side of it changed', () => {
    const range = rangeOf(text, 'في', text.indexOf('مؤتمر') - 4);
    const s = describe(article, range);
    const paragraphs = [...PARAGRAPHS];
    paragraphs[1] = (paragraphs[1] ?? '').replace('قال وزير الاقتصاد', 'صرح وزير المالية');
    const edited = articleFromParagraphs(paragraphs);
    const editedText = articleText(edited);
    const result = expectAnchored(anchor(edited, s), editedText, 'في');
    expect(editedText.slice(result.end, result.end + 6)).toBe(' مؤتمر');
  });

  it('does not move a one-letter quote onto a neighbouring letter when it is deleted', () => {
    const plain = 'كلمات عشوائية كثيرة هنا: مالا يقال ثم كلمات أخرى مختلفة جدا تماما';
    const at = plain.indexOf('مالا') + 3;
    const s = describeText(plain, { start: at, end: at + 1 }, 'x');
    expect(anchor(plain.slice(0, at) + plain.slice(at + 1), s)).toEqual({ orphan: true });
  });

  it('orphans an empty quote and works on plain text', () => {
    expect(anchor(text, { ...selectors, quote: { ...selectors.quote, exact: '' } })).toEqual({ orphan: true });
    expect(anchor('xx ' + text, selectors)).toMatchObject({ method: 'exact' });
  });

  it('finds an edited long quote far from its old position in a long article', () => {
    const paragraphs = generateParagraphs(7, 300, [40, 60]);
    const long = articleFromParagraphs(paragraphs);
    const longText = articleText(long);
    const start = longText.indexOf(paragraphs[150] ?? '');
    const s = describe(long, { start: start + 10, end: start + 200 });
    // The passage moves 60,000+ characters later and gets two small edits.
    const moved = [...paragraphs];
    const target = (moved[150] ?? '').split('');
    target.splice(50, 3, 'خطأ');
    target.splice(120, 2);
    moved.splice(150, 1);
    moved.splice(290, 0, target.join(''));
    const edited = articleFromParagraphs(moved);
    const result = anchor(edited, s);
    if (isOrphan(result)) throw new Error('orphan');
    expect(result.method).toBe('fuzzy');
    const editedText = articleText(edited);
    const expectedStart = editedText.indexOf(target.join('')) + 10;
    expect(Math.abs(result.start - expectedStart)).toBeLessThanOrEqual(3);
  });
});

suite('snapToWords', () => {
  it('includes half-selected Arabic words with their diacritics and tatweel', () => {
    const text = 'قالَ الوزيـــرُ إنّ الاقتصادَ ينمو.';
    const from = text.indexOf('زيـ');
    const to = text.indexOf('تصاد') + 2;
    const snapped = snapToWords(text, { start: from, end: to });
    expect(text.slice(snapped.start, snapped.end)).toBe('الوزيـــرُ إنّ الاقتصادَ');
  });

  it('handles Latin words, digits, punctuation and surrounding spaces', () => {
    const text = 'Oil rose 12.5% on Monday, ٢٠٢٤ figures show';
    expect(text.slice(...bounds(snapToWords(text, { start: 1, end: 6 })))).toBe('Oil rose');
    expect(text.slice(...bounds(snapToWords(text, { start: 24, end: 25 })))).toBe(',');
    const digits = text.indexOf('٢٠٢٤') + 2;
    expect(text.slice(...bounds(snapToWords(text, { start: digits, end: digits })))).toBe('٢٠٢٤');
    expect(text.slice(...bounds(snapToWords(text, { start: 3, end: 5 })))).toBe('rose');
  });
});

function bounds(r: { start: number; end: number }): [number, number] {
  return [r.start, r.end];
}

// ---- Properties over random edits -------------------------------------------------------------

type Edit = { kind: 'insert' | 'delete' | 'replace' | 'drop-paragraph' | 'add-paragraph'; at: number; len: number; seed: number };

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'drop-paragraph', 'add-paragraph'),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  len: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer(),
});

function randomText(seed: number, length: number): string {
  const next = rng(seed);
  let out = '';
  while (out.length < length) out += (out ? ' ' : '') + randomWord(next);
  return out.slice(0, length);
}

/** Apply an edit unless it touches [guardStart, guardEnd); returns the new text and the shift of the guarded range. */
function applyEdit(text: string, edit: Edit, guardStart: number, guardEnd: number): { text: string; shift: number } | null {
  const at = Math.floor(edit.at * (text.length + 1));
  const outside = (a: number, b: number) => b <= guardStart || a >= guardEnd;
  const splice = (a: number, b: number, insert: string) => {
    const isInsertOnly = a === b;
    if (isInsertOnly ? !(a <= guardStart || a >= guardEnd) : !outside(a, b)) return null;
    return { text: text.slice(0, a) + insert + text.slice(b), shift: b <= guardStart || (isInsertOnly && a <= guardStart) ? insert.length - (b - a) : 0 };
  };
  switch (edit.kind) {
    case 'insert':
      return splice(at, at, randomText(edit.seed, edit.len));
    case 'delete':
      return splice(at, Math.min(text.length, at + edit.len), '');
    case 'replace':
      return splice(at, Math.min(text.length, at + edit.len), randomText(edit.seed, edit.len));
    case 'drop-paragraph': {
      const start = text.lastIndexOf('\n\n', at);
      if (start < 0) return null;
      const next = text.indexOf('\n\n', start + 2);
      return splice(start, next < 0 ? text.length : next, '');
    }
    case 'add-paragraph': {
      const sep = text.indexOf('\n\n', at);
      if (sep < 0) return null;
      return splice(sep, sep, '\n\n' + randomText(edit.seed, 20 + edit.len * 4));
    }
  }
}

const annotationArb = fc.record({
  seed: fc.integer(),
  from: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 300 })),
  snap: fc.boolean(),
});

function setUp(a: { seed: number; from: number; length: number; snap: boolean }) {
  const article = articleFromParagraphs(generateParagraphs(a.seed, 12, [15, 45]));
  const text = articleText(article);
  let start = Math.floor(a.from * (text.length - 1));
  let end = Math.min(text.length, start + a.length);
  if (a.snap) ({ start, end } = snapToWords(text, { start, end }));
  if (end <= start) end = start + 1;
  return { article, text, start, end, selectors: describe(article, { start, end }) };
}

suite('anchoring properties', () => {
  it('an annotation whose passage and context were not touched always re-anchors to exactly that passage', () => {
    fc.assert(
      fc.property(annotationArb, fc.array(editArb, { maxLength: 15 }), (a, edits) => {
        const { text, start, end, selectors } = setUp(a);
        let current = text;
        let shift = 0;
        for (const edit of edits) {
          const applied = applyEdit(current, edit, start + shift - 32, end + shift + 32);
          if (!applied) continue;
          current = applied.text;
          shift += applied.shift;
        }
        const result = anchor(articleFromText(current), selectors);
        expect(result).toMatchObject({ start: start + shift, end: end + shift });
      }),
      { numRuns: 300 },
    );
  });

  it('an annotation whose paragraph was deleted becomes an orphan', () => {
    fc.assert(
      fc.property(annotationArb, fc.array(editArb, { maxLength: 8 }), (a, edits) => {
        const { text, start, end, selectors } = setUp(a);
        // Delete every paragraph the passage touches (keeping the title block if it is not one of them).
        const from = text.lastIndexOf('\n\n', start - 1);
        const to = text.indexOf('\n\n', end);
        let current = (from < 0 ? '' : text.slice(0, from)) + (to < 0 ? '' : text.slice(from < 0 ? to + 2 : to));
        for (const edit of edits) current = applyEdit(current, edit, 0, 0)?.text ?? current;
        expect(anchor(articleFromText(current), selectors)).toEqual({ orphan: true });
      }),
      { numRuns: 300 },
    );
  });

  it('an annotation whose words were deleted (with a neighbouring word) becomes an orphan', () => {
    fc.assert(
      fc.property(annotationArb, fc.boolean(), (a, before) => {
        const { text, start, end, selectors } = setUp(a);
        let cut = snapToWords(text, { start, end });
        // Take one more word on one side.
        cut = before ? snapToWords(text, { start: Math.max(0, cut.start - 2), end: cut.end }) : snapToWords(text, { start: cut.start, end: Math.min(text.length, cut.end + 2) });
        const edited = text.slice(0, cut.start) + text.slice(cut.end);
        expect(anchor(articleFromText(edited), selectors)).toEqual({ orphan: true });
      }),
      { numRuns: 500 },
    );
  });

  it('a long passage with a few characters changed inside re-anchors fuzzily onto that passage', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 60, max: 300 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), seed: fc.integer() }), { minLength: 1, maxLength: 3 }),
        (seed, from, length, changes) => {
          const { text, start, end, selectors } = setUp({ seed, from, length, snap: false });
          if (end - start < 60) return;
          let quote = text.slice(start, end);
          for (const change of changes) {
            const at = Math.floor(change.at * quote.length);
            quote = quote.slice(0, at) + randomText(change.seed, 2) + quote.slice(at + 1);
          }
          const edited = text.slice(0, start) + quote + text.slice(end);
          const result = anchor(articleFromText(edited), selectors);
          if (isOrphan(result)) throw new Error('orphan');
          expect(Math.abs(result.start - start)).toBeLessThanOrEqual(8);
          expect(Math.abs(result.end - (start + quote.length))).toBeLessThanOrEqual(8);
        },
      ),
      { numRuns: 200 },
    );
  });
});
