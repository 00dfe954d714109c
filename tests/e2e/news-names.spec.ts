import { expect, test } from '@playwright/test';
import { importPasted } from './fixtures';
import { NEWS_NAMES_ARTICLE, NEWS_NAMES_EXPECTED } from '../fixtures/news-names-article';

// An article in today's agency style (issue 10), pasted in as a reader would: the names of today's
// news are marked in the browser's worker with their whole span and their type.
test('names in today’s news are marked whole and typed right', async ({ page }) => {
  await importPasted(page, NEWS_NAMES_ARTICLE);
  const marks = page.locator('article mark.entity[data-entity-id]');
  await expect(marks.first()).toBeVisible({ timeout: 15_000 });
  // Each mark's element stands around whole words (it may hold a clitic: وترمب); the name is its
  // exact span in there.
  const found = await marks.evaluateAll((els) =>
    els.map((el) => ({
      text: (el.textContent ?? '').slice(Number(el.getAttribute('data-name-start')), Number(el.getAttribute('data-name-end'))),
      type: el.getAttribute('data-entity-type') ?? '',
    })),
  );
  for (const e of NEWS_NAMES_EXPECTED) {
    expect(found.filter((m) => m.text === e.text).map((m) => m.type), e.text).toEqual(Array.from({ length: e.count ?? 1 }, () => e.type));
  }
  expect(found.filter((m) => m.type === 'PERS' && /إيريز|فريدريش|إيبرت/.test(m.text))).toEqual([]);
});
