import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importPasted, openSample, selectText } from './fixtures';

const marks = (page: Page) => page.locator('article mark.entity[data-entity-id]');


test('the sample article gets its persons and places marked after the text renders', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  const persons = page.locator('article mark[data-entity-type="PERS"]');
  const places = page.locator('article mark[data-entity-type="LOC"]');
  await expect(persons.filter({ hasText: 'بوتين' }).first()).toBeVisible();
  await expect(places.filter({ hasText: 'طهران' }).first()).toBeVisible();
  // Every mark carries its grouping key and its text is the visible span.
  const first = persons.first();
  expect(await first.getAttribute('data-entity-id')).toBeTruthy();
  expect((await first.textContent())?.trim().length).toBeGreaterThan(1);
  // Marks are paint only: no padding, border or margin.
  const box = await first.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.paddingInlineStart, s.paddingInlineEnd, s.borderInlineStartWidth, s.marginInlineStart].join(',');
  });
  expect(box).toBe('0px,0px,0px,0px');
});

test('turning a type off and on is instant and remembered', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  const toggle = page.locator('.entity-legend-bar [data-action="toggle-entity-type"][data-type="PERS"]');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(page.locator('article')).toHaveAttribute('data-hide-types', /PERS/);
  const person = page.locator('article mark[data-entity-type="PERS"]').first();
  await expect(person).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await page.reload();
  await expect(page.locator('article')).toHaveAttribute('data-hide-types', /PERS/);
  await page.locator('.entity-legend-bar [data-action="toggle-entity-type"][data-type="PERS"]').click();
  await expect(page.locator('article')).not.toHaveAttribute('data-hide-types', /PERS/);
});

test('a mention opens its card, and the panel steps through one entity’s mentions', async ({ page }) => {
  await openSample(page);
  const putin = page.locator('article mark[data-entity-type="PERS"]', { hasText: 'بوتين' }).first();
  await expect(putin).toBeVisible({ timeout: 15_000 });
  const key = (await putin.getAttribute('data-entity-id'))!;
  const total = await page.locator(`article mark[data-entity-id="${key}"]`).count();
  expect(total).toBeGreaterThan(1);

  await putin.focus();
  await page.keyboard.press('Enter');
  const card = page.locator('[data-entity-card]');
  await expect(card).toBeVisible();
  await expect(card.locator('[data-entity-name]')).toContainText('بوتين');
  await expect(card.locator('[data-action="search-wikipedia"]')).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card.locator('[data-action="search-wikipedia"]')).toHaveAttribute('href', /ar\.wikipedia\.org.*search=/);
  await card.locator('[data-action="entity-next"]').click();
  await expect(card.locator('[data-mention-position]')).toHaveAttribute('data-mention-position', `2/${total}`);
  await expect(page.locator(`article mark[data-entity-id="${key}"][data-mention-index="1"]`)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  await page.locator('[data-action="toggle-entities-panel"]').click();
  const panel = page.locator('[data-entities-panel]');
  await expect(panel).toBeVisible();
  const item = panel.locator(`[data-entity-item="${key}"]`);
  await item.locator('[data-action="choose-entity"]').click();
  await expect(page.locator(`article mark[data-entity-id="${key}"][data-mention-index="0"]`)).toBeFocused();
  for (let i = 1; i < total; i += 1) {
    await item.locator('[data-action="entity-next"]').click();
    await expect(page.locator(`article mark[data-entity-id="${key}"][data-mention-index="${i}"]`)).toBeFocused();
    await expect(page.locator(`article mark[data-entity-id="${key}"][data-mention-index="${i}"]`)).toBeInViewport();
  }
  // The filter ignores diacritics, alef forms and clitics.
  await panel.locator('[data-action="filter-entities"]').fill('وبُوتين');
  await expect(panel.locator('[data-entity-item]')).toHaveCount(1);
});

test('correcting a mention’s type survives a reload', async ({ page }) => {
  await openSample(page);
  const place = page.locator('article mark[data-entity-type="LOC"]', { hasText: 'طهران' }).first();
  await expect(place).toBeVisible({ timeout: 15_000 });
  const block = await place.evaluate((el) => el.closest('[data-block-id]')!.getAttribute('data-block-id'));
  await place.click();
  await page.locator('[data-entity-card] [data-action="entity-retype"][data-type="ORG"]').click();
  const fixed = page.locator(`[data-block-id="${block}"] mark[data-entity-type="ORG"]`, { hasText: 'طهران' });
  await expect(fixed).toBeVisible();
  await page.reload();
  await expect(fixed).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-action="toggle-entities-panel"]').click();
  await expect(page.locator('[data-entities-panel] [data-entity-item][data-from-reader]').first()).toBeVisible();
  // And it can be removed again.
  await fixed.click();
  await page.locator('[data-entity-card] [data-action="remove-correction"]').click();
  await expect(page.locator(`[data-block-id="${block}"] mark[data-entity-type="LOC"]`, { hasText: 'طهران' }).first()).toBeVisible();
});

