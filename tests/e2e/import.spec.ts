import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { open } from './fixtures';

/**
 * Issue 11 through the real UI of the production build (with its CSP): files (one and several),
 * paste (plain, HTML source, rich), drop, and the bookmarklet on a page from another origin. Every
 * import must log no CSP violation.
 */

const FIXTURES = fileURLToPath(new URL('../fixtures/import', import.meta.url));
const fixture = (name: string) => readFileSync(resolve(FIXTURES, name));

/** Collects CSP violations (events and console reports) from the start of the page. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

async function openImport(page: Page, mode: 'paste' | 'file'): Promise<void> {
  await open(page, '#/');
  await page.locator('[data-action="open-import"]').click();
  if (mode === 'file') await page.locator('dialog input[type="radio"][value="file"]').check();
}

const results = (page: Page) => page.locator('[data-import-results] [data-import-result]');

/** The preview is open, read from its top (the title whole in view) with Save focused: Enter saves, as a reader would. */
async function saveFromPreview(page: Page): Promise<void> {
  await expect(page.locator('[data-action="save-import"]')).toBeFocused();
  await expect(page.locator('[data-preview-field="title"]')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
}

/**
 * A highlight lands on exactly `text`: its elements stand around whole words (a word's punctuation
 * included, see core/decorations/words.ts), the exact span inside them is painted as ranges.
 */
async function expectHighlightOn(page: Page, id: string, text: string): Promise<void> {
  const marks = page.locator(`article mark.highlight[data-annotation-id="${id}"]`);
  await expect(marks.first()).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const elements = [...document.querySelectorAll(`article mark[data-annotation-id="${id}"]`)];
        const ranges: Range[] = [];
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('hashiya-highlight-')) return;
          for (const painted of highlight) {
            if (!elements.some((el) => el.contains(painted.startContainer))) continue;
            // The app paints static ranges: a live copy can be compared and read.
            const range = document.createRange();
            range.setStart(painted.startContainer, painted.startOffset);
            range.setEnd(painted.endContainer, painted.endOffset);
            ranges.push(range);
          }
        });
        return ranges
          .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
          .map((range) => range.toString())
          .join('');
      }, id),
    )
    .toBe(text);
  expect((await marks.allTextContents()).join('')).toContain(text);
}

test('an Al Jazeera-style page: title without site name, Intl date line, caption, sources once, no hidden text, no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  await openImport(page, 'file');
  await page.locator('dialog input[type="file"]').setInputFiles({ name: 'aljazeera.html', mimeType: 'text/html', buffer: fixture('aljazeera-news.html') });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-preview-field="title"]')).toHaveValue('مزارعو الأغوار يواجهون موسماً جافاً للعام الثالث');
  await expect(page.locator('[data-dropped="hidden"]')).toContainText('مخفي', { useInnerText: false });
  await saveFromPreview(page);
  const article = page.locator('article');
  await expect(article.locator('h1')).toHaveText('مزارعو الأغوار يواجهون موسماً جافاً للعام الثالث');
  await expect(article.locator('.dateline')).toHaveText('الاثنين، 23 سبتمبر 2019');
  await expect(article.locator('.dateline time')).toHaveAttribute('datetime', '2019-09-23');
  await expect(article.locator('figcaption').first()).toContainText('مزارع يتفقد أرضه');
  await expect(article.locator('h2')).toHaveText(['حلول مؤقتة']);
  await expect(article.locator('.article-sources')).toContainText('وكالات · الجزيرة نت');
  // The address: an isolated left-to-right link, host first.
  const address = article.locator('.article-sources a[data-source-url]');
  await expect(address).toHaveAttribute('href', 'https://www.aljazeera.net/news/2019/9/24/farmers-jordan-valley');
  await expect(address).toHaveAttribute('dir', 'ltr');
  await expect(address).toHaveText('aljazeera.net › news/2019/9/24/farmers-jordan-valley');
  await expect(article).not.toContainText('مخفي');
  await expect(article).not.toContainText('شارك');
  await expect(article).not.toContainText('2019-09-23T');
  expect(violations).toEqual([]);
  // The page printed no date line: its date is Hashiya's, so it follows the interface language.
  await page.evaluate(() => localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { uiLanguage: 'en' } })));
  await page.reload();
  await expect(page.locator('article .dateline')).toHaveText('Monday, September 23, 2019');
  await expect(page.locator('article .dateline time bdi')).toHaveAttribute('lang', 'en');
});

