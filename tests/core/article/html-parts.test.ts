import { describe, expect, it } from 'vitest';
import { formatDateline } from '../../../src/core/article/dateline';
import { declaredCharset, decodeBytes } from '../../../src/core/article/html/encoding';
import { chooseTitle } from '../../../src/core/article/html/title';
import { isHiddenElement, styleHides } from '../../../src/core/article/html/visibility';
import { parseDocument } from '../../../src/core/article/html/parse-document';
import { readMetadata } from '../../../src/core/article/html/metadata';

const ARABIC = 'مرحبا بالعالم';

describe('encodings', () => {
  it('the declared charset wins over detection and over a BOM', () => {
    const declared = new TextEncoder().encode('<meta charset="windows-1256"><p>');
    const page = new Uint8Array([...declared, 0xe3, 0xd1, 0xcd, 0xc8, 0xc7]);
    expect(declaredCharset(page)).toBe('windows-1256');
    expect(decodeBytes(page, 'html')).toEqual({ text: '<meta charset="windows-1256"><p>مرحبا', encoding: 'windows-1256' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`<meta http-equiv="Content-Type" content="text/html; charset=utf-8">${ARABIC}`)]);
    expect(decodeBytes(bom, 'html')).toMatchObject({ encoding: 'utf-8' });
  });

  it('then a BOM, then valid UTF-8, then windows-1256', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(ARABIC).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeBytes(utf16, 'text')).toEqual({ text: ARABIC, encoding: 'utf-16le' });
    expect(decodeBytes(new TextEncoder().encode(ARABIC), 'html')).toEqual({ text: ARABIC, encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xe3, 0xd1, 0xcd, 0xc8, 0xc7]), 'text')).toEqual({ text: 'مرحبا', encoding: 'windows-1256' });
    expect(decodeBytes(new Uint8Array([0x61, 0, 0x62]), 'text')).toBe('binary');
  });
});

describe('visibility from markup', () => {
  const element = (html: string) => {
    const doc = parseDocument(`<body>${html}</body>`);
    return doc.body.firstElementChild as Element;
  };
  it('reads display and visibility in declaration lists', () => {
    expect(styleHides('color: red; DISPLAY : none !important')).toBe(true);
    expect(styleHides('visibility:hidden')).toBe(true);
    expect(styleHides('display:none; display:block')).toBe(false);
    expect(styleHides('display:flex')).toBe(false);
  });
  it('hides hidden, aria-hidden, template, noscript, hidden classes and the renamed style attribute', () => {
    for (const html of ['<p hidden>x</p>', '<p aria-hidden="true">x</p>', '<template>x</template>', '<noscript>x</noscript>', '<p class="a d-none">x</p>', '<span class="sr-only">x</span>', '<p style="display:none">x</p>']) {
      expect(isHiddenElement(element(html)), html).toBe(true);
    }
    for (const html of ['<p class="hidden-xs">x</p>', '<p aria-hidden="false">x</p>', '<p style="color:red">x</p>']) {
      expect(isHiddenElement(element(html)), html).toBe(false);
    }
  });
});

describe('titles', () => {
  it('drops a site name at either end, learned from metadata or from <title> around the <h1>', () => {
    expect(chooseTitle({ documentTitle: 'صنعاء نيوز - افتتاح مكتبة عامة', siteNames: ['صنعاء نيوز'] })).toBe('افتتاح مكتبة عامة');
    expect(chooseTitle({ documentTitle: 'افتتاح مكتبة عامة | الجزيرة نت', siteNames: ['الجزيرة نت'] })).toBe('افتتاح مكتبة عامة');
    expect(chooseTitle({ h1: 'مفوضية العلاقات الوطنية - لقاء موسع', documentTitle: 'مفوضية العلاقات الوطنية - لقاء موسع', siteNames: [] })).toBe('مفوضية العلاقات الوطنية - لقاء موسع');
    expect(chooseTitle({ headline: 'السودان: اتفاق جديد', siteNames: ['موقع'] })).toBe('السودان: اتفاق جديد');
    expect(chooseTitle({ documentTitle: 'الأردن - سوريا: معبر جديد', siteNames: [] })).toBe('الأردن - سوريا: معبر جديد');
  });
});

const readPage = (html: string) => {
  const doc = parseDocument(html);
  return readMetadata(doc, { jsonLd: Array.from(doc.querySelectorAll('script[type="application/ld+json"]'), (s) => s.textContent ?? '') });
};

describe('metadata and dates', () => {
  it('prefers JSON-LD to meta tags, and meta tags to <time>', () => {
    const meta = readPage(`<html><head>
      <meta property="article:published_time" content="2020-01-02T10:00:00Z"><meta property="og:site_name" content="موقع">
      <script type="application/ld+json">[{"@type":["NewsArticle"],"headline":"عنوان","datePublished":"2021-05-06","author":["أ","ب"],"publisher":{"name":"الناشر"}}]</script>
      </head><body><time datetime="2019-01-01">x</time></body></html>`);
    expect(meta).toMatchObject({ headline: 'عنوان', date: '2021-05-06', author: 'أ، ب', publisher: 'الناشر', siteNames: ['الناشر', 'موقع'] });
    const metaOnly = readPage('<head><meta property="article:published_time" content="2020-01-02T10:00:00Z"></head><body><time datetime="2019-01-01">x</time></body>');
    expect(metaOnly.date).toBe('2020-01-02');
    const timeOnly = readPage('<body><time datetime="2019-01-01T23:59:00+03:00">x</time></body>');
    expect(timeOnly.date).toBe('2019-01-01');
  });
  it('formats a date like a dateline in the given language, never as ISO text', () => {
    expect(formatDateline('2019-09-23', 'ar')).toBe('الاثنين، 23 سبتمبر 2019');
    expect(formatDateline('2019-09-23', 'en')).toBe('Monday, September 23, 2019');
  });
});
