import { expect, test } from '@playwright/test';
import { importPasted, open, openSample, PASTED_ARTICLE, SAMPLE_ID } from './fixtures';

test('opens the sample from the library, right-to-left with its headings', async ({ page }) => {
  await open(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.locator(`[data-library-article="${SAMPLE_ID}"] a`).click();
  const article = page.locator('article[lang][dir]');
  await expect(article).toHaveAttribute('dir', 'rtl');
  await expect(article).toHaveAttribute('lang', 'ar');
  await expect(article.locator('h1')).toContainText('بوتين يهاتف رئيسي');
  await expect(article.locator('h2')).toHaveText(['تعاون جديد', 'ضغوط على روسيا']);
  await expect(article.locator('figcaption')).toContainText('(الصورة: وسائل التواصل)');
  await expect(article.locator('.article-sources')).toContainText('العربي - أ ف ب');
  await expect(article).not.toContainText('شارك القصة');
  await expect(article).not.toContainText('تابع القراءة');
  // The sample's date line, printed with English month names, reads in the reader's language; the printed line is the tooltip.
  await expect(page.locator('.dateline time')).toHaveText('الخميس، 19 سبتمبر 2024');
  await expect(page.locator('.dateline time')).toHaveAttribute('title', 'الخميس 19 Sep / September 2024');
  // Every block has an id, a data-block-id and a link control pointing at it.
  const blocks = article.locator('[data-block-id]');
  expect(await blocks.count()).toBeGreaterThan(10);
  const first = blocks.nth(3);
  const id = await first.getAttribute('data-block-id');
  await expect(first).toHaveAttribute('id', id!);
  await expect(first.locator('a[data-action="link-block"]')).toHaveAttribute('href', `#/a/${SAMPLE_ID}/${id}`);
});

test('a paragraph link opens in a fresh browser at that paragraph, flashed', async ({ browser, page }) => {
  await openSample(page);
  const target = page.locator('article [data-block-id]').nth(12);
  const href = await target.locator('a[data-action="link-block"]').getAttribute('href');
  const blockId = await target.getAttribute('data-block-id');

  const fresh = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const other = await fresh.newPage();
  await other.goto(`./${href}`);
  const block = other.locator(`[data-block-id="${blockId}"]`);
  await expect(block).toHaveAttribute('data-flashing', '');
  await expect(block).toBeInViewport();
  await expect(block).toBeFocused();
  await fresh.close();
});

test('copying a paragraph link says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  const block = page.locator('article [data-block-id]').nth(4);
  await block.hover();
  await block.locator('a[data-action="link-block"]').click();
  await expect(page.locator('[data-toast]')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`#/a/${SAMPLE_ID}/${await block.getAttribute('data-block-id')}`);
});

test('an unknown article or block gives a clear message', async ({ page }) => {
  await open(page, '#/a/no-such-article');
  await expect(page.locator('[data-unknown-article]')).toBeVisible();
  await open(page, `#/a/${SAMPLE_ID}/p-zzzzzzz`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('article h1')).toBeVisible();
});

test('j and k move focus between paragraphs; l opens the library', async ({ page }) => {
  await openSample(page);
  await page.locator('article h1').click();
  await page.keyboard.press('j');
  const focusedId = () => page.evaluate(() => document.activeElement?.closest('[data-block-id]')?.getAttribute('data-block-id'));
  const first = await focusedId();
  await page.keyboard.press('j');
  const second = await focusedId();
  expect(second).not.toBe(first);
  await page.keyboard.press('k');
  expect(await focusedId()).toBe(first);
  await page.keyboard.press('l');
  await expect(page).toHaveURL(/#\/$/);
});

test('switching the UI to English and back mirrors the interface but not the article', async ({ page }) => {
  await openSample(page);
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-language="en"]').check({ force: true });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('[data-action="open-notebook"]')).toHaveText('Notebook');
  await expect(page.locator('article')).toHaveAttribute('dir', 'rtl');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-language="ar"]').check({ force: true });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('[data-action="open-notebook"]')).toHaveText('دفتر الملاحظات');
});

