import { describe, expect, it } from 'vitest';
import { createAnnotation, editAnnotation, parseTagInput, newAnnotationId, type Annotation } from '../../../src/core/annotations/annotation';
import { normaliseTags } from '../../../src/core/schema/tags';
import { validateAnnotation } from '../../../src/core/schema/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import { filterAnnotations, filterOptions, sortByReadingOrder } from '../../../src/core/annotations/search';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';

function make(start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { ...createAnnotation({ articleId: 'art', selectors: describeText(TEXT, { start, end }, 'p-0000001') }), ...extra };
}

describe('filterAnnotations', () => {
  const a = make(4, 17, { note: 'Inflation is DOWN', tags: ['اقتصاد'], color: 'yellow' });
  const b = make(35, 49, { note: 'مؤتمر مهم', tags: ['سياسة', 'اقتصاد'], color: 'green' });
  const c = make(56, 70, { color: 'pink' });

  it('matches every word of the query in quote, note or tags, folded', () => {
    expect(filterAnnotations([a, b, c], { query: 'وَزِير' })).toEqual([a]);
    expect(filterAnnotations([a, b, c], { query: 'inflation down' })).toEqual([a]);
    expect(filterAnnotations([a, b, c], { query: 'موتمر' })).toEqual([b]);
    expect(filterAnnotations([a, b, c], { query: 'سياسه' })).toEqual([b]);
    expect(filterAnnotations([a, b, c], { query: 'inflation مهم' })).toEqual([]);
    expect(filterAnnotations([a, b, c], { query: '  ' })).toEqual([a, b, c]);
  });

  it('finds a word whatever clitic the query or the quote carries (folding: tests/core/text)', () => {
    // a quotes «وزير الاقتصاد», b «معدلات التضخم»; both are tagged «اقتصاد».
    expect(filterAnnotations([a, b, c], { query: 'للاقتصاد' })).toEqual([a, b]);
    expect(filterAnnotations([a, b, c], { query: 'والوزير' })).toEqual([a]);
    expect(filterAnnotations([a, b, c], { query: 'بمعدلات والتضخم' })).toEqual([b]);
    expect(filterAnnotations([a, b, c], { query: 'للاقتصاد والتضخم' })).toEqual([b]);
    expect(filterAnnotations([a, b, c], { query: 'الوزير والتضخم' })).toEqual([]);
  });

  it('filters by any of the colours and all of the tags', () => {
    expect(filterAnnotations([a, b, c], { colors: ['green', 'pink'] })).toEqual([b, c]);
    expect(filterAnnotations([a, b, c], { tags: ['اقتصاد'] })).toEqual([a, b]);
    expect(filterAnnotations([a, b, c], { tags: ['اقتصاد', 'سياسة'] })).toEqual([b]);
    expect(filterAnnotations([a, b, c], { tags: ['اقتصاد'], colors: ['yellow'], query: 'وزير' })).toEqual([a]);
  });

  it('sorts by position in the article, keeping articles apart', () => {
    const other = { ...make(0, 3), articleId: 'other' };
    expect(sortByReadingOrder([c, other, a, b])).toEqual([a, b, c, other]);
  });
});

describe('annotation model', () => {
  it('normalises tags: trim, collapse spaces, drop #, no duplicates, at most 30', () => {
    expect(normaliseTags(['  #اقتصاد  ', 'اقتصاد', 'oil   prices', '##', '', 'Oil Prices'])).toEqual(['اقتصاد', 'oil prices']);
    expect(normaliseTags(Array.from({ length: 40 }, (_, i) => `t${i}`))).toHaveLength(30);
    expect(normaliseTags(['x'.repeat(80)])[0]).toHaveLength(60);
    expect(parseTagInput('#سياسة، اقتصاد, #oil')).toEqual(['سياسة', 'اقتصاد', 'oil']);
  });

  it('creates valid annotations with uuid-like ids and bumps modified on edit', () => {
    const now = new Date('2024-09-19T10:00:00.000Z');
    const a = createAnnotation({ articleId: 'art', selectors: describeText(TEXT, { start: 4, end: 8 }, 'p-1'), now, tags: ['#x'] });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newAnnotationId()).not.toBe(newAnnotationId());
    expect(a).toMatchObject({ color: 'yellow', note: '', tags: ['x'], created: now.toISOString(), modified: now.toISOString() });
    expect(validateAnnotation(a)).toEqual({ ok: true, annotation: a });
    const edited = editAnnotation(a, { note: 'سطر\nسطر', color: 'purple' }, now);
    expect(edited.modified > a.modified).toBe(true);
    expect(edited).toMatchObject({ note: 'سطر\nسطر', color: 'purple', created: a.created });
  });

  it('enforces the limits', () => {
    const a = make(0, 3);
    expect(validateAnnotation({ ...a, note: 'x'.repeat(20_001) })).toEqual({ ok: false, reason: 'note: note too long' });
    expect(validateAnnotation({ ...a, tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).toMatchObject({ ok: false });
    expect(validateAnnotation({ ...a, tags: ['x'.repeat(61)] })).toMatchObject({ ok: false });
    const long = { ...a.target.selectors[0], exact: 'x'.repeat(10_001) };
    expect(validateAnnotation({ ...a, target: { ...a.target, selectors: [long, a.target.selectors[1]] } })).toMatchObject({ ok: false });
    expect(validateAnnotation({ ...a, color: 'red' })).toMatchObject({ ok: false });
    expect(validateAnnotation({ ...a, modified: 'yesterday' })).toMatchObject({ ok: false });
  });
});

describe('filterOptions', () => {
  it('offers the tags in use, sorted, and the colours in use, in palette order', () => {
    const selectors = describeText('نص قصير للاختبار', { start: 0, end: 2 }, 'p-1');
    const list = [
      createAnnotation({ articleId: 'a', selectors, color: 'pink', tags: ['سياسة', 'economy'] }),
      createAnnotation({ articleId: 'a', selectors, color: 'yellow', tags: ['economy'] }),
    ];
    const options = filterOptions(list);
    expect(options.colors).toEqual(['yellow', 'pink']);
    expect(options.tags).toEqual(['economy', 'سياسة'].sort((a, b) => a.localeCompare(b)));
  });
});
