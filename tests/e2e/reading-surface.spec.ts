import { expect, test, type Page } from '@playwright/test';
import { open, openSample, SAMPLE_ID } from './fixtures';

// The reading surface (issue 12): quiet marks, the first visit, phones, messages that stay in view.

const marks = (page: Page) => page.locator('article mark.entity[data-entity-id]');

test('the first visit opens the sample; once something was read, the bare address opens the library', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('article h1')).toBeVisible();
  expect(page.url()).toContain(`#/a/${SAMPLE_ID}`);
  await page.evaluate(() => localStorage.setItem('hashiya:progress', JSON.stringify({ v: 1, data: { x: { blockId: 'p-x', fraction: 0, updated: '2026-01-01T00:00:00Z' } } })));
  await page.goto('about:blank');
  await page.goto('./');
  await expect(page.locator('[data-library-article]').first()).toBeVisible();
});

test('entity marks are an underline without fill; the headline is plain; highlights own the fill', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('article h1 mark.entity')).toHaveCount(0);
  const style = await marks(page).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, line: s.textDecorationLine };
  });
  expect(style).toEqual({ bg: 'rgba(0, 0, 0, 0)', line: 'underline' });
  // The caption's camera is an icon, not an emoji that needs an emoji font.
  await expect(page.locator('.article-figure svg.article-figure__icon')).toHaveCount(1);
  expect(await page.locator('article figcaption').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('none');
});

test('e switches all names off and on, remembered; the chosen outline goes with the panel or the names', async ({ page }) => {
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  const article = page.locator('article');
  const putin = page.locator('article mark[data-entity-type="PERS"]', { hasText: 'بوتين' }).first();
  const key = (await putin.getAttribute('data-entity-id'))!;
  const outline = () => putin.evaluate((el) => getComputedStyle(el).boxShadow);

  await page.locator('[data-action="toggle-entities-panel"]').click();
  await expect(page.locator('[data-panel="entities"] [data-entity-legend]')).toHaveCount(0);
  await page.locator(`[data-entity-item="${key}"] [data-action="choose-entity"]`).click();
  await expect.poll(outline).not.toBe('none');
  await page.locator('[data-action="close-entities-panel"]').click();
  await expect.poll(outline).toBe('none');

  // Chosen again, then every type switched off: no outline on plain text.
  await page.locator('[data-action="toggle-entities-panel"]').click();
  await page.locator(`[data-entity-item="${key}"] [data-action="choose-entity"]`).click();
  await expect.poll(outline).not.toBe('none');
  for (const type of await page.locator('.entity-legend-bar [data-action="toggle-entity-type"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))) {
    await page.locator(`.entity-legend-bar [data-action="toggle-entity-type"][data-type="${type}"]`).click();
  }
  await expect.poll(outline).toBe('none');
  await page.evaluate(() => localStorage.removeItem('hashiya:entity-types-hidden'));

  await page.reload();
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  await page.locator('article').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('e');
  await expect(article).toHaveAttribute('data-entities-off', '');
  await expect(page.locator('[data-action="toggle-entities"]')).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.locator('article')).toHaveAttribute('data-entities-off', '');
  await page.keyboard.press('e');
  await expect(page.locator('article')).not.toHaveAttribute('data-entities-off');
});

