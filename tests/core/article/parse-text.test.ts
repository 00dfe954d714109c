import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import { isArticle } from '../../../src/core/schema/article';
import { normaliseForId } from '../../../src/core/article/block-id';
import { ArticleParseError, isFurnitureLine, parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { bundledText } from './helpers';

const seed = bundledText('putin-raisi-call.txt');
const TITLE = '"سلسلة من المسائل".. بوتين يهاتف رئيسي حول التعاون بين روسيا وإيران';
const TEASER = 'زار هذا الأسبوع سكرتير مجلس الأمن الروسي نيكولاي باتروشيف طهران حيث أجرى محادثات تناولت التعاون الأمني بين البلدين.';

/** Everything a reader can see of the article. */
function visible(article: Article): string {
  return [article.dateline?.raw ?? '', articleText(article), article.sources ?? ''].join('\n');
}

const kinds = (article: Article) => article.blocks.map((b) => b.kind);
const ofKind = (article: Article, kind: string) => article.blocks.filter((b) => b.kind === kind).map((b) => b.text);

describe('parsePlainTextArticle on the seed', () => {
  const article = parsePlainTextArticle(seed, { id: 'putin-raisi-call' });

  it('reads the dateline', () => {
    expect(article.dateline).toEqual({ raw: 'الخميس 19 Sep / September 2024', date: '2024-09-19' });
  });

  it('takes the title once', () => {
    expect(article.title).toBe(TITLE);
    expect(article.blocks[0]).toMatchObject({ kind: 'title', text: TITLE });
    expect(article.blocks.filter((b) => b.text === TITLE)).toHaveLength(1);
  });

  it('drops page furniture', () => {
    const text = visible(article);
    expect(text).not.toContain('شارك القصة');
    expect(text).not.toContain('تابع القراءة');
    expect(text).not.toContain('المصادر');
  });

  it('finds the caption and the teaser glued to it', () => {
    expect(ofKind(article, 'caption')).toEqual([expect.stringContaining('(الصورة: وسائل التواصل)')]);
    expect(ofKind(article, 'lead')).toEqual([TEASER]);
    expect(kinds(article).slice(0, 4)).toEqual(['title', 'caption', 'lead', 'paragraph']);
  });

  it('finds the section headings', () => {
    expect(ofKind(article, 'heading')).toEqual(['تعاون جديد', 'ضغوط على روسيا']);
  });

  it('collects the sources without their label', () => {
    expect(article.sources).toBe('العربي - أ ف ب');
  });

  it('is Arabic, right to left', () => {
    expect(article).toMatchObject({ id: 'putin-raisi-call', lang: 'ar', dir: 'rtl' });
  });

  it('loses no text', () => {
    const furniture = new Set(['شارك القصة', 'تابع القراءة', 'المصادر:']);
    const kept = visible(article);
    for (const line of seed.split('\n').map((l) => l.trim())) {
      if (line === '' || furniture.has(line)) continue;
      expect(kept).toContain(line);
    }
    expect(article.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(13);
  });
});

describe('parsePlainTextArticle variants', () => {
  it('without a caption, the short first paragraph becomes the lead', () => {
    const text = seed.replace(/^تقرير لـ.*\n.*\n/m, '');
    const article = parsePlainTextArticle(text, { id: 'x' });
    expect(ofKind(article, 'caption')).toEqual([]);
    expect(ofKind(article, 'lead')).toEqual([expect.stringMatching(/^وسط تقارب إضافي/)]);
  });

  it('without a dateline, the first line is the title', () => {
    const text = seed.split('\n').slice(2).join('\n');
    const article = parsePlainTextArticle(text, { id: 'x' });
    expect(article.dateline).toBeUndefined();
    expect(article.title).toBe(TITLE);
  });

  it('handles Windows line endings and a BOM', () => {
    const crlf = parsePlainTextArticle(`\uFEFF${seed.replace(/\n/g, '\r\n')}`, { id: 'x' });
    const lf = parsePlainTextArticle(seed, { id: 'x' });
    expect(crlf).toEqual(lf);
  });

  it('keeps diacritics in the text and still drops a repeated title written without them', () => {
    const text = 'الأربعاء 5 شباط 2025\n\nمُؤْتَمَرٌ دُوَلِيٌّ فِي بَيْرُوتَ\n\nمؤتمر دولي في بيروت\n\nافتُتِحَ في بيروت مؤتمرٌ دوليٌّ للمياه.\n\nوشارك فيه خبراء من عشرين بلدًا.';
    const article = parsePlainTextArticle(text, { id: 'x' });
    expect(article.dateline).toEqual({ raw: 'الأربعاء 5 شباط 2025', date: '2025-02-05' });
    expect(article.title).toBe('مُؤْتَمَرٌ دُوَلِيٌّ فِي بَيْرُوتَ');
    expect(article.blocks.map((b) => b.text)).not.toContain('مؤتمر دولي في بيروت');
    expect(ofKind(article, 'lead')).toEqual(['افتُتِحَ في بيروت مؤتمرٌ دوليٌّ للمياه.']);
  });

  it('keeps a title that is not repeated and a second line that differs', () => {
    const text = 'عنوان الخبر هنا\n\nالفقرة الأولى من الخبر.\n\nالفقرة الثانية من الخبر.';
    const article = parsePlainTextArticle(text, { id: 'x' });
    expect(article.blocks.map((b) => b.text)).toEqual(['عنوان الخبر هنا', 'الفقرة الأولى من الخبر.', 'الفقرة الثانية من الخبر.']);
  });

  it('parses English text', () => {
    const text = [
      'Monday, March 4, 2024',
      '',
      'City council approves new tram line',
      'City council approves new tram line',
      '',
      'Share',
      '',
      'A new tram stop near the old harbour (Photo: City archive)',
      'The line will link the port to the university by 2027.',
      '',
      'The council voted 31 to 9 on Monday evening after a long debate.',
      '',
      'What happens next',
      '',
      'Construction starts in the autumn, the mayor said.',
      '',
      'Read more',
      'Sources:',
      'Local Herald',
      'City press office',
    ].join('\n');
    const article = parsePlainTextArticle(text, { id: 'en' });
    expect(article).toMatchObject({ lang: 'en', dir: 'ltr', title: 'City council approves new tram line' });
    expect(article.dateline).toEqual({ raw: 'Monday, March 4, 2024', date: '2024-03-04' });
    expect(kinds(article)).toEqual(['title', 'caption', 'lead', 'paragraph', 'heading', 'paragraph']);
    expect(article.sources).toBe('Local Herald · City press office');
  });

  it('reads Arabic-Indic digits and Levantine months in datelines', () => {
    const article = parsePlainTextArticle('الثلاثاء ١٢ آذار ٢٠٢٤\nعنوان\nنص الخبر.', { id: 'x' });
    expect(article.dateline).toEqual({ raw: 'الثلاثاء ١٢ آذار ٢٠٢٤', date: '2024-03-12' });
    const two = parsePlainTextArticle('السبت 14 كانون الأول 2024\nعنوان\nنص الخبر.', { id: 'x' });
    expect(two.dateline?.date).toBe('2024-12-14');
    const numeric = parsePlainTextArticle('الجمعة 07/06/2024 - 10:30\nعنوان\nنص الخبر.', { id: 'x' });
    expect(numeric.dateline?.date).toBe('2024-06-07');
  });

  it('keeps a weekday-only dateline without a date, and a sentence with a date is not a dateline', () => {
    expect(parsePlainTextArticle('الخميس\nعنوان\nنص.', { id: 'x' }).dateline).toEqual({ raw: 'الخميس' });
    const sentence = parsePlainTextArticle('وقع الاتفاق في 19 سبتمبر 2024 في الرياض\nنص.', { id: 'x' });
    expect(sentence.dateline).toBeUndefined();
    expect(sentence.title).toBe('وقع الاتفاق في 19 سبتمبر 2024 في الرياض');
  });

  it('treats a whole quoted line as a quote', () => {
    const article = parsePlainTextArticle('عنوان\n\nقال الوزير:\n\n«نحن أمام مرحلة جديدة من التعاون».\n\nوانتهى اللقاء.', { id: 'x' });
    expect(ofKind(article, 'quote')).toEqual(['«نحن أمام مرحلة جديدة من التعاون».']);
  });

  it('keeps "المصادر:" in the middle of a long text as a paragraph', () => {
    const body = Array.from({ length: 10 }, (_, i) => `الفقرة رقم ${i + 1} من النص.`).join('\n');
    const article = parsePlainTextArticle(`عنوان\nالمصادر:\n${body}`, { id: 'x' });
    expect(article.sources).toBeUndefined();
    expect(articleText(article)).toContain('المصادر:');
  });

  it('throws a typed error for empty text', () => {
    for (const empty of ['', '   \n\t\r\n ', '\uFEFF']) {
      expect(() => parsePlainTextArticle(empty, { id: 'x' })).toThrow(ArticleParseError);
      try {
        parsePlainTextArticle(empty, { id: 'x' });
      } catch (error) {
        expect((error as ArticleParseError).code).toBe('empty');
      }
    }
  });

  it('parses the bundled articles as written', () => {
    const gulf = parsePlainTextArticle(bundledText('gulf-data-centres.txt'), { id: 'gulf-data-centres' });
    expect(gulf.dateline?.date).toBe('2024-03-12');
    expect(ofKind(gulf, 'heading')).toHaveLength(5);
    expect(ofKind(gulf, 'caption')).toEqual([]);
    expect(ofKind(gulf, 'lead')).toHaveLength(1);
    const jerash = parsePlainTextArticle(bundledText('jerash-mosaic.txt'), { id: 'jerash-mosaic' });
    expect(jerash.dateline?.date).toBe('2024-11-03');
    expect(ofKind(jerash, 'heading')).toEqual([]);
    expect(ofKind(jerash, 'caption')).toHaveLength(1);
    expect(ofKind(jerash, 'quote')).toHaveLength(1);
    expect(ofKind(jerash, 'lead')).toHaveLength(1);
  });
});

describe('parsePlainTextArticle never loses text', () => {
  const wordPool = [
    'طهران', 'موسكو', 'الرئيس', 'بوتين', 'قال', 'إن', 'التعاون', 'مُؤتمر', 'الخميس', '19', '٢٠٢٤', 'سبتمبر',
    'Reuters', 'Paris', 'council', '(الصورة:', 'وكالات)', '«قال', 'هذا»', 'report.', 'الاقتصاد،', 'Monday',
  ];
  const furniture = ['شارك القصة', 'تابع القراءة', 'اقرأ المزيد', 'Share', 'Read more', 'شارك'];
  const lineArb = fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...wordPool), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')) },
    { weight: 1, arbitrary: fc.constantFrom(...furniture) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  const endArb = fc.constantFrom('\n', '\r\n');

  it('every non-furniture word of the input appears in the output', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 25 }), endArb, (lines, eol) => {
        const text = lines.join(eol);
        const words = lines.filter((l) => !furniture.includes(l)).flatMap((l) => l.split(' ')).filter((w) => w !== '');
        if (words.length === 0) return;
        const output = visible(parsePlainTextArticle(text, { id: 'p' })).split(/\s+/);
        for (const word of words) expect(output).toContain(word);
      }),
      { numRuns: 300 },
    );
  });

  it('any text: a valid article keeping every word, or a typed error', () => {
    const chars = fc.constantFrom('ا', 'ب', 'ـ', 'َ', '١', '«', '»', '"', '(', ')', ':', '.', '؟', 'a', 'Z', '7', ' ', ' ', '\n', '\n', '\r', '\t', '\u00a0', '\uFEFF', '-', '/');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 300 }).map((c) => c.join('')), (text) => {
        let article: Article;
        try {
          article = parsePlainTextArticle(text, { id: 'p' });
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleParseError);
          return;
        }
        expect(isArticle(article)).toBe(true);
        // Compared normalised: a repeated title differing only in tatweel/diacritics is dropped by design.
        const output = new Set(visible(article).split(/\s+/).map(normaliseForId));
        // The parser removes stray BOMs (zero-width, not word separators).
        const lines = text.replace(/\uFEFF/g, '').split(/\r\n?|\n/).filter((l) => !isFurnitureLine(l.trim()));
        for (const word of lines.join(' ').split(/\s+/)) if (normaliseForId(word) !== '') expect(output).toContain(normaliseForId(word));
      }),
      { numRuns: 500 },
    );
  });
});

