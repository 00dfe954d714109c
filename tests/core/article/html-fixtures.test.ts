import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import { isArticle } from '../../../src/core/schema/article';
import { importFromFile, type ImportableFile } from '../../../src/core/article/import-file';

/**
 * Pages written in the structure of the big Arabic news sites (tests/fixtures/import): each one's
 * title, date, paragraphs, captions and sources are asserted, and what the page hides or wraps
 * around the story (share bars, tickers, related boxes, credits) must not come in.
 */

const FIXTURES = `${resolve(__dirname, '../../fixtures/import')}/`;

function fixture(name: string): ImportableFile {
  const bytes = readFileSync(`${FIXTURES}${name}`);
  return {
    name,
    type: '',
    size: bytes.byteLength,
    text: async () => bytes.toString('utf8'),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

async function imported(name: string): Promise<Article> {
  const result = await importFromFile(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  expect(isArticle(result.article)).toBe(true);
  return result.article;
}

const kinds = (article: Article, kind: string) => article.blocks.filter((b) => b.kind === kind).map((b) => b.text);

describe('Al Jazeera-style page (JSON-LD, og tags, inline hidden text, share bar, ticker, related box)', () => {
  it('keeps the story and its caption, without the site name, hidden text or furniture', async () => {
    const article = await imported('aljazeera-news.html');
    expect(article.title).toBe('مزارعو الأغوار يواجهون موسماً جافاً للعام الثالث');
    // The date is in the markup only: formatted here, and in the reader's own language on screen.
    expect(article.dateline).toEqual({ raw: 'الاثنين، 23 سبتمبر 2019', date: '2019-09-23', generated: true });
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
    expect(kinds(article, 'caption')).toEqual(['مزارع يتفقد أرضه في الأغوار الشمالية بعد تراجع منسوب المياه (الجزيرة)']);
    expect(kinds(article, 'heading')).toEqual(['حلول مؤقتة']);
    expect(kinds(article, 'paragraph')).toHaveLength(5);
    expect(kinds(article, 'paragraph')[4]).toMatch(/^ويأمل الأهالي/);
    // Publisher once (not "الجزيرة نت · الجزيرة نت"), the page's own source line, and the page's address.
    expect(article.sources).toBe('وكالات · الجزيرة نت · https://www.aljazeera.net/news/2019/9/24/farmers-jordan-valley');
    const text = articleText(article);
    for (const absent of ['مخفي', 'عاجل', 'شارك', 'اقرأ أيضاً', 'الأكثر قراءة', 'جميع الحقوق', 'الرئيسية', 'المصدر', '24/9/2019']) {
      expect(text).not.toContain(absent);
    }
  });
});

describe('Yemeni news page in windows-1256 (http-equiv charset, <br> paragraphs, visible date line, design credit)', () => {
  it('decodes by the declared charset and splits <br> lines into paragraphs', async () => {
    const article = await imported('sanaa-news-cp1256.html');
    expect(article.title).toBe('افتتاح مكتبة عامة جديدة في مدينة تعز بعد سنوات من الإغلاق');
    expect(article.dateline).toEqual({ raw: 'الاثنين 23 سبتمبر 2019', date: '2019-09-23' });
    const paragraphs = kinds(article, 'paragraph');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^افتتحت السلطة المحلية/);
    expect(paragraphs[3]).toMatch(/^وأضاف أن المكتبة/);
    expect(article.sources).toBeUndefined();
    expect(articleText(article)).not.toMatch(/تصميم|شارك|صنعاء نيوز/);
  });
});

describe('Palestinian party site (div-only layout, <time>, d-none, aria-hidden, hidden, template, noscript)', () => {
  it('reads <div> paragraphs and drops every hidden element', async () => {
    const article = await imported('party-commission.html');
    expect(article.title).toBe('لقاء موسع مع ممثلي الفصائل لبحث ملف المصالحة');
    expect(article.dateline).toEqual({ raw: 'الخميس، 14 مارس 2019', date: '2019-03-14', generated: true });
    expect(kinds(article, 'paragraph')).toHaveLength(5);
    expect(kinds(article, 'paragraph')[3]).toBe('واتفق الحضور على عقد لقاء آخر خلال أسبوعين لمتابعة ما تم الاتفاق عليه.');
    expect(articleText(article)).not.toMatch(/مخفي|قالب|جافاسكربت|آخر الأخبار|تصميم|مفوضية العلاقات الوطنية -/);
    expect(article.sources).toBeUndefined();
  });
});

describe('BBC Arabic-style page (JSON-LD @graph, broken JSON-LD block, byline, related and most-read boxes, agency line)', () => {
  it('takes the headline, byline, caption and agency', async () => {
    const article = await imported('bbc-arabic-graph.html');
    expect(article.title).toBe('علماء يرصدون عودة طيور مهاجرة نادرة إلى بحيرة قارون');
    expect(article.dateline).toEqual({ raw: 'الاثنين، 5 فبراير 2024', date: '2024-02-05', byline: 'سارة المصري بي بي سي نيوز عربي - القاهرة', generated: true });
    expect(kinds(article, 'caption')).toEqual(['طيور النحام على ضفاف بحيرة قارون في محافظة الفيوم']);
    expect(kinds(article, 'paragraph')).toHaveLength(4);
    expect(article.sources).toBe('أ ف ب · BBC News عربي');
    expect(articleText(article)).not.toMatch(/قصص ذات صلة|الأكثر قراءة|التعليق على الصورة|BBC News عربي/);
  });
});

describe('Youm7-style page in windows-1256 (<meta charset>, marquee ticker, byline, caption div, hide class)', () => {
  it('decodes, keeps the caption and the author, drops the ticker and tags', async () => {
    const article = await imported('youm7-cp1256.html');
    expect(article.title).toBe('افتتاح متحف جديد للحرف التقليدية في أسوان');
    expect(article.dateline?.date).toBe('2023-11-02');
    expect(article.dateline?.raw).toBe('الخميس، 2 نوفمبر 2023');
    expect(article.dateline?.byline).toMatch(/أحمد عبد الله$/);
    expect(kinds(article, 'caption')).toEqual(['قاعة العرض الرئيسية في المتحف الجديد']);
    expect(kinds(article, 'paragraph')).toHaveLength(4);
    expect(article.sources).toBe('اليوم السابع');
    expect(articleText(article)).not.toMatch(/عاجل|مخفي|الكلمات المفتاحية|شارك/);
  });
});

describe('plain text copied from a site (date line under the title, a teaser line)', () => {
  it('reads the date line and does not make the teaser a heading', async () => {
    const article = await imported('pasted-with-dateline-after-title.txt');
    expect(article.title).toBe('انطلاق مهرجان الزيتون السنوي في جنين');
    expect(article.dateline).toEqual({ raw: 'الثلاثاء 15 أكتوبر 2019', date: '2019-10-15' });
    expect(kinds(article, 'heading')).toEqual([]);
    expect(article.blocks[1]?.text).toMatch(/^انطلقت صباح اليوم/);
    expect(articleText(article)).not.toContain('التفاصيل');
  });
});