test.describe('at 375 x 800', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('the lead starts within 400 px of the top, the top bar is one row and link icons share a line with text', async ({ page }) => {
    await openSample(page);
    await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
    const lead = await page.locator('article .block--lead').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    console.info(`375x800: the sample's lead starts at ${Math.round(lead)} px`);
    expect(lead).toBeLessThanOrEqual(400);
    const bar = await page.locator('.topbar').evaluate((el) => el.getBoundingClientRect().height);
    expect(bar).toBeLessThan(64);
    // No two items in the top bar go by the same name (the names panel and the index of names did).
    const labels = await page.locator('.topbar nav').locator('a, button').evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/[\d٠-٩()]/g, '').trim()));
    expect(new Set(labels).size).toBe(labels.length);
    await expect(page.locator('[data-action="open-names"]')).toHaveAccessibleName('فهرس الأسماء');
    // Each block's link icon sits beside its block's first line, never on a line of its own.
    const offsets = await page.locator('article [data-block-id]').evaluateAll((blocks) =>
      blocks.map((block) => {
        const icon = block.querySelector('a[data-action="link-block"]')!.getBoundingClientRect();
        const text = block.querySelector('[data-block-text]')!.getBoundingClientRect();
        return { inside: icon.top >= text.top - 2 && icon.bottom <= text.bottom + 2, overlaps: icon.left < text.right && icon.right > text.left };
      }),
    );
    expect(offsets.filter((o) => !o.inside || o.overlaps)).toEqual([]);
  });

  test('near the bottom of the window, a mention’s card stays clear of the names panel', async ({ page }) => {
    await openSample(page);
    await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
    await page.locator('[data-action="toggle-entities-panel"]').click();
    const panel = page.locator('[data-panel="entities"]');
    await expect(panel).toBeVisible();
    const panelTop = await panel.evaluate((el) => el.getBoundingClientRect().top);
    // A mention just above the sheet.
    const mention = await marks(page).evaluateAll((els, top) => {
      for (const el of els) {
        el.scrollIntoView({ block: 'center' });
        window.scrollBy(0, el.getBoundingClientRect().bottom - (top - 20));
        const r = el.getBoundingClientRect();
        if (r.bottom < top && r.bottom > top - 80) return els.indexOf(el);
      }
      return -1;
    }, panelTop);
    expect(mention).toBeGreaterThanOrEqual(0);
    await marks(page).nth(mention).focus();
    await page.keyboard.press('Enter');
    const card = page.locator('[data-entity-card]');
    await expect(card).toBeVisible();
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(panelTop + 1);
  });

  test('a shared passage link keeps its message in view until dismissed', async ({ page }) => {
    await openSample(page);
    const block = page.locator('article .block--paragraph').last();
    const blockId = (await block.getAttribute('data-block-id'))!;
    const words = ((await block.locator('[data-block-text]').textContent()) ?? '').split(' ').slice(0, 10).join(' ');
    await page.goto('about:blank');
    await open(page, `#/a/${SAMPLE_ID}/${blockId}?${new URLSearchParams({ q: words, v: '1' })}`);
    const notice = page.locator('[data-shared-notice]');
    await expect(page.locator('mark[data-shared-passage]').first()).toBeInViewport();
    await expect(notice).toBeInViewport();
    await page.mouse.wheel(0, -300);
    await expect(notice).toBeInViewport();
    await notice.locator('[data-action="dismiss-shared"]').click();
    await expect(notice).toHaveCount(0);
  });
});

test('an unknown paragraph after an in-app hash change is announced in view', async ({ page }) => {
  await openSample(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.evaluate((id) => (window.location.hash = `#/a/${id}/p-nothere`), SAMPLE_ID);
  const warning = page.locator('[data-block-not-found="p-nothere"]');
  await expect(warning).toBeInViewport();
  await warning.locator('[data-action="dismiss-notice"]').click();
  await expect(warning).toHaveCount(0);
});

test('in an English interface, the Arabic names in the names panel start where the panel’s text starts, their counts at the end', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'sepia', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: 'en' } })));
  await openSample(page);
  await expect(marks(page).first()).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-action="toggle-entities-panel"]').click();
  const row = page.locator('[data-action="choose-entity"]').first();
  const place = await row.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const name = button.querySelector('.entities-panel__name')!.getBoundingClientRect();
    const count = button.querySelector('.entities-panel__count')!.getBoundingClientRect();
    return { nameFromStart: name.left - box.left, countToEnd: box.right - count.right };
  });
  expect(place.nameFromStart).toBeLessThan(16);
  expect(place.countToEnd).toBeLessThan(16);
});