describe('wire stories', () => {
  it('a place-first dateline above the headline is the dateline, and the headline is the title', () => {
    const article = parsePlainTextArticle(
      'الخرطوم - الأحد 6 أبريل 2025\n\nالجيش السوداني يعلن استعادة مواقع جديدة شرق العاصمة\n\nأعلن الجيش السوداني اليوم الأحد استعادة مواقع جديدة في الأطراف الشرقية للعاصمة الخرطوم بعد معارك استمرت أياما.\n\nوقال متحدث باسم الجيش إن قواته تتقدم على أكثر من محور.',
      { id: 'wire' },
    );
    expect(article.title).toBe('الجيش السوداني يعلن استعادة مواقع جديدة شرق العاصمة');
    expect(article.dateline).toEqual({ raw: 'الخرطوم - الأحد 6 أبريل 2025', date: '2025-04-06' });
  });

  it('an agency dateline glued to the first paragraph moves to the dateline', () => {
    const article = parsePlainTextArticle(
      'مصر تستضيف جولة جديدة من المحادثات\n\nالقاهرة (رويترز) - قال مسؤولون مصريون إن جولة جديدة من المحادثات ستعقد في القاهرة الأسبوع المقبل.\n\nوأضافوا أن الوفود ستصل تباعا.',
      { id: 'wire2' },
    );
    expect(article.title).toBe('مصر تستضيف جولة جديدة من المحادثات');
    expect(article.dateline).toEqual({ raw: 'القاهرة (رويترز)' });
    expect(article.blocks[1]?.text).toBe('قال مسؤولون مصريون إن جولة جديدة من المحادثات ستعقد في القاهرة الأسبوع المقبل.');
  });

  it('a date line on top and a wire dateline in the paragraph make one dateline', () => {
    const article = parsePlainTextArticle(
      'الأحد 6 أبريل 2025\n\nمصر تستضيف جولة جديدة من المحادثات\n\nالقاهرة (رويترز) - قال مسؤولون مصريون إن جولة جديدة من المحادثات ستعقد الأسبوع المقبل.\n\nوأضافوا أن الوفود ستصل تباعا.',
      { id: 'wire3' },
    );
    expect(article.dateline).toEqual({ raw: 'القاهرة (رويترز) - الأحد 6 أبريل 2025', date: '2025-04-06' });
  });
});
