import { expect, test, type Locator, type Page } from '@playwright/test';
import { open, openSample } from './fixtures';

/**
 * Layout defects a first visit found, each held by a layout assertion in both interface languages,
 * on a desktop and on a phone.
 */

const LANGUAGES = ['ar', 'en'] as const;
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 800 },
] as const;

async function useLanguage(page: Page, language: string): Promise<void> {
  await page.addInitScript((language) => {
    localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }));
  }, language);
}

type Box = { top: number; bottom: number; left: number; right: number };
const box = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });

for (const language of LANGUAGES) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${language}, ${viewport.name}`, () => {
      test.use({ viewport: { width: viewport.width, height: viewport.height }, locale: language });
      test.beforeEach(async ({ page }) => useLanguage(page, language));

      test('the library’s empty state puts no two full stops side by side (bidi)', async ({ page }) => {
        await open(page, '#/');
        const empty = page.locator('.library-empty').first();
        await expect(empty).toBeVisible();
        // Where each full stop is painted: two touching ones read as "..".
        const dots = await empty.evaluate((el) => {
          const text = el.firstChild as Text;
          const rects: Array<{ left: number; right: number; top: number }> = [];
          for (let i = 0; i < text.data.length; i += 1) {
            if (text.data[i] !== '.') continue;
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            const r = range.getBoundingClientRect();
            rects.push({ left: r.left, right: r.right, top: r.top });
          }
          return rects;
        });
        const touching = dots.filter((a, i) => dots.some((b, j) => j !== i && Math.abs(a.top - b.top) < 2 && Math.abs(a.left - b.right) < 2));
        expect(touching).toEqual([]);
      });

      test('after Escape closes what the mouse opened, no focus ring is drawn', async ({ page }) => {
        await openSample(page);
        const mention = page.locator('article mark.entity').first();
        await expect(mention).toBeVisible({ timeout: 15_000 });
        const ringShown = () => page.evaluate(() => document.querySelector(':focus-visible')?.outerHTML.slice(0, 80) ?? null);
        const panels = viewport.width >= 900 ? ['[data-action="toggle-notes"]', '[data-action="toggle-entities-panel"]'] : ['[data-action="toggle-notes"]'];
        for (const opener of [...panels, '[data-action="settings"]']) {
          await page.locator(opener).click();
          await page.keyboard.press('Escape');
          expect(await ringShown(), `after ${opener}`).toBeNull();
        }
        await mention.click();
        await expect(page.locator('[data-entity-card]')).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.locator('[data-entity-card]')).toBeHidden();
        expect(await ringShown(), 'after the entity card').toBeNull();
        // A selection made with the mouse, its toolbar dismissed with Escape.
        const text = page.locator('article .block--paragraph [data-block-text]').nth(1);
        const r = (await text.boundingBox())!;
        await page.mouse.move(r.x + r.width - 4, r.y + 12);
        await page.mouse.down();
        await page.mouse.move(r.x + r.width / 2, r.y + 12, { steps: 4 });
        await page.mouse.up();
        await expect(page.locator('[data-selection-toolbar]')).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.locator('[data-selection-toolbar]')).toBeHidden();
        expect(await ringShown(), 'after the selection toolbar').toBeNull();
      });

      test('the notes panel’s close button stays on the title’s line', async ({ page }) => {
        await openSample(page);
        await page.locator('[data-action="toggle-notes"]').click();
        const panel = page.locator('[data-notes-panel]');
        await expect(panel).toBeVisible();
        const title = await box(panel.locator('.panel-title'));
        const close = await box(panel.locator('[data-action="close-notes"]'));
        // Beside the title (its top within the title's first line), not under it.
        expect(close.top).toBeLessThan(title.top + 24);
        expect(close.bottom).toBeGreaterThan(title.top);
        expect(language === 'ar' ? close.right <= title.left + 1 : close.left >= title.right - 1).toBe(true);
      });
    });
  }
}

