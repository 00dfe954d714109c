import { expect, test, type Locator, type Page } from '@playwright/test';
import { open, openSample, SAMPLE_ID } from './fixtures';

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

      for (const PASSAGE_BLOCK of [0, 2]) test(`a shared passage’s message (paragraph ${PASSAGE_BLOCK}) stays clear of the passage and of the text; its buttons keep to one line`, async ({ page }) => {
        await openSample(page);
        const block = page.locator('article .block--paragraph').nth(PASSAGE_BLOCK);
        const blockId = (await block.getAttribute('data-block-id'))!;
        const words = ((await block.locator('[data-block-text]').textContent()) ?? '').split(' ').slice(2, 12).join(' ');
        const note = 'ملاحظة المرسل: قارن هذا المقطع بما نشرته الوكالة الإيرانية في اليوم نفسه، فالصياغة تختلف في موضعين.';
        await page.goto('about:blank');
        await open(page, `#/a/${SAMPLE_ID}/${blockId}?${new URLSearchParams({ q: words, n: note, v: '1' })}`);
        const notice = page.locator('[data-shared-notice="found"]');
        await expect(notice).toBeVisible();
        await expect(page.locator('mark[data-shared-passage]').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(400);
        // Every line of the passage is painted where the reader sees it: not under the message,
        // its note or the top bar.
        const covered = await page.evaluate(() => {
          const hidden: string[] = [];
          for (const mark of document.querySelectorAll('mark[data-shared-passage]')) {
            for (const r of mark.getClientRects()) {
              const x = r.left + r.width / 2;
              const y = r.top + r.height / 2;
              const hit = document.elementFromPoint(x, y);
              if (y < 0 || y > window.innerHeight || !hit || (!hit.closest('mark[data-shared-passage]') && !hit.contains(mark))) hidden.push(`${Math.round(x)},${Math.round(y)}: ${hit?.className}`);
            }
          }
          return hidden;
        });
        expect(covered).toEqual([]);
        // The sharer's note, wherever it is shown, covers no text of the article.
        const overText = await page.locator('[data-shared-note]').evaluate((noteEl) => {
          if (getComputedStyle(noteEl).position !== 'fixed') return false;
          const n = noteEl.getBoundingClientRect();
          return [...document.querySelectorAll('article [data-block-text]')].some((t) =>
            [...t.getClientRects()].some((r) => r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top),
          );
        });
        expect(overText).toBe(false);
        // "Go to the passage" and "Hide" each keep to one line, on the message's row.
        const message = await box(notice.locator('p').first());
        for (const action of ['go-to-shared', 'dismiss-shared']) {
          const button = notice.locator(`[data-action="${action}"]`);
          const b = await box(button);
          const lineHeight = await button.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
          expect(b.bottom - b.top, `${action} on one line`).toBeLessThan(lineHeight * 1.6 + 12);
          expect(b.top, `${action} on the message's row`).toBeLessThan(message.bottom);
        }
      });

      test('the names legend’s chips are all on screen, and one reached by Tab is not under the top bar', async ({ page }) => {
        await openSample(page);
        const chips = page.locator('[data-entity-legend] button');
        await expect(page.locator('[data-entity-legend] [data-type="PERS"] .entity-legend__count')).not.toHaveText('–', { timeout: 15_000 });
        // Every chip whole, inside the window and inside the legend (nothing scrolled or clipped away).
        const outside = await chips.evaluateAll((buttons) => {
          const legend = buttons[0]!.closest('[data-entity-legend]')!.getBoundingClientRect();
          const width = document.documentElement.clientWidth;
          return buttons
            .map((b) => ({ text: b.textContent, r: b.getBoundingClientRect() }))
            .filter(({ r }) => r.left < 0 || r.right > width || r.left < legend.left - 1 || r.right > legend.right + 1 || r.top < legend.top - 1 || r.bottom > legend.bottom + 1)
            .map(({ text }) => text);
        });
        expect(outside).toEqual([]);
        const bar = await box(page.locator('.topbar'));
        const focusedChip = () => box(page.locator('[data-entity-legend] button:focus'));
        // Scrolled so that the legend sits partly under the sticky top bar (still in the window, so
        // the browser alone would not scroll): a chip focused there is brought clear of the bar.
        const legendTop = await page.locator('[data-entity-legend]').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
        await page.evaluate((y) => window.scrollTo(0, y), legendTop - bar.bottom + 12);
        await chips.first().focus();
        expect((await focusedChip()).top, 'partly under the bar, then reached').toBeGreaterThanOrEqual(bar.bottom);
        // Scrolled away, then reached from the keyboard (the legend is a toolbar: End moves along
        // it): the chip is brought below the bar.
        await page.evaluate(() => window.scrollTo(0, 400));
        await page.keyboard.press('End');
        await expect(chips.last()).toBeFocused();
        expect((await focusedChip()).top, 'scrolled away, then reached').toBeGreaterThanOrEqual(bar.bottom);
      });

      test('the selection toolbar covers neither the selection nor the lines around it', async ({ page }) => {
        await openSample(page);
        await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
        // Two words in the middle of a paragraph's second line.
        const texts = page.locator('article .block--paragraph [data-block-text]');
        const index = await texts.evaluateAll((els) => els.findIndex((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().height > 100));
        const text = texts.nth(index);
        await text.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.waitForTimeout(200);
        const lines = await text.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          // One box per visual line (text nodes and marks split a line into several rects).
          const tops = [...new Set(rects.map((r) => Math.round(r.top)))].sort((a, b) => a - b);
          return tops.map((top) => {
            const row = rects.filter((r) => Math.abs(Math.round(r.top) - top) < 4);
            return { top, bottom: Math.max(...row.map((r) => r.bottom)), left: Math.min(...row.map((r) => r.left)), right: Math.max(...row.map((r) => r.right)) };
          });
        });
        expect(lines.length).toBeGreaterThanOrEqual(3);
        const line = lines[1]!;
        const y = (line.top + line.bottom) / 2;
        const x = (line.left + line.right) / 2;
        await page.mouse.move(x + 40, y);
        await page.mouse.down();
        await page.mouse.move(x - 40, y, { steps: 4 });
        await page.mouse.up();
        const toolbar = page.locator('[data-selection-toolbar]');
        await expect(toolbar).toBeVisible();
        await expect(toolbar).toBeInViewport({ ratio: 1 });
        const t = await box(toolbar);
        const covered = lines.slice(0, 3).filter((l) => t.left < l.right && t.right > l.left && t.top < l.bottom - 4 && t.bottom > l.top + 4);
        expect(covered, 'lines of text under the toolbar').toEqual([]);
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

