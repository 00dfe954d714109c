import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import { anchor, isOrphan } from '../../../src/core/annotations/anchoring';
import { selectorsOf, type Annotation } from '../../../src/core/annotations/annotation';
import { convertNotesFile, importAnnotationsJson, mergeNotesInSlices, urlKey } from '../../../src/core/annotations/export';
import { importFromHtml } from '../../../src/core/article/import-file';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { bundledText } from '../article/helpers';

/** Issue 11 "notes in too": standard Web Annotations from Recogito and Hypothesis, matched by source URL. */

const FIXTURES = `${resolve(__dirname, '../../fixtures/import')}/`;
const json = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));

function article(): Article {
  const result = importFromHtml(readFileSync(`${FIXTURES}aljazeera-news.html`, 'utf8'), { id: 'imp-aljazeera' });
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

const quoteIn = (a: Article, annotation: Annotation) => {
  const placed = anchor(a, selectorsOf(annotation));
  return isOrphan(placed) ? null : articleText(a).slice(placed.start, placed.end);
};

describe('Recogito W3C export', () => {
  it('lands on the article whose source URL matches, anchored exactly or fuzzily, with notes and tags', () => {
    const target = article();
    const now = new Date('2024-05-01T00:00:00Z');
    const result = importAnnotationsJson(json('recogito-w3c.jsonld'), [], { articles: [target], now });
    expect(result.report).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(result.report.rejected).toEqual([{ index: 2, reason: 'target.selector: needs a TextQuoteSelector with the quoted text' }]);
    const [first, second] = [...result.changed].sort((a, b) => a.created.localeCompare(b.created));
    expect(first).toMatchObject({ id: 'ext-5c0a8f3e-1d2b-4c6a-9e7f-0a1b2c3d4e5f', articleId: 'imp-aljazeera', note: 'رقم يحتاج إلى مصدر رسمي', tags: ['مياه'], color: 'yellow', created: '2024-03-01T09:15:00.000Z' });
    expect(quoteIn(target, first!)).toBe('أقل من نصف المعدل السنوي المعتاد');
    // Written without hamzas and against "http://aljazeera.net/…/": found by the fuzzy matcher, on the article found by its URL.
    expect(second?.note).toBe('');
    expect(second?.tags).toEqual(['الجمعيات التعاونية']);
    expect(quoteIn(target, second!)).toBe('حفر آبار جديدة وتركيب أنظمة ري بالتنقيط');
    expect(target.blocks.some((b) => b.id === second?.target.blockId)).toBe(true);
  });
});

describe('Hypothesis API/JSON export', () => {
  it('reads uri, text, tags and TextQuoteSelector (RangeSelector ignored); an unknown passage is an orphan; another site is rejected', () => {
    const target = article();
    const result = importAnnotationsJson(json('hypothesis-export.json'), [], { articles: [target] });
    expect(result.report).toMatchObject({ added: 2, unchanged: 0, unmatchedSources: ['https://example.org/another-story'] });
    expect(result.report.rejected).toHaveLength(1);
    expect(result.report.rejected[0]?.reason).toMatch(/^no article in your library has this source: https:\/\/example\.org\/another-story/);
    const anchored = result.changed.find((a) => a.id === 'ext-Fq3kP0x1Ee6aBcD9zYxW1Q')!;
    expect(anchored).toMatchObject({ note: 'قارن بأرقام العام الماضي', tags: ['خسائر', 'زراعة'], created: '2024-04-02T18:01:12.345Z', modified: '2024-04-02T18:05:00.000Z' });
    expect(quoteIn(target, anchored)).toBe('تقدّر وزارة الزراعة الخسائر الأولية بملايين الدنانير');
    const orphan = result.changed.find((a) => a.id === 'ext-Zz9yX8wV7uT6sR5qP4oN3m')!;
    expect(quoteIn(target, orphan)).toBeNull();
    expect(orphan.target.selectors[0].exact).toMatch(/^أعلنت الحكومة/);

    // The same file again: nothing doubled.
    expect(importAnnotationsJson(json('hypothesis-export.json'), result.annotations, { articles: [target] }).report).toMatchObject({ added: 0, unchanged: 2 });
    // Onto the article the reader chose, for notes whose source matches none.
    const chosen = importAnnotationsJson(json('hypothesis-export.json'), result.annotations, { articles: [target], chosenArticleId: target.id });
    expect(chosen.report).toMatchObject({ added: 1, unchanged: 2, rejected: [] });
    expect(chosen.changed[0]?.articleId).toBe(target.id);
  });

  it('compares addresses without scheme, www, fragment or trailing slash; refuses other schemes', () => {
    expect(urlKey('https://www.Example.org/a/b/#x')).toBe(urlKey('http://example.org/a/b'));
    expect(urlKey('javascript:alert(1)')).toBeUndefined();
    expect(urlKey('not a url')).toBeUndefined();
  });
});

describe('notes from another tool on the article being read', () => {
  // Hypothesis's export of notes made on the news site's own page: its address is in no article's sources.
  const sample = parsePlainTextArticle(bundledText('putin-raisi-call.txt'), { id: 'putin-raisi-call' });
  const file = {
    rows: [
      { id: 'a1', uri: 'https://www.alaraby.co.uk/politics/putin-raisi', created: '2024-09-19T10:00:00Z', text: 'أول اتصال منذ أشهر', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا' }] }] },
      // Recogito's shape.
      { id: 'a2', created: '2024-09-19T10:01:00Z', target: { source: 'https://www.alaraby.co.uk/politics/putin-raisi', selector: [{ type: 'TextQuoteSelector', exact: 'حليفًا أساسيًا لموسكو في الهجوم على أوكرانيا' }] } },
      { id: 'a3', uri: 'https://www.alaraby.co.uk/politics/putin-raisi', created: '2024-09-19T10:02:00Z', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'نص لا يرد في هذا المقال أبدا ولا في غيره' }] }] },
    ],
  };

  it('counts the notes whose quotes anchor in it, so it can be offered, and puts none there unasked', () => {
    const converted = convertNotesFile(file, { articles: [], reading: sample });
    expect(converted.annotations).toEqual([]);
    expect(converted.unmatchedSources).toEqual(['https://www.alaraby.co.uk/politics/putin-raisi']);
    expect(converted.fitReading).toBe(2);
    expect(importAnnotationsJson(file, [], { reading: sample }).report).toMatchObject({ added: 0, fitReading: 2 });
    // Without an article being read (the notebook), nothing is counted.
    expect(convertNotesFile(file, { articles: [] }).fitReading).toBe(0);
  });

  it('puts them on it when chosen (a bundled article too), anchored where they quote it', () => {
    const result = importAnnotationsJson(file, [], { articles: [], reading: sample, chosenArticleId: sample.id });
    expect(result.report).toMatchObject({ added: 3, rejected: [] });
    expect(result.changed.every((a) => a.articleId === sample.id)).toBe(true);
    const byId = new Map(result.changed.map((a) => [a.id, a]));
    expect(quoteIn(sample, byId.get('ext-a1')!)).toBe('أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا');
    expect(quoteIn(sample, byId.get('ext-a2')!)).toBe('حليفًا أساسيًا لموسكو في الهجوم على أوكرانيا');
    expect(quoteIn(sample, byId.get('ext-a3')!)).toBeNull();
  });

  it('matches the article being read by its sources like any other', () => {
    const withSource = { ...sample, sources: 'العربي https://www.alaraby.co.uk/politics/putin-raisi' };
    expect(importAnnotationsJson(file, [], { reading: withSource }).report).toMatchObject({ added: 3, rejected: [] });
  });
});

describe('large imports in slices', () => {
  const many = (n: number) => ({
    items: Array.from({ length: n }, (_, i) => ({
      id: `n${i}`,
      created: '2024-01-01T00:00:00Z',
      target: { source: 'https://www.aljazeera.net/news/2019/9/24/farmers-jordan-valley', selector: [{ type: 'TextQuoteSelector', exact: 'أقل من نصف المعدل السنوي المعتاد' }] },
      body: { type: 'TextualBody', value: `ملاحظة ${i}`, purpose: 'commenting' },
    })),
  });

  it('merges in slices, giving the thread back between them, and reports the same as the one-shot import', async () => {
    const target = article();
    let pauses = 0;
    const sliced = await mergeNotesInSlices(convertNotesFile(many(1_200), { articles: [target] }), [], async () => {
      pauses += 1;
    }, 500);
    expect(pauses).toBe(2);
    expect(sliced.report).toEqual(importAnnotationsJson(many(1_200), [], { articles: [target] }).report);
    expect(sliced.report.added).toBe(1_200);
    expect(sliced.changed).toHaveLength(1_200);
  });
});
