import { describe, expect, it } from 'vitest';
import { articleText } from '../../../src/core/article/article';
import { isArticle } from '../../../src/core/schema/article';
import { fitDrafts, shortTitle, splitAtSentences } from '../../../src/core/article/fit-limits';
import { importFromHtml, importFromText, looksLikeHtml } from '../../../src/core/article/import-file';
import { prescanHtml } from '../../../src/core/article/html/prescan';
import { ARTICLE_LIMITS, IMPORT_LIMITS } from '../../../src/core/limits';

/** Issue 15: every import either fits the store (checked by the article schema) or is refused with figures. */

const SENTENCE = 'وقال المتحدث إن الحكومة ستعلن خطة جديدة للنقل العام في المدن الكبرى خلال الأسابيع المقبلة. ';
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

describe('reshaping to the limits', () => {
  it('cuts a 22,560-character paragraph at sentence ends, losing no word', () => {
    const long = SENTENCE.repeat(Math.ceil(22_560 / SENTENCE.length)).trim();
    const pieces = splitAtSentences(long);
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(IMPORT_LIMITS.paragraphSplitAt);
      expect(piece.endsWith('.')).toBe(true);
    }
    expect(words(pieces.join(' '))).toEqual(words(long));
  });

  it('cuts a sentence with no stop at spaces, and a word longer than the limit anywhere', () => {
    const noStops = 'كلمة '.repeat(3_000).trim();
    expect(splitAtSentences(noStops).every((p) => p.length <= IMPORT_LIMITS.paragraphSplitAt)).toBe(true);
    expect(words(splitAtSentences(noStops).join(' '))).toEqual(words(noStops));
    const oneWord = 'م'.repeat(9_000);
    expect(splitAtSentences(oneWord).join('')).toBe(oneWord);
  });

  it('turns a 1,500-character first line into a title and a paragraph', () => {
    const line = SENTENCE.repeat(16).trim();
    expect(line.length).toBeGreaterThan(1_400);
    const [title, paragraph] = fitDrafts([{ kind: 'title', text: line }]);
    expect(title?.kind).toBe('title');
    expect(title?.text).toBe(SENTENCE.trim());
    expect(paragraph?.kind).toBe('paragraph');
    expect(`${title?.text} ${paragraph?.text}`).toBe(line);
    expect(shortTitle('كلمة '.repeat(200)).length).toBeLessThanOrEqual(IMPORT_LIMITS.titleMaxLength);
  });

  it('imports a pasted article with a 1,500-character first line and a 200,000-word paragraph as a valid article', () => {
    const text = `${SENTENCE.repeat(16).trim()}\n\n${'كلمة '.repeat(200_000).trim()}\n\nفقرة أخيرة قصيرة في نهاية النص.`;
    const result = importFromText(text);
    if (!result.ok) throw new Error(result.error);
    expect(isArticle(result.article)).toBe(true);
    expect(result.article.title.length).toBeLessThanOrEqual(IMPORT_LIMITS.titleMaxLength);
    expect(words(articleText(result.article))).toHaveLength(words(text).length);
  });
});

describe('refusals before saving, with figures', () => {
  it('10,000 tiny paragraphs', () => {
    const text = ['عنوان المقال', ...Array.from({ length: 10_000 }, (_, i) => `فقرة ${i}.`)].join('\n\n');
    expect(importFromText(text)).toEqual({ ok: false, error: 'too-many-blocks', detail: { count: 10_001, limit: ARTICLE_LIMITS.maxBlocks } });
  });

  it('a 4.9 MB text file is more text than an article may hold', () => {
    const text = `عنوان\n\n${'word '.repeat(980_000)}`;
    const result = importFromText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('too-long');
    expect(result.detail?.limit).toBe(ARTICLE_LIMITS.totalTextLength);
  });

  it('an HTML page with 40,000 paragraphs is refused from its tags, before parsing', () => {
    const html = `<html><body><h1>عنوان</h1>${'<p>فقرة قصيرة.</p>'.repeat(40_000)}</body></html>`;
    expect(importFromHtml(html)).toEqual({ ok: false, error: 'too-many-blocks', detail: { count: 40_001, limit: IMPORT_LIMITS.htmlBlockTags } });
  });

  it('deeply nested HTML is refused before parsing', () => {
    const html = `<html><body>${'<div>'.repeat(5_000)}<p>${SENTENCE}</p>${'</div>'.repeat(5_000)}</body></html>`;
    const result = importFromHtml(html);
    // html, body and the 5,000 divs.
    expect(result).toEqual({ ok: false, error: 'too-deep', detail: { count: 5_002, limit: IMPORT_LIMITS.htmlDepth } });
  });
});

describe('prescan', () => {
  it('reads attribute values holding ">" as part of their tag', () => {
    expect(prescanHtml(`<div data-x='a>b<div>'><div title="<div>">y</div></div>`).depth).toBe(2);
  });

  it('measures nesting without counting elements whose end tag is optional, nor text in scripts and comments', () => {
    expect(prescanHtml('<div><div><span>a</span></div></div>').depth).toBe(3);
    expect(prescanHtml(`<body>${'<p>a'.repeat(500)}</body>`).depth).toBe(1);
    expect(prescanHtml(`<script>${'<div>'.repeat(500)}</script><!-- ${'<div>'.repeat(500)} --><div/><div/>`).depth).toBe(2);
    expect(prescanHtml('<p>a</p><p>b<br>c</p><div>d</div>').blockTags).toBe(4);
  });
});

describe('HTML pasted as text', () => {
  it('is recognised and imported as HTML, not as 900 blocks of markup', () => {
    const page = `<!DOCTYPE html><html lang="ar"><head><title>عنوان الخبر - موقع</title></head><body><article><h1>عنوان الخبر</h1>
      <p>${SENTENCE}</p><p>${SENTENCE.replace('الحكومة', 'الوزارة')}</p><p>${SENTENCE.replace('المدن', 'القرى')}</p></article></body></html>`;
    expect(looksLikeHtml(page)).toBe(true);
    expect(looksLikeHtml('<<عنوان>>\nنص عادي')).toBe(false);
    const result = importFromText(page);
    if (!result.ok) throw new Error(result.error);
    expect(result.article.title).toBe('عنوان الخبر');
    expect(articleText(result.article)).not.toContain('<');
    expect(result.article.blocks).toHaveLength(4);
  });
});
