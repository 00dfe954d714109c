import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importPasted, open, openSample, PASTED_ARTICLE, SAMPLE_ID } from './fixtures';

/** A second article naming Putin, so that his page gathers two articles. */
const SECOND = `الاثنين 4 نوفمبر 2024

بوتين يستقبل وفدًا في موسكو

قال الرئيس الروسي فلاديمير بوتين في موسكو إن المحادثات كانت مثمرة.

وأضاف بوتين أن الزيارة المقبلة ستكون في طهران.`;

async function useLanguage(page: Page, uiLanguage: 'ar' | 'en') {
  await page.addInitScript((language) => {
    localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }));
  }, uiLanguage);
}

test('the names page lists names across the library; an entity page shows every article naming it, in context', async ({ page }) => {
  test.setTimeout(60_000);
  await importPasted(page, SECOND);
  await expect(page.locator('article h1')).toBeVisible();
  const secondId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!.split('?')[0]!);
  await open(page, '#/names');
  await expect(page.locator('[data-names-page]')).toBeVisible();
  const putin = page.locator('[data-names-entity^="PERS:"]').filter({ hasText: 'بوتين' }).first();
  await expect(putin).toBeVisible({ timeout: 30_000 });

  // Filter by name: clitics and diacritics do not matter; by type.
  await page.locator('[data-action="filter-names"]').fill('وبُوتين');
  await expect(page.locator('[data-names-entity]').first()).toContainText('بوتين');
  // A transliteration's other spelling finds the name too (the folding module's names level).
  await page.locator('[data-action="filter-names"]').fill('بوتن');
  await expect(page.locator('[data-names-entity]').first()).toContainText('بوتين');
  await page.locator('[data-filter-type="LOC"]').click();
  await expect(page.locator('[data-names-entity^="PERS:"]')).toHaveCount(0);
  await page.locator('[data-filter-type="all"]').click();

  const key = (await putin.getAttribute('data-names-entity'))!;
  await putin.locator('a').click();
  const entityPage = page.locator(`[data-entity-page="${key}"]`);
  await expect(entityPage).toBeVisible();
  await expect(entityPage.locator(`[data-entity-article="${SAMPLE_ID}"]`)).toBeVisible();
  await expect(entityPage.locator(`[data-entity-article="${secondId}"]`)).toBeVisible();
  const mention = entityPage.locator(`[data-entity-article="${secondId}"] .entity-mention`).first();
  await expect(mention.locator('mark')).toContainText('بوتين');
  // Named with: places and people of the same articles.
  await expect(entityPage.locator('.entity-companions a', { hasText: 'طهران' })).toBeVisible();
  // Months are named in the reader's language, not "2024-11".
  await expect(entityPage.locator('.entity-timeline tr[data-month="2024-11"] th')).toHaveText(/نوفمبر/);
  await mention.click();
  await expect(page.locator('article h1')).toHaveText('بوتين يستقبل وفدًا في موسكو');
});

/** What a mention's card says of a name no other article has (issue 24: it said "In 0 other articles"). */
const ONLY_HERE = { ar: 'في هذا المقال وحده', en: 'Only in this article' } as const;

for (const language of ['ar', 'en'] as const) test(`a mention card in the reader leads to the name across the library (${language})`, async ({ page }) => {
  test.setTimeout(60_000);
  await useLanguage(page, language);
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  await openSample(page);
  const mark = page.locator('article mark.entity[data-entity-type="PERS"]').filter({ hasText: 'بوتين' }).first();
  await expect(mark).toBeVisible({ timeout: 20_000 });
  const key = (await mark.getAttribute('data-entity-id'))!;
  await mark.click();
  const others = page.locator('[data-entity-card] [data-action="entity-other-articles"]');
  await expect(others).toBeVisible();
  await others.click();
  await expect(page.locator(`[data-entity-page="${key}"] [data-entity-article="${SAMPLE_ID}"]`)).toBeVisible({ timeout: 30_000 });
  // The names are cached now: the reader's card counts the other articles; a name no other
  // article has says "only in this article", never "in 0 other articles".
  await openSample(page);
  await page.locator(`article mark.entity[data-entity-id="${key}"]`).first().click();
  const card = page.locator('[data-entity-card]');
  await expect(card.locator('.entity-card__others')).toHaveText(ONLY_HERE[language]);
  await expect(card.locator('[data-entity-only-here]')).toBeVisible();
  await expect(others).toHaveCount(0);
  await expect(card).not.toContainText(/\b0\b/);
});

for (const language of ['ar', 'en'] as const) {
  test(`names and entity pages have no axe violations (${language})`, async ({ page }) => {
    test.setTimeout(60_000);
    await useLanguage(page, language);
    await open(page, '#/names');
    const first = page.locator('[data-names-entity]').first();
    await expect(first).toBeVisible({ timeout: 30_000 });
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`), 'names page').toEqual([]);
    await first.locator('a').click();
    await expect(page.locator('[data-entity-page] [data-entity-article]').first()).toBeVisible();
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')} — ${v.help}`), 'entity page').toEqual([]);
  });
}