test('a new entity marked "in every article" is found in another article', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  // Not a name for the tagger: the reader makes it one.
  await expect(page.locator('article mark', { hasText: 'المسيّرات' })).toHaveCount(0);
  await selectText(page, 'المسيّرات');
  await page.locator('[data-action="tag-entity"]').click();
  await page.locator('[data-action="tag-everywhere"]').check();
  await page.locator('[data-action="tag-entity-type"][data-type="MISC"]').click();
  await expect(page.locator('article mark[data-entity-type="MISC"]', { hasText: 'المسيّرات' }).first()).toBeVisible();

  await importPasted(page, `الأحد 3 نوفمبر 2024\n\nتقرير عن الطائرات\n\nتحدث الخبراء عن المسيّرات في المعرض الدولي للطيران.\n\nالمصادر:\nوكالة`);
  const mark = page.locator('article mark[data-entity-type="MISC"]', { hasText: 'المسيّرات' });
  await expect(mark).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-action="toggle-entities-panel"]').click();
  await expect(page.locator(`[data-entities-panel] [data-entity-item="${await mark.getAttribute('data-entity-id')}"]`)).toHaveAttribute('data-from-reader', 'true');
});

test('marks arrive without moving the text or the scroll position', async ({ page }) => {
  // Hold the model back so the text is on screen well before the marks.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/ner-model.*\.bin/, async (route) => {
    await held;
    await route.continue();
  });
  await openSample(page);
  await page.mouse.wheel(0, 500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const positions = () =>
    page.evaluate(() => ({
      scroll: window.scrollY,
      blocks: [...document.querySelectorAll('article [data-block-id]')].map((b) => {
        const r = b.getBoundingClientRect();
        return [Math.round(r.top), Math.round(r.height), Math.round(r.width)];
      }),
    }));
  // Let the fonts arrive (a late face re-wraps lines: not what this test is about) and the browser
  // lay out what scrolled into view (content-visibility) before measuring.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.waitForTimeout(200);
  const before = await positions();
  expect(await marks(page).count()).toBe(0);
  release();
  await expect(marks(page).first()).toBeAttached({ timeout: 15_000 });
  await expect.poll(async () => marks(page).count()).toBeGreaterThan(20);
  expect(await positions()).toEqual(before);
});

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`marks, legend, card and panel are accessible (contrast included): ${theme}`, async ({ page }) => {
    await page.addInitScript((t) => {
      localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: t, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: t === 'dark' ? 'en' : 'ar' } }));
    }, theme);
    await openSample(page);
    await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
    await page.locator('[data-action="toggle-entities-panel"]').click();
    const mark = page.locator('article mark[data-entity-type="LOC"]').first();
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-entity-card]')).toBeVisible();
    // Tab goes from the mention into its card.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-entity-card] [data-action="close-entity-card"]')).toBeFocused();
    const results = await new AxeBuilder({ page }).include('main').analyze();
    const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
    expect(summary).toEqual([]);
  });
}

test('a highlight across two entities keeps both marks whole, with the highlight inside each', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  await selectText(page, 'طهران وموسكو');
  await page.locator('[data-selection-toolbar] [data-action="highlight"]').first().click();
  const block = page.locator('[data-block-id]', { has: page.locator('mark.highlight') });
  await expect(block).toHaveCount(1);
  const tehran = block.locator('mark.entity', { hasText: 'طهران' }).first();
  const moscow = block.locator('mark.entity', { hasText: 'موسكو' }).first();
  await expect(tehran).toHaveText('طهران');
  await expect(tehran.locator('mark.highlight')).toHaveCount(1);
  await expect(moscow.locator('mark.highlight')).toHaveCount(1);
  // The entity is the outer layer: still one element, still opens its card.
  await tehran.click();
  await expect(page.locator('[data-entity-card] [data-entity-name]')).toHaveText('طهران');
});

test('a switched-off type is plain text: no card', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  await page.locator('.entity-legend-bar [data-action="toggle-entity-type"][data-type="LOC"]').click();
  await page.locator('article mark[data-entity-type="LOC"]').first().click();
  await expect(page.locator('[data-entity-card]')).toHaveCount(0);
});
