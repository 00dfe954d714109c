import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createAnnotation, editAnnotation, type Annotation } from '../../../src/core/annotations/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import {
  ANNO_CONTEXT,
  articleNotesToMarkdown,
  escapeMarkdown,
  importAnnotationsJson,
  readableFileName,
  notebookToMarkdown,
  toWebAnnotationCollection,
} from '../../../src/core/annotations/export';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';
const article = { id: 'art-1', title: 'التضخم ينخفض', dateline: { raw: 'الخميس 19 سبتمبر 2024', date: '2024-09-19' } };
const linkFor = (a: Annotation) => `https://example.org/#/a/${a.articleId}/${a.target.blockId}`;
const now = new Date('2024-09-19T10:00:00.000Z');

function make(start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return { ...createAnnotation({ articleId: 'art-1', selectors: describeText(TEXT, { start, end }, 'p-0000001'), now }), ...extra };
}

describe('Markdown export', () => {
  it('writes title, dateline, quotes as blockquotes with notes, tags and links', () => {
    const md = articleNotesToMarkdown(
      { article, annotations: [make(35, 55, { note: 'رقم مهم\nيجب التحقق', tags: ['اقتصاد', 'تضخم'] }), make(4, 8)] },
      linkFor,
    );
    expect(md).toBe(
      [
        '# التضخم ينخفض',
        '',
        'الخميس 19 سبتمبر 2024',
        '',
        '---',
        '',
        '> وزير',
        '',
        '[Open in article](<https://example.org/#/a/art-1/p-0000001>)',
        '',
        '---',
        '',
        '> معدلات التضخم انخفضت',
        '',
        'رقم مهم\\',
        'يجب التحقق',
        '',
        'Tags: #اقتصاد #تضخم',
        '',
        '[Open in article](<https://example.org/#/a/art-1/p-0000001>)',
        '',
      ].join('\n'),
    );
  });

  it('escapes a hostile note so it cannot inject links, images, HTML or headings (rendered by a GFM parser)', () => {
    const hostile = '# Heading\n    code block\n[click](javascript:alert(1)) ![x](http://evil/x.png)\n<script>alert(1)</script>\n---\n> fake quote\n* item\n1. item\n| table |\n|---|\n~~struck~~ &amp; `code` **bold** _em_';
    const md = articleNotesToMarkdown({ article, annotations: [make(4, 8, { note: hostile })] }, linkFor);
    const html = marked.parse(md, { async: false, gfm: true });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    // Links: the note's one http(s) address (kept as a link) and the link back to the article; never javascript:.
    expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(['http://evil/x.png', 'https://example.org/#/a/art-1/p-0000001']);
    expect(doc.querySelectorAll('img, script, table, ul, ol, pre, code, del, strong, em, h2, blockquote blockquote')).toHaveLength(0);
    // The one <hr> separates the heading from the first note; the note itself is the text as written.
    expect(doc.querySelectorAll('hr')).toHaveLength(1);
    const noteText = Array.from(doc.querySelectorAll('p'), (p) => p.textContent).join('\n');
    for (const line of hostile.split('\n')) expect(noteText).toContain(line.trim());
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
  });

  it('escapes only what would change the meaning and keeps links as links', () => {
    expect(escapeMarkdown('قال: "نعم". انتهى! (تقريبًا) 3.5% - كذا')).toBe('قال: "نعم". انتهى! (تقريبًا) 3.5% - كذا');
    expect(escapeMarkdown('المصدر https://example.com/a_b?x=1&y=2، ثم نص')).toBe('المصدر <https://example.com/a_b?x=1&y=2>، ثم نص');
    const html = marked.parse(escapeMarkdown('انظر https://example.com/news/1.'), { async: false, gfm: true });
    expect(html).toContain('<a href="https://example.com/news/1">https://example.com/news/1</a>.');
    expect(escapeMarkdown('1. أول\n- ثان\n# ثالث')).toBe('1\\. أول\n\\- ثان\n\\# ثالث');
  });

  it('names files like their title, removing only what file systems forbid', () => {
    expect(readableFileName('hashiya-بوتين يهاتف رئيسي: "المحادثة" بين/الرئيسين', 'md')).toBe('hashiya-بوتين يهاتف رئيسي المحادثة بين الرئيسين.md');
    expect(readableFileName('  ...  ', 'jsonld')).toBe('hashiya.jsonld');
    expect(readableFileName(`عنوان ${'طويل '.repeat(40)}`, 'md').length).toBeLessThanOrEqual(83);
  });

  it('exports several articles and skips the ones without notes', () => {
    const md = notebookToMarkdown(
      [
        { article, annotations: [make(4, 8)] },
        { article: { id: 'empty', title: 'لا شيء' }, annotations: [] },
      ],
      linkFor,
    );
    expect(md).toContain('# التضخم ينخفض');
    expect(md).not.toContain('لا شيء');
  });
});

