import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importPasted, open, PASTED_ARTICLE } from './fixtures';

/** An article as the previous version of the app kept it: inside the hashiya:articles key. */
const LEGACY_ARTICLE = {
  id: 'legacy-article',
  title: 'مقال محفوظ قبل الانتقال',
  lang: 'ar',
  dir: 'rtl',
  blocks: [
    { id: 'p-title', kind: 'title', text: 'مقال محفوظ قبل الانتقال' },
    { id: 'p-one', kind: 'paragraph', text: 'اجتمع وزراء الزراعة في عمّان لبحث أسعار القمح والشعير.' },
  ],
};

async function seedLegacy(page: Page) {
  await page.addInitScript((article) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('hashiya:articles', JSON.stringify({ v: 1, data: { [article.id]: { article, importedAt: '2024-05-01T10:00:00.000Z', origin: 'import', name: 'old.txt' } } }));
  }, LEGACY_ARTICLE);
}

test('articles kept in localStorage by the previous version move to IndexedDB on first start', async ({ page }) => {
  await seedLegacy(page);
  await open(page, '#/');
  await expect(page.locator(`[data-library="imported"] [data-library-article="${LEGACY_ARTICLE.id}"]`)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('hashiya:articles'))).toBeNull();
  // After a reload it is read from IndexedDB alone, and opens.
  await page.reload();
  await expect(page.locator(`[data-library-article="${LEGACY_ARTICLE.id}"]`)).toBeVisible();
  await page.locator(`[data-library-article="${LEGACY_ARTICLE.id}"] a`).first().click();
  await expect(page.locator('article h1')).toHaveText(LEGACY_ARTICLE.title);
  await expect(page.locator('[data-storage-problem]')).toHaveCount(0);
});

test('search finds passages in every article, Arabic-aware, and opens the article at the passage', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  await open(page, '#/');
  const search = page.locator('[data-library-search]');
  // «بالرباط» with a clitic and no diacritics finds «الرباط»; the bundled articles are searched too.
  await search.fill('بالرباط');
  const result = page.locator('[data-search-result]').first();
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText('الرباط');
  // Every word of a two-word query is marked in the passage, not only the first (issue 24).
  await search.fill('الرئيس الروسي');
  const both = page.locator('[data-search-result="putin-raisi-call"]').first();
  await expect(both).toBeVisible();
  await expect(both.locator('mark[data-passage-match]').first()).toBeVisible();
  const marked = await both.locator('mark[data-passage-match]').allTextContents();
  expect(marked).toContain('الرئيس');
  expect(marked).toContain('الروسي');
  // A name spelt as another transliteration has it (long vowels dropped) is found, and marked.
  await search.fill('بوتن');
  await expect(page.locator('[data-search-result="putin-raisi-call"] mark[data-passage-match]').first()).toContainText('بوتين');
  await search.fill('بوتين');
  await expect(page.locator('[data-search-result="putin-raisi-call"]').first()).toBeVisible();
  const hit = page.locator('[data-search-result="putin-raisi-call"]').first();
  const block = await hit.getAttribute('data-block');
  await hit.locator('a').click();
  await expect(page.locator(`[data-block-id="${block}"]`)).toBeInViewport();
});

test('tags, filters, archive and delete with undo', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  await open(page, '#/');
  const card = page.locator('[data-library="imported"] [data-library-article]').first();
  await card.locator('[data-action="edit-article-tags"]').click();
  await page.locator('#article-tags').fill('ثقافة، #كتب');
  await page.locator('[data-action="save-article-tags"]').click();
  await expect(card.locator('[data-article-tag]')).toHaveText(['ثقافة', 'كتب']);
  await page.reload();
  await expect(card.locator('[data-article-tag]')).toHaveText(['ثقافة', 'كتب']);

  await card.locator('[data-action="archive-article"]').click();
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(0);
  await page.locator('[data-library-filter]').selectOption('archived');
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(1);
  await page.locator('[data-action="unarchive-article"]').click();
  await page.locator('[data-library-filter]').selectOption('all');
  await page.locator('[data-action="delete-article"]').click();
  await page.locator('[data-action="confirm-delete"]').click();
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(0);
  await page.locator('[data-action="undo-delete"]').click();
  await expect(page.locator('[data-library="imported"] [data-library-article] [data-article-tag]')).toHaveText(['ثقافة', 'كتب']);
});

for (const language of ['ar', 'en'] as const) {
  test(`library with search results, tags and filters has no axe violations (${language})`, async ({ page }) => {
    await page.addInitScript((uiLanguage) => {
      localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage } }));
    }, language);
    await importPasted(page, PASTED_ARTICLE);
    await expect(page.locator('article h1')).toBeVisible();
    await open(page, '#/');
    await page.locator('[data-library-search]').fill('الرباط');
    await expect(page.locator('[data-search-result]').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
  });
}
