import { describe, expect, it } from 'vitest';
import { importFromHtml, importFromText } from '../../../src/core/article/import-file';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { articleToHtml, articleToPlainText, exportFileName } from '../../../src/core/links/article-export';

const article = parsePlainTextArticle(
  `الأحد 3 نوفمبر 2024

مهرجان للكتاب في مدينة الرباط <script>alert(1)</script>

افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب في الرباط & "ناشرين" من عشرين دولة.

أرقام المعرض

قال المدير العام للمعرض إن عدد الزوار تجاوز خمسين ألفًا في اليوم الأول.

المصادر:
وكالة الأنباء`,
  { id: 'imp-abc' },
);

describe('article export (too large for a link)', () => {
  it('writes plain text that imports back to the same blocks', () => {
    const result = importFromText(articleToPlainText(article));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.blocks.map((b) => [b.kind, b.text])).toEqual(article.blocks.map((b) => [b.kind, b.text]));
    expect(result.article.dateline?.raw).toBe(article.dateline?.raw);
    expect(result.article.sources).toBe(article.sources);
  });

  it('writes HTML with every piece of text escaped', () => {
    const html = articleToHtml(article);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp; &quot;ناشرين&quot;');
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h2>أرقام المعرض</h2>');
  });

  it('writes HTML the importer reads back', () => {
    const result = importFromHtml(articleToHtml(article));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.blocks.map((b) => b.text)).toEqual(expect.arrayContaining(article.blocks.slice(1).map((b) => b.text)));
  });

  it('names files after the article id', () => {
    expect(exportFileName(article, 'txt')).toBe('imp-abc.txt');
    expect(exportFileName({ id: 'a/b\\c' }, 'html')).toBe('a-b-c.html');
  });
});