test('reading settings and position are remembered', async ({ page }) => {
  await openSample(page);
  await page.locator('[data-action="settings"]').click();
  await page.locator('input[name="theme"][value="dark"]').check({ force: true });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const late = page.locator('article [data-block-id]').nth(14);
  await late.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 1));
  await page.waitForTimeout(700);
  await page.goto('./#/');
  await page.goto(`./#/a/${SAMPLE_ID}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test('an imported article survives a reload, can be renamed and deleted', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toContainText('مهرجان للكتاب');
  await expect(page.locator('article h2')).toHaveText(['أرقام المعرض']);
  await page.reload();
  await expect(page.locator('article h1')).toContainText('مهرجان للكتاب');
  await open(page, '#/');
  const card = page.locator('[data-library="imported"] [data-library-article]');
  await expect(card).toHaveCount(1);
  await card.locator('[data-action="rename-article"]').click();
  await page.locator('#rename-title').fill('معرض الرباط للكتاب');
  await page.locator('[data-action="confirm-rename"]').click();
  await expect(card).toContainText('معرض الرباط للكتاب');
  await page.reload();
  await expect(card).toContainText('معرض الرباط للكتاب');
  await card.locator('[data-action="delete-article"]').click();
  await page.locator('[data-action="confirm-delete"]').click();
  await expect(card).toHaveCount(0);
});

test('bad import input gets a clear message and leaves the library unchanged', async ({ page }) => {
  await open(page, '#/');
  await page.locator('[data-action="open-import"]').click();
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-import-error]')).toBeVisible();

  await page.locator('input[name="import-mode"][value="file"]').check({ force: true });
  const upload = page.locator('input[type="file"]');
  await upload.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-import-error]')).toBeVisible();

  await upload.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]) });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-import-error]')).toContainText(/ثنائي/);

  await upload.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024, 'ا') });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-import-error]')).toContainText(/الحد/);

  await upload.setInputFiles({ name: 'nav.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>') });
  await page.locator('[data-action="import-submit"]').click();
  await expect(page.locator('[data-import-error]')).toContainText(/مقالًا/);

  await page.keyboard.press('Escape');
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(0);
});

test('an imported HTML page keeps its text and loses its scripts', async ({ page }) => {
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title><script>window.__pwned = 1</script></head><body>
  <article><h1>اتفاق جديد بين الأردن ومصر على الربط الكهربائي</h1>
  <p>وقّع وزير الطاقة الأردني ونظيره المصري في عمّان اتفاقًا لتوسيع الربط الكهربائي بين البلدين خلال العامين المقبلين، وفق بيان رسمي.</p>
  <p onclick="window.__pwned = 2">وقال الوزير إن المشروع سيخفض كلفة الكهرباء ويزيد الاعتماد على الطاقة المتجددة في المنطقة كلها.<img src="https://example.invalid/x.png" onerror="window.__pwned = 3"></p>
  <p>وأضاف أن شركات من القطاع الخاص ستشارك في التنفيذ، وأن العمل سيبدأ في الربع الأول من العام المقبل.</p></article></body></html>`;
  await open(page, '#/');
  await page.locator('[data-action="open-import"]').click();
  await page.locator('input[name="import-mode"][value="file"]').check({ force: true });
  await page.locator('input[type="file"]').setInputFiles({ name: 'news.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.locator('[data-action="import-submit"]').click();
  await page.locator('[data-action="save-import"]').click();
  await expect(page.locator('article h1')).toContainText('الربط الكهربائي');
  await expect(page.locator('article')).toContainText('سيخفض كلفة الكهرباء');
  await page.locator('article p').nth(1).click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('article img, article script').count()).toBe(0);
});

test('a link deep into a long article arrives once that paragraph is mounted', async ({ page }) => {
  const paragraphs = Array.from({ length: 220 }, (_, i) => `هذه الفقرة رقم ${i + 1} من مقال طويل عن الاقتصاد والسياسة في المنطقة، وفيها ما يكفي من الكلمات.`);
  await importPasted(page, `مقال طويل جدًا للاختبار\n\n${paragraphs.join('\n\n')}`);
  await expect(page.locator('article h1')).toBeVisible();
  const url = page.url();
  const articleId = decodeURIComponent(url.split('#/a/')[1]!.split('/')[0]!);
  // Block ids come from the text; find the 200th paragraph's id from the fully mounted article.
  await expect(page.locator('article [data-block-id]')).toHaveCount(221);
  const blockId = await page.locator('article [data-block-id]').nth(200).getAttribute('data-block-id');
  await page.goto('./#/');
  await page.goto(`./#/a/${encodeURIComponent(articleId)}/${blockId}`);
  const block = page.locator(`[data-block-id="${blockId}"]`);
  await expect(block).toBeInViewport();
  await expect(block).toBeFocused();
  await expect(block).toHaveAttribute('data-flashing', '');
});
