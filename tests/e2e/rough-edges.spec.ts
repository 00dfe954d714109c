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