test('a windows-1256 page with <br> paragraphs and a visible date line', async ({ page }) => {
  const violations = await watchCsp(page);
  await openImport(page, 'file');
  await page.locator('dialog input[type="file"]').setInputFiles({ name: 'sanaa.htm', mimeType: 'text/html', buffer: fixture('sanaa-news-cp1256.html') });
  await page.locator('[data-action="import-submit"]').click();
  await saveFromPreview(page);
  const article = page.locator('article');
  await expect(article.locator('h1')).toHaveText('افتتاح مكتبة عامة جديدة في مدينة تعز بعد سنوات من الإغلاق');
  // A printed date line: the date in the reader's language, the line as printed in its tooltip.
  await expect(article.locator('.dateline')).toHaveText('الاثنين، 23 سبتمبر 2019');
  await expect(article.locator('.dateline time')).toHaveAttribute('title', 'الاثنين 23 سبتمبر 2019');
  await expect(article.locator('[data-block-id]')).toHaveCount(6);
  await expect(article).not.toContainText('تصميم');
  expect(violations).toEqual([]);
});

test('several files in the picker: one result line each, imported or refused with the reason', async ({ page }) => {
  const violations = await watchCsp(page);
  await openImport(page, 'file');
  await page.locator('dialog input[type="file"]').setInputFiles([
    { name: 'party.html', mimeType: 'text/html', buffer: fixture('party-commission.html') },
    { name: 'bbc.html', mimeType: 'text/html', buffer: fixture('bbc-arabic-graph.html') },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
    { name: 'nested.html', mimeType: 'text/html', buffer: Buffer.from(`<html><body>${'<div>'.repeat(5_000)}نص${'</div>'.repeat(5_000)}</body></html>`) },
  ]);
  await page.locator('[data-action="import-submit"]').click();
  await saveFromPreview(page);
  await expect(page.locator('[data-preview-field="title"]')).toHaveValue('علماء يرصدون عودة طيور مهاجرة نادرة إلى بحيرة قارون');
  await saveFromPreview(page);
  const lines = page.locator('dialog [data-import-result]');
  await expect(lines).toHaveCount(4);
  await expect(page.locator('dialog [data-import-result][data-status="imported"]')).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('لقاء موسع مع ممثلي الفصائل لبحث ملف المصالحة');
  await expect(lines.nth(2)).toHaveAttribute('data-status', 'refused');
  await expect(lines.nth(3)).toHaveAttribute('data-status', 'refused');
  await expect(lines.nth(3)).toContainText('5,002');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(2);
  expect(violations).toEqual([]);
});

test('files dropped on the library get a result line each', async ({ page }) => {
  const violations = await watchCsp(page);
  await open(page, '#/');
  const youm7 = fixture('youm7-cp1256.html').toString('base64');
  const text = fixture('pasted-with-dateline-after-title.txt').toString('base64');
  const drop = await page.evaluateHandle(
    ([a, b]) => {
      const bytes = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes(a!)], 'youm7.html', { type: 'text/html' }));
      data.items.add(new File([bytes(b!)], 'olive.txt', { type: 'text/plain' }));
      data.items.add(new File(['x'], 'notes.docx', { type: 'application/octet-stream' }));
      return data;
    },
    [youm7, text] as const,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: drop });
  await expect(page.locator('[data-drop-overlay]')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
  await saveFromPreview(page);
  await expect(page.locator('[data-preview-field="title"]')).toHaveValue(/زيت/);
  await saveFromPreview(page);
  await expect(results(page)).toHaveCount(3);
  await expect(results(page).nth(0)).toHaveAttribute('data-status', 'imported');
  await expect(results(page).nth(0)).toContainText('افتتاح متحف جديد للحرف التقليدية في أسوان');
  await expect(results(page).nth(1)).toHaveAttribute('data-status', 'imported');
  await expect(results(page).nth(2)).toHaveAttribute('data-status', 'refused');
  await expect(page.locator('[data-drop-overlay]')).toHaveCount(0);
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(2);
  await results(page).nth(1).locator('a').click();
  await expect(page.locator('article .dateline')).toHaveText('الثلاثاء، 15 أكتوبر 2019');
  await expect(page.locator('article h2')).toHaveCount(0);
  expect(violations).toEqual([]);
});

