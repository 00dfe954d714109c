import { describe, expect, it } from 'vitest';
import { articleText, type Article } from '../../../src/core/article/article';
import { chooseTitle } from '../../../src/core/article/html/title';
import { importFromHtml } from '../../../src/core/article/import-file';
import { mediaMatches, parseStyleSheets, specificity } from '../../../src/core/article/html/stylesheet';

/**
 * Issue 23's hostile pages: text only a stylesheet hides, scripts inside headings and captions, a
 * <base href>, credit lines that carry a year; and titles whose site name must go. Every page here
 * is parsed by the same code the import worker runs (parse5 into linkedom, no browser DOM).
 */

const STORY = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بطاقة استيعابية تبلغ مئتي سرير.',
  'وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة والقرى المحيطة.',
  'وأضاف أن الحكومة تعتزم افتتاح ثلاثة مستشفيات أخرى خلال العام المقبل ضمن خطة لتطوير القطاع الصحي.',
];

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح مستشفى جديد</title>${head}</head><body><article><h1>افتتاح مستشفى جديد</h1>${body}</article></body></html>`;
}

function imported(html: string, url?: string): Article {
  const result = importFromHtml(html, url ? { url } : {});
  if (!result.ok) throw new Error(result.error);
  return result.article;
}

const storyParagraphs = STORY.map((p) => `<p>${p}</p>`).join('');
const SECRET = 'نص سري لا يراه القارئ';

describe('only what a reader would see', () => {
  const cases: readonly [string, string, string?][] = [
    ['a <style> rule with display:none', `<p class="x">${SECRET}</p>`, '<style>.x{display:none}</style>'],
    ['font-size:0 from a rule', `<p><span class="tiny">${SECRET}</span></p>`, '<style>.tiny { font-size: 0 }</style>'],
    ['font-size:0 inherited by a span in em', `<div class="z"><p><span style="font-size:1.2em">${SECRET}</span></p></div>`, '<style>.z{font-size:0px}</style>'],
    ['the font: 0/0 a shorthand', `<p class="ir">${SECRET}</p>`, '<style>.ir{font:0/0 a}</style>'],
    ['opacity:0 inline', `<p style="opacity:0">${SECRET}</p>`],
    ['opacity:0 from an id rule', `<p id="ghost">${SECRET}</p>`, '<style>#ghost{opacity:0.0}</style>'],
    ['visibility:hidden from a descendant rule', `<section class="wrap"><p>${SECRET}</p></section>`, '<style>article .wrap p{visibility:hidden}</style>'],
    ['clip rect(0 0 0 0)', `<p class="sr">${SECRET}</p>`, '<style>.sr{position:absolute;clip:rect(0 0 0 0)}</style>'],
    ['clip-path inset(50%)', `<p class="cp">${SECRET}</p>`, '<style>.cp{clip-path:inset(50%)}</style>'],
    ['off-screen positioning', `<p class="off">${SECRET}</p>`, '<style>.off{position:absolute;left:-9999px}</style>'],
    ['text-indent far off', `<p class="ti">${SECRET}</p>`, '<style>.ti{text-indent:-10000px}</style>'],
    ['a 1px box with overflow hidden', `<p class="one">${SECRET}</p>`, '<style>.one{width:1px;height:1px;overflow:hidden;position:absolute}</style>'],
    ['a rule inside a matching @media', `<p class="m">${SECRET}</p>`, '<style>@media screen and (min-width: 768px){.m{display:none}}</style>'],
    ['the hidden attribute', `<p hidden>${SECRET}</p>`],
    ['a rule with !important over an inline style', `<p class="imp" style="display:block">${SECRET}</p>`, '<style>.imp{display:none!important}</style>'],
  ];
  for (const [name, body, head] of cases) {
    it(`drops text hidden by ${name}`, () => {
      const article = imported(page(`${STORY.slice(0, 1).map((p) => `<p>${p}</p>`).join('')}${body}${STORY.slice(1).map((p) => `<p>${p}</p>`).join('')}`, head));
      expect(articleText(article)).not.toContain(SECRET);
      expect(articleText(article)).toContain(STORY[2]);
    });
  }

  it('keeps what a rule shows again or never hides: visibility:visible on a child, a print-only or hover rule, a later rule that wins', () => {
    const shown = 'نص ظاهر للقارئ داخل عنصر مخفي الأب';
    const article = imported(
      page(
        `${storyParagraphs}<div class="vh"><p class="back">${shown}</p></div><p class="pr">نص يظهر على الشاشة.</p><p class="hv">نص يظهر دون مرور الفأرة.</p><p class="later">نص تظهره القاعدة الأخيرة.</p>`,
        '<style>.vh{visibility:hidden}.vh .back{visibility:visible}@media print{.pr{display:none}}.hv:hover{display:none}p.later{display:none}.later{color:red}body p.later{display:block}</style>',
      ),
    );
    const text = articleText(article);
    expect(text).toContain(shown);
    expect(text).toContain('نص يظهر على الشاشة.');
    expect(text).toContain('نص يظهر دون مرور الفأرة.');
    expect(text).toContain('نص تظهره القاعدة الأخيرة.');
  });

  it('never reads a <script> inside the <h1> or a <figcaption>, nor <template>, <noscript> or <style> text', () => {
    const html = `<!doctype html><html lang="ar"><head><title>x</title><base href="https://evil.example/"></head><body><article>
      <h1>افتتاح مستشفى جديد<script>document.title="مخترق"; var payload = "نص سكربت";</script></h1>
      <figure><img src="a.jpg"><figcaption>الوزير يقص الشريط<script>var caption = "نص سكربت";</script></figcaption></figure>
      ${storyParagraphs}<template><p>${SECRET}</p></template><noscript><p>${SECRET}</p></noscript><style>p::after{content:"${SECRET}"}</style></article></body></html>`;
    const article = imported(html);
    expect(article.title).toBe('افتتاح مستشفى جديد');
    expect(article.blocks.find((b) => b.kind === 'caption')?.text).toBe('الوزير يقص الشريط');
    expect(articleText(article)).not.toMatch(/سكربت|مخترق|payload|evil/);
    expect(articleText(article)).not.toContain(SECRET);
  });

  it('keeps aria-hidden text that readers see (a long visual paragraph) but drops short decoration', () => {
    const visual = 'هذه فقرة كاملة يراها القارئ على الشاشة وقد أخفاها الموقع عن قارئات الشاشة لأن لها نسخة أخرى مخصصة لهن في الصفحة نفسها.';
    const article = imported(page(`${storyParagraphs}<p aria-hidden="true">${visual}</p><span aria-hidden="true">★ ★ ★</span>`));
    expect(articleText(article)).toContain(visual);
    expect(articleText(article)).not.toContain('★');
  });

  it('never takes a footer credit line in capitals for the date line', () => {
    const article = imported(
      page(`${storyParagraphs}`, '') .replace('</article>', '</article><div class="site-credit date-footer">DESIGNED BY AHMED SALEH STUDIO 12 MAY 2019</div><div class="copyright">© 2019 جميع الحقوق محفوظة</div>'),
    );
    expect(article.dateline).toBeUndefined();
    expect(article.sources ?? '').not.toMatch(/DESIGNED|©/);
  });

  it('is refused before parsing when nested too deep, whatever its styles', () => {
    expect(importFromHtml(`<html><body>${'<div>'.repeat(400)}x${'</div>'.repeat(400)}</body></html>`)).toMatchObject({ ok: false, error: 'too-deep' });
  });
});

describe('stylesheets', () => {
  it('reads rules, media queries and specificity', () => {
    expect(parseStyleSheets(['/* c */ .a, #b > p { display: none } @font-face { src: url(x) } @media print { .c { display:none } } .d:hover{display:none} .e{color:red}']).map((r) => r.selector)).toEqual(['.a', '#b > p']);
    expect(mediaMatches('screen and (max-width: 600px)')).toBe(false);
    expect(mediaMatches('(min-width: 40em)')).toBe(true);
    expect(mediaMatches('print')).toBe(false);
    expect(mediaMatches('not print')).toBe(true);
    expect(specificity('#a .b p')).toBeGreaterThan(specificity('.b .c p'));
    expect(specificity('.b .c')).toBeGreaterThan(specificity('div p span'));
  });
});

describe('titles without the site', () => {
  it('strips a site name from <title> or og:title when the page states it, spells its host, or repeats it', () => {
    expect(chooseTitle({ documentTitle: 'صنعاء نيوز - افتتاح مكتبة عامة', siteNames: ['صنعاء نيوز'] })).toBe('افتتاح مكتبة عامة');
    expect(chooseTitle({ headline: 'افتتاح مكتبة عامة | Aljazeera.net', siteNames: [], host: 'aljazeera.net' })).toBe('افتتاح مكتبة عامة');
    expect(chooseTitle({ documentTitle: 'Al Jazeera - افتتاح مكتبة عامة', siteNames: [], host: 'aljazeera.net' })).toBe('افتتاح مكتبة عامة');
    expect(chooseTitle({ documentTitle: 'افتتاح مكتبة عامة - موقع الخبر', otherTitles: ['افتتاح مكتبة عامة'], siteNames: [] })).toBe('افتتاح مكتبة عامة');
    expect(
      chooseTitle({ headline: 'بوابة الوطن: افتتاح مكتبة عامة', otherTitles: ['بوابة الوطن: افتتاح مكتبة عامة', 'بوابة الوطن: مكتبة جديدة في المدينة'], siteNames: [] }),
    ).toBe('افتتاح مكتبة عامة');
    // The <title> alone, "Site name - Headline", with og:site_name.
    expect(chooseTitle({ documentTitle: 'مفوضية العلاقات الوطنية - لقاء موسع مع ممثلي الفصائل', siteNames: ['مفوضية العلاقات الوطنية'] })).toBe('لقاء موسع مع ممثلي الفصائل');
  });

  it('keeps a headline whose parts are not the site', () => {
    expect(chooseTitle({ documentTitle: 'الأردن - سوريا: معبر جديد', siteNames: [], host: 'example.com' })).toBe('الأردن - سوريا: معبر جديد');
    expect(chooseTitle({ headline: 'السودان: اتفاق جديد', siteNames: ['موقع'] })).toBe('السودان: اتفاق جديد');
  });

  it('a page whose only headline is its <title> in the form "Site - Headline" loses the site (og:site_name)', () => {
    const html = `<!doctype html><html lang="ar"><head><meta property="og:site_name" content="شبكة الأخبار"><title>شبكة الأخبار - افتتاح مستشفى جديد في المدينة</title></head><body><div class="content">${storyParagraphs}</div></body></html>`;
    expect(imported(html).title).toBe('افتتاح مستشفى جديد في المدينة');
  });

  it('gives the site Arabic name in the sources when the page has one beside a Latin og:site_name', () => {
    const html = page(storyParagraphs, '<meta property="og:site_name" content="Al Jazeera"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Al Jazeera","alternateName":"الجزيرة نت"}}</script>');
    expect(imported(html, 'https://www.aljazeera.net/news/1').sources).toBe('الجزيرة نت · https://www.aljazeera.net/news/1');
  });
});