describe('W3C Web Annotation JSON-LD', () => {
  const a = make(35, 56, { note: 'ملاحظة', tags: ['اقتصاد'] });
  const b = make(4, 8, { color: 'blue' });

  it('exports an AnnotationCollection with TextualBody note and tags', () => {
    const json = toWebAnnotationCollection([a, b], linkFor);
    expect(json['@context']).toBe(ANNO_CONTEXT);
    expect(json).toMatchObject({ type: 'AnnotationCollection', total: 2 });
    expect(json.items[1]).toMatchObject({
      id: `urn:uuid:${a.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'ملاحظة', purpose: 'commenting' },
        { type: 'TextualBody', value: 'اقتصاد', purpose: 'tagging' },
      ],
      target: { source: linkFor(a), selector: a.target.selectors },
    });
    expect(json.items[0]).toMatchObject({ motivation: 'highlighting', body: [], hashiya: { color: 'blue' } });
  });

  it('round-trips through JSON text', () => {
    const json = JSON.parse(JSON.stringify(toWebAnnotationCollection([a, b], linkFor))) as unknown;
    const result = importAnnotationsJson(json, []);
    expect(result.report).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: [] });
    expect(result.annotations).toEqual([b, a]);
  });

  it('merges by id: newer wins, same or older is unchanged, nothing doubled', () => {
    const newerA = editAnnotation(a, { note: 'أحدث' }, new Date('2024-09-20T00:00:00.000Z'));
    const olderB = { ...b, color: 'pink' as const, modified: '2024-01-01T00:00:00.000Z' };
    const c = make(60, 70);
    const json = toWebAnnotationCollection([newerA, olderB, c], linkFor);
    const result = importAnnotationsJson(JSON.parse(JSON.stringify(json)), [a, b]);
    expect(result.report).toEqual({ added: 1, updated: 1, unchanged: 1, rejected: [] });
    expect(result.annotations).toHaveLength(3);
    expect(result.annotations.find((x) => x.id === a.id)?.note).toBe('أحدث');
    expect(result.annotations.find((x) => x.id === b.id)?.color).toBe('blue');
    expect(result.changed.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    // Importing the same file again changes nothing.
    const again = importAnnotationsJson(JSON.parse(JSON.stringify(json)), result.annotations);
    expect(again.report).toEqual({ added: 0, updated: 0, unchanged: 3, rejected: [] });
    expect(again.annotations).toEqual(result.annotations);
  });

  it('rejects invalid items with their index and a reason, keeping the valid ones', () => {
    const good = JSON.parse(JSON.stringify(toWebAnnotationCollection([a], linkFor))) as { items: Record<string, unknown>[] };
    const item = good.items[0]!;
    const items = [
      item,
      { ...item, id: 'x1', hashiya: { ...(item.hashiya as object), color: 'red' } },
      { ...item, id: 'x2', target: { source: 's', selector: [] } },
      { ...item, id: 'x3', body: [{ type: 'TextualBody', value: 'n'.repeat(20_001), purpose: 'commenting' }] },
      'nonsense',
      { ...item, id: 'x4', created: 'not a date' },
    ];
    const result = importAnnotationsJson({ items }, []);
    expect(result.report.added).toBe(1);
    expect(result.report.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    for (const r of result.report.rejected) expect(r.reason.length).toBeGreaterThan(0);
    expect(importAnnotationsJson({ nope: true }, [a]).report.rejected).toEqual([{ index: -1, reason: 'not an AnnotationCollection' }]);
  });
});