test('a page source pasted as text is imported as HTML; a rich paste goes through the HTML path', async ({ page }) => {
  const violations = await watchCsp(page);
  await openImport(page, 'paste');
  await page.locator('dialog textarea').fill(fixture('aljazeera-news.html').toString('utf8'));
  await page.locator('[data-action="import-submit"]').click();
  await saveFromPreview(page);
  await expect(page.locator('article h1')).toHaveText('مزارعو الأغوار يواجهون موسماً جافاً للعام الثالث');
  await expect(page.locator('article [data-block-id]')).toHaveCount(8);

  await openImport(page, 'paste');
  const html = `<meta charset="utf-8"><h1>ندوة عن الشعر الفلسطيني في رام الله</h1><p>نظم اتحاد الكتاب ندوة عن الشعر الفلسطيني المعاصر بمشاركة نقاد وشعراء من الضفة والداخل.<br><br>وناقش المشاركون تحولات القصيدة بعد عام ألفين وأثر وسائل التواصل في انتشارها بين الشباب.</p><p style="display:none">نص مخفي</p>`;
  const plain = 'ندوة عن الشعر الفلسطيني في رام الله\nنظم اتحاد الكتاب ندوة عن الشعر الفلسطيني المعاصر بمشاركة نقاد وشعراء من الضفة والداخل.\n\nوناقش المشاركون تحولات القصيدة بعد عام ألفين وأثر وسائل التواصل في انتشارها بين الشباب.\nنص مخفي';
  await page.locator('dialog textarea').evaluate((el, [h, p]) => {
    const data = new DataTransfer();
    data.setData('text/html', h!);
    data.setData('text/plain', p!);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [html, plain] as const);
  await page.locator('dialog textarea').fill(plain);
  await expect(page.locator('[data-rich-paste]')).toBeVisible();
  await page.locator('[data-action="import-submit"]').click();
  await saveFromPreview(page);
  await expect(page.locator('article h1')).toHaveText('ندوة عن الشعر الفلسطيني في رام الله');
  await expect(page.locator('article')).not.toContainText('نص مخفي');
  await expect(page.locator('article [data-block-id]')).toHaveCount(3);
  expect(violations).toEqual([]);
});

let server: Server;
let otherOrigin: string;
test.beforeAll(async () => {
  // A news page on a second origin (another loopback port), for the bookmarklet.
  server = createServer((request, response) => {
    const name = (request.url ?? '/').replace(/^\/+/, '').replace(/[^a-z0-9.-]/gi, '');
    let body: Buffer;
    try {
      body = fixture(name || 'aljazeera-news.html');
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  otherOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test('the bookmarklet hands a page from another origin to Hashiya, which imports it with its URL as source', async ({ page, context }) => {
  await open(page, '#/');
  await page.locator('[data-action="show-bookmarklet"]').click();
  await expect(page.locator('[data-action="bookmarklet"]')).toHaveAttribute('href', /^javascript:/);
  const href = await page.locator('[data-action="bookmarklet"]').getAttribute('href');
  expect(href).toMatch(/^javascript:/);

  const news = await context.newPage();
  await news.goto(`${otherOrigin}/bbc-arabic-graph.html`);
  const popup = context.waitForEvent('page');
  // What clicking the bookmark does: run its code in the news page.
  await news.evaluate((code) => (0, eval)(code), decodeURIComponent(href!.slice('javascript:'.length)));
  const app = await popup;
  const violations = await watchCsp(app).catch(() => [] as string[]);
  await expect(app.locator('dialog[data-dialog="page-import"]')).toBeVisible();
  await expect(app.locator('dialog[data-dialog="page-import"] [data-preview-url] a')).toHaveAttribute('href', `${otherOrigin}/bbc-arabic-graph.html`);
  await expect(app.locator('dialog[data-dialog="page-import"] [data-claimed-url]')).toHaveCount(0);
  await saveFromPreview(app);
  const line = app.locator('[data-import-result][data-status="imported"]');
  await expect(line).toContainText('علماء يرصدون عودة طيور مهاجرة نادرة إلى بحيرة قارون');
  await line.locator('a').click();
  await expect(app.locator('article h1')).toHaveText('علماء يرصدون عودة طيور مهاجرة نادرة إلى بحيرة قارون');
  await expect(app.locator('article .article-sources a[data-source-url]')).toHaveAttribute('href', `${otherOrigin}/bbc-arabic-graph.html`);
  expect(violations).toEqual([]);
});

test('a message that is not a page is ignored, and nothing is imported without the reader confirming', async ({ page, context }) => {
  await open(page, '#/');
  const news = await context.newPage();
  await news.goto(`${otherOrigin}/party-commission.html`);
  const popup = context.waitForEvent('page');
  await news.evaluate((url) => {
    const w = window.open(url, 'hashiya')!;
    const send = () => {
      w.postMessage({ type: 'hashiya-page', v: 1, url: 'javascript:alert(1)', title: 'x', html: '<p>x</p>' }, '*');
      w.postMessage({ type: 'hashiya-page', v: 1, url: 'https://example.com/', title: 'x', html: 'x'.repeat(6 * 1024 * 1024) }, '*');
      w.postMessage('<img src=x onerror=alert(1)>', '*');
    };
    setInterval(send, 300);
  }, page.url());
  const app = await popup;
  await expect(app.locator('[data-action="open-import"]')).toBeVisible();
  await app.waitForTimeout(1_500);
  await expect(app.locator('dialog[data-dialog="page-import"]')).toHaveCount(0);
  await expect(app.locator('[data-library="imported"] [data-library-article]')).toHaveCount(0);
});

test('a page message from a window other than the opener is ignored; the opener\'s own is previewed', async ({ page, context }) => {
  await open(page, '#/');
  const news = await context.newPage();
  await news.goto(`${otherOrigin}/party-commission.html`);
  const popup = context.waitForEvent('page');
  const story = (title: string) => `<html><body><article><h1>${title}</h1><p>نص الفقرة الأولى من الخبر وفيه كلمات كافية ليكون مقالا كاملا هنا.</p><p>وفقرة ثانية فيها كلمات كافية أيضا.</p></article></body></html>`;
  // The news page opens Hashiya.
  await news.evaluate((appUrl) => {
    (window as unknown as { hashiya: Window }).hashiya = window.open(appUrl, 'hashiya')!;
  }, page.url());
  const app = await popup;
  await expect(app.locator('[data-action="open-import"]')).toBeVisible();
  // A frame inside the news page (same window group, not the opener) finds the tab by its name and
  // keeps posting a well-formed page to it. (Chromium makes it the tab's window.opener from then on.)
  await news.evaluate((framed) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>
      var w = window.open('', 'hashiya');
      var m = { type: 'hashiya-page', v: 1, url: 'https://example.org/framed', title: 'framed', html: ${JSON.stringify(framed)} };
      setInterval(function () { w.postMessage(m, '*'); }, 200);
    </scr${''}ipt>`;
    document.body.append(frame);
  }, story('صفحة من إطار ليس هو الفاتح'));
  // Its messages reach the tab, and are ignored.
  await app.evaluate(
    () =>
      new Promise<void>((resolve) =>
        window.addEventListener('message', (e) => {
          if ((e.data as { title?: string } | null)?.title === 'framed') resolve();
        }),
      ),
  );
  await app.waitForTimeout(1_500);
  await expect(app.locator('dialog[data-dialog="page-import"]')).toHaveCount(0);
  // The opener's own page, sent the same way, is taken.
  await news.evaluate((html) => {
    const w = (window as unknown as { hashiya: Window }).hashiya;
    const m = { type: 'hashiya-page', v: 1, url: location.href, title: 'opener', html };
    setInterval(() => w.postMessage(m, '*'), 200);
  }, story('صفحة الفاتح نفسه'));
  const dialog = app.locator('dialog[data-dialog="page-import"]');
  await expect(dialog.locator('[data-preview-field="title"]')).toHaveValue('صفحة الفاتح نفسه');
  await saveFromPreview(app);
  await expect(app.locator('[data-import-result][data-status="imported"]')).toHaveCount(1);
  await expect(app.locator('[data-import-result]')).not.toContainText('ليس هو الفاتح');
});

test('the share target opens the preview with what was shared, its link kept as the address', async ({ page }) => {
  await page.goto(`./?share-title=${encodeURIComponent('خبر مشترك من الهاتف')}&share-text=${encodeURIComponent('نص قصير عن الخبر المشترك يكفي ليكون فقرة في المقال المستورد.')}&share-url=${encodeURIComponent('https://example.com/news/\u202E1')}#/`);
  await expect(page.locator('dialog [data-preview-field="title"]')).toHaveValue('خبر مشترك من الهاتف');
  await expect(page.locator('dialog [data-preview-url] a')).toHaveAttribute('href', 'https://example.com/news/1');
  expect(new URL(page.url()).search).toBe('');
  await saveFromPreview(page);
  await expect(page.locator('[data-import-result][data-status="imported"]')).toContainText('خبر مشترك من الهاتف');
});

test('notes from Recogito and Hypothesis land on the imported article by its source URL, or on the one the reader chooses', async ({ page }) => {
  await openImport(page, 'file');
  await page.locator('dialog input[type="file"]').setInputFiles({ name: 'aljazeera.html', mimeType: 'text/html', buffer: fixture('aljazeera-news.html') });
  await page.locator('[data-action="import-submit"]').click();
  await saveFromPreview(page);
  await expect(page.locator('article h1')).toBeVisible();
  await page.locator('[data-action="toggle-notes"]').click();
  const panel = page.locator('[data-notes-panel]');
  await panel.locator('[data-action="import-notes"]').setInputFiles({ name: 'recogito.jsonld', mimeType: 'application/ld+json', buffer: fixture('recogito-w3c.jsonld') });
  const report = panel.locator('[data-import-report]');
  await expect(report).toContainText('2');
  await expect(report.locator('[data-import-stored]')).toHaveAttribute('data-import-stored', '2');
  await expect(report.locator('.import-rejects li')).toHaveCount(1);
  await expectHighlightOn(page, 'ext-5c0a8f3e-1d2b-4c6a-9e7f-0a1b2c3d4e5f', 'أقل من نصف المعدل السنوي المعتاد');
  await expectHighlightOn(page, 'ext-7d1b9a4f-2e3c-4d7b-8f80-1b2c3d4e5f60', 'حفر آبار جديدة وتركيب أنظمة ري بالتنقيط');

  await panel.locator('[data-action="import-notes"]').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: fixture('hypothesis-export.json') });
  await expect(report.locator('[data-import-stored]')).toHaveAttribute('data-import-stored', '2');
  await expectHighlightOn(page, 'ext-Fq3kP0x1Ee6aBcD9zYxW1Q', 'تقدّر وزارة الزراعة الخسائر الأولية بملايين الدنانير');
  // The note on another site's page: the reader puts it on this article; it shows as an orphan.
  await report.locator('[data-action="choose-notes-article"]').selectOption({ index: 1 });
  await report.locator('[data-action="import-notes-onto"]').click();
  await expect(report.locator('[data-import-stored]')).toHaveAttribute('data-import-stored', '1');
  await page.reload();
  await page.locator('[data-action="toggle-notes"]').click();
  await expect(page.locator('[data-notes-panel] [data-note-id]')).toHaveCount(5);
  await expect(page.locator('[data-notes-orphans] [data-note-id]')).toHaveCount(2);
});

test('a pasted wire story with a place-first dateline: the headline is the title, the date in the reader\'s language', async ({ page }) => {
  await openImport(page, 'paste');
  await page.locator('dialog textarea').fill(
    'الخرطوم - الأحد 6 أبريل 2025\n\nالجيش السوداني يعلن استعادة مواقع جديدة شرق العاصمة\n\nأعلن الجيش السوداني اليوم الأحد استعادة مواقع جديدة في الأطراف الشرقية للعاصمة الخرطوم بعد معارك استمرت أياما.\n\nوقال متحدث باسم الجيش إن قواته تتقدم على أكثر من محور، وإن المدنيين بدأوا العودة إلى بعض الأحياء.',
  );
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-preview-field="title"]')).toHaveValue('الجيش السوداني يعلن استعادة مواقع جديدة شرق العاصمة');
  await expect(page.locator('[data-preview-field="dateline"]')).toHaveValue('الخرطوم - الأحد 6 أبريل 2025');
  await expect(page.locator('[data-preview-date]')).toHaveAttribute('data-preview-date', '2025-04-06');
  await saveFromPreview(page);
  await expect(page.locator('article h1')).toHaveText('الجيش السوداني يعلن استعادة مواقع جديدة شرق العاصمة');
  await expect(page.locator('article .dateline [data-dateline-place]')).toHaveText('الخرطوم');
  await expect(page.locator('article .dateline time')).toHaveText('الأحد، 6 أبريل 2025');
  await page.evaluate(() => localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { uiLanguage: 'en' } })));
  await page.reload();
  await expect(page.locator('article .dateline time')).toHaveText('Sunday, April 6, 2025');
  await expect(page.locator('article .dateline time')).toHaveAttribute('title', 'الخرطوم - الأحد 6 أبريل 2025');
});

/** A headline longer than a phone's line, and sources longer than one too. */
const LONG_TITLE = 'الأمم المتحدة تحذر من مجاعة وشيكة في ولايات دارفور وكردفان مع استمرار القتال وانقطاع طرق الإمداد الإنسانية للشهر السادس على التوالي';
const LONG_SOURCE = 'وكالة السودان للأنباء · رويترز · وكالة الصحافة الفرنسية · الجزيرة نت';

for (const language of ['ar', 'en'] as const) {
  test(`on a phone the preview shows a long title and source whole, and Enter in the title saves (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.addInitScript((uiLanguage) => {
      localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage } }));
    }, language);
    await openImport(page, 'paste');
    await page.locator('dialog textarea').fill(
      `الخرطوم - الأحد 6 أبريل 2025\n\n${LONG_TITLE}\n\nقالت الأمم المتحدة اليوم إن ملايين السكان في دارفور وكردفان يواجهون خطر المجاعة مع اقتراب موسم الأمطار.\n\nوأضافت أن القوافل الإنسانية لم تتمكن من عبور خطوط القتال منذ أشهر.`,
    );
    await page.locator('[data-action="import-submit"]').click();
    const title = page.locator('[data-preview-field="title"]');
    await expect(title).toHaveValue(LONG_TITLE);
    await page.locator('[data-preview-field="source"]').fill(LONG_SOURCE);
    await page.evaluate(() => document.fonts.ready);
    // Every field shows its whole text: nothing scrolled away sideways or below its box, and the
    // box inside the window. The title needs several lines at this width, so it must have grown.
    const fields = await page.locator('[data-preview-field]').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
        return {
          field: el.getAttribute('data-preview-field'),
          hiddenWide: el.scrollWidth - el.clientWidth,
          hiddenTall: el.scrollHeight - el.clientHeight,
          offScreen: r.left < 0 || r.right > document.documentElement.clientWidth,
          lines: Math.round((el.clientHeight - parseFloat(getComputedStyle(el).paddingBlockStart) - parseFloat(getComputedStyle(el).paddingBlockEnd)) / lineHeight),
        };
      }),
    );
    expect(fields.map((f) => f.field)).toEqual(['title', 'dateline', 'source']);
    for (const f of fields) {
      expect(f.hiddenWide, `${f.field}: text hidden sideways`).toBeLessThanOrEqual(0);
      expect(f.hiddenTall, `${f.field}: text hidden below`).toBeLessThanOrEqual(0);
      expect(f.offScreen, `${f.field}: off the window`).toBe(false);
    }
    expect(fields[0]!.lines, 'the title wraps onto several lines').toBeGreaterThanOrEqual(3);
    expect(fields[1]!.lines, 'a short date line keeps one line').toBe(1);
    // A title is one line of text: Enter in it saves (no line break is added).
    await title.press('End');
    await title.press('Enter');
    await expect(page.locator('article h1')).toHaveText(LONG_TITLE);
    await expect(page.locator('article .article-sources')).toContainText('وكالة الصحافة الفرنسية');
  });
}

test('nothing a reader would not see comes in: stylesheet-hidden text, scripts in the headline and caption, and a <base> logs no CSP violation', async ({ page }) => {
  const violations = await watchCsp(page);
  const secret = 'نص سري مخفي';
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><base href="https://evil.example/"><title>موقع | افتتاح جسر جديد فوق النيل</title>
    <style>.gone{display:none}.tiny{font-size:0}.ghost{opacity:0}.sr{position:absolute;clip:rect(0 0 0 0)}.off{position:absolute;left:-9999px}.wrap .inner{visibility:hidden}@media screen{.m{display:none}}</style></head>
    <body><article><h1>افتتاح جسر جديد فوق النيل<script>var s = "${secret} 1";</script></h1>
    <figure><img src="x.jpg" alt="الجسر"><figcaption>الجسر الجديد عند الافتتاح<script>var c = "${secret} 2";</script></figcaption></figure>
    <p>افتتح رئيس الوزراء اليوم جسرا جديدا فوق النيل يربط ضفتي المدينة ويخفف الازدحام في وسطها.</p>
    <p class="gone">${secret} 3</p><p><span class="tiny">${secret} 4</span>وقال الوزير إن الجسر بني في ثلاث سنوات بتكلفة بلغت مئتي مليون دولار.</p>
    <p class="ghost">${secret} 5</p><p class="sr">${secret} 6</p><p class="off">${secret} 7</p><div class="wrap"><p class="inner">${secret} 8</p></div><p class="m">${secret} 9</p>
    <template><p>${secret} 10</p></template><noscript>${secret} 11</noscript>
    <p>وأضاف أن الجسر سيفتح أمام السيارات والمشاة ابتداء من الأسبوع المقبل بعد اكتمال الفحوص الفنية.</p></article></body></html>`;
  await openImport(page, 'file');
  await page.locator('dialog input[type="file"]').setInputFiles({ name: 'hidden.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-preview-field="title"]')).toHaveValue('افتتاح جسر جديد فوق النيل');
  await saveFromPreview(page);
  const article = page.locator('article');
  await expect(article.locator('h1')).toHaveText('افتتاح جسر جديد فوق النيل');
  await expect(article.locator('figcaption')).toHaveText('الجسر الجديد عند الافتتاح');
  await expect(article).toContainText('بعد اكتمال الفحوص الفنية');
  await expect(article).not.toContainText(secret);
  expect(violations).toEqual([]);
});

test('the bookmarklet under attack: an opaque origin gets an answer and a prompt, a second page waits its turn, a claimed address is marked, controls are stripped', async ({ page, context }) => {
  const errors: string[] = [];
  await open(page, '#/');
  const news = await context.newPage();
  await news.goto(`${otherOrigin}/party-commission.html`);
  const popup = context.waitForEvent('page');
  const story = (title: string) =>
    `<html><body><article><h1>${title}</h1><p>نص الفقرة الأولى من الخبر المستورد وفيه كلمات كافية ليكون مقالا كاملا هنا.</p><p>وفقرة ثانية فيها كلمات كافية أيضا للمقال المستورد.</p></article></body></html>`;
  // A sandboxed frame (opaque origin) opens Hashiya and posts two pages, one claiming another site's address.
  await news.evaluate(
    ([appUrl, first, second]) => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox');
      frame.srcdoc = `<script>
        var w = window.open(${JSON.stringify(appUrl)}, 'hashiya');
        var a = { type: 'hashiya-page', v: 1, url: 'https://www.bbc.com/arabic/\\u0000\\u202Eevil', title: 'صفحة\\u202E أولى', html: ${JSON.stringify(first)} };
        var b = { type: 'hashiya-page', v: 1, url: 'https://example.org/second', title: 'صفحة ثانية', html: ${JSON.stringify(second)} };
        var n = 0; var t = setInterval(function () { if (n++ > 40) clearInterval(t); w.postMessage(a, '*'); if (n > 4) w.postMessage(b, '*'); }, 250);
      </scr${""}ipt>`;
      document.body.append(frame);
    },
    [page.url(), story('الصفحة الأولى المعروضة'), story('الصفحة الثانية المنتظرة')] as const,
  );
  const app = await popup;
  app.on('pageerror', (error) => errors.push(error.message));
  const dialog = app.locator('dialog[data-dialog="page-import"]');
  await expect(dialog.locator('[data-preview-field="title"]')).toHaveValue('الصفحة الأولى المعروضة');
  // No origin was reported (opaque): the page's claim is shown as a claim, without its control characters.
  await expect(dialog.locator('[data-claimed-url]')).toHaveAttribute('data-claimed-url', 'https://www.bbc.com/arabic/evil');
  await expect(dialog.locator('[data-preview-url]')).toHaveCount(0);
  await app.waitForTimeout(1_500);
  // The second page did not replace the first.
  await expect(dialog.locator('[data-preview-field="title"]')).toHaveValue('الصفحة الأولى المعروضة');
  await saveFromPreview(app);
  await expect(dialog.locator('[data-preview-field="title"]')).toHaveValue('الصفحة الثانية المنتظرة');
  await expect(dialog.locator('[data-claimed-url]')).toHaveAttribute('data-claimed-url', 'https://example.org/second');
  await saveFromPreview(app);
  await expect(app.locator('[data-import-result][data-status="imported"]')).toHaveCount(2);
  await app.locator('[data-import-result][data-status="imported"] a').first().click();
  await expect(app.locator('article .article-sources [data-claimed-url]')).toHaveAttribute('data-claimed-url', 'https://www.bbc.com/arabic/evil');
  expect(errors.filter((e) => /origin/i.test(e))).toEqual([]);
});
