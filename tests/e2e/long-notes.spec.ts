import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, openSample, SAMPLE_ID } from './fixtures';

/**
 * Long note lists (issue 15): the notes panel and the notebook mount a hundred cards at a time, so
 * thousands of notes never hold the page; the rest come with "show more" (a button, for keyboards
 * and screen readers) or by scrolling to it. Search still covers every note.
 */

const COUNT = 250;

/** COUNT notes on the sample's own paragraphs (two words each), stored as the app stores them. */
async function seedNotes(page: Page): Promise<void> {
  await openSample(page);
  await page.evaluate(
    ({ articleId, count }) => {
      const blocks = [...document.querySelectorAll<HTMLElement>('article [data-block-id]')]
        .map((el) => ({ id: el.dataset.blockId!, words: (el.textContent ?? '').split(/\s+/).filter((w) => w.length > 2) }))
        .filter((b) => b.words.length > 4);
      const stamp = '2026-11-01T10:00:00.000Z';
      const data: Record<string, unknown> = {};
      for (let i = 0; i < count; i += 1) {
        const block = blocks[i % blocks.length]!;
        const at = Math.floor(i / blocks.length) % (block.words.length - 1);
        const exact = `${block.words[at]} ${block.words[at + 1]}`;
        data[`long-${i}`] = {
          id: `long-${i}`,
          articleId,
          target: { blockId: block.id, selectors: [{ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: exact.length }] },
          color: 'yellow',
          // (Not «ملاحظة ${i}»: the search matches words by their stem, so «الملاحظة» would find them all.)
          note: i === count - 1 ? 'الملاحظة الأخيرة' : `تعليق ${i}`,
          tags: [],
          created: stamp,
          modified: stamp,
        };
      }
      localStorage.setItem(`hashiya:notes:${articleId}`, JSON.stringify({ v: 1, data }));
    },
    { articleId: SAMPLE_ID, count: COUNT },
  );
}

test('the notebook mounts a hundred cards; "show more" works from the keyboard; search covers every note', async ({ page }) => {
  await seedNotes(page);
  await open(page, '#/notes');
  const cards = page.locator('[data-notebook] [data-note-id]');
  await expect(cards).toHaveCount(100);
  await expect(page.locator('[data-notebook-count]')).toHaveAttribute('data-notebook-count', String(COUNT));
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  const more = page.locator('[data-action="show-more-notes"]');
  await expect(more).toHaveAttribute('data-notes-remaining', String(COUNT - 100));
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(cards).not.toHaveCount(100);
  // Focus stays on the button, or, once everything is shown, on the line that says so.
  await expect(page.locator('[data-action="show-more-notes"], [data-notes-all-shown]')).toBeFocused();

  await page.locator('[data-notes-search]').fill('الملاحظة الاخيرة');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-note-id', `long-${COUNT - 1}`);
});

test('the notes panel mounts a hundred cards and the rest as its end scrolls into view', async ({ page }) => {
  await seedNotes(page);
  await page.reload();
  await expect(page.locator('article h1')).toBeVisible();
  await page.locator('[data-action="toggle-notes"]').click();
  // Anchored or orphaned (positions here are not the article's), both lists are mounted the same way.
  const cards = page.locator('[data-notes-panel] [data-note-id]');
  await expect(cards).toHaveCount(100);
  const more = page.locator('[data-notes-panel] [data-action="show-more-notes"]');
  await more.scrollIntoViewIfNeeded();
  await expect(cards).not.toHaveCount(100);
  // Every note is reachable: keep scrolling to the end (the button goes once all are mounted).
  await expect(async () => {
    if ((await more.count()) > 0) await more.scrollIntoViewIfNeeded({ timeout: 1_000 }).catch(() => {});
    await expect(cards).toHaveCount(COUNT, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
});
