import { expect, test } from '@playwright/test';
import { open, SAMPLE_ID } from './fixtures';
import { sampleNote, sampleTitle, seedNotes } from './seed-notes';

const QUOTE = 'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا';

test('the notebook edits a note in place, keeps a draft on Escape, opens the article at the note and copies a quote with its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const note = sampleNote(QUOTE, { note: 'أول ملاحظة', color: 'green' });
  await seedNotes(page, [note, sampleNote('تزويدها روسيا بمسيّرات', { note: 'ثانية' })]);
  await open(page, '#/notes');
  const card = page.locator(`[data-note-id="${note.id}"]`);
  await expect(card).toBeVisible();

  // Edit in place: no dialog; Escape keeps the text as a draft, shown on the card.
  await card.locator('[data-action="edit-note"]').click();
  const form = page.locator(`[data-note-editor="edit"][data-note-id="${note.id}"]`);
  await expect(form.locator('textarea')).toBeFocused();
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await page.keyboard.type(' ثم تعديل');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(card.locator('[data-note-draft]')).toBeVisible();
  await expect(card).toContainText('أول ملاحظة');
  await expect(card).not.toContainText('ثم تعديل');
  await card.locator('[data-action="edit-note"]').click();
  await expect(form.locator('textarea')).toHaveValue('أول ملاحظة ثم تعديل');
  await page.keyboard.press('Control+Enter');
  await expect(form).toHaveCount(0);
  await expect(card).toContainText('أول ملاحظة ثم تعديل');
  await expect(card.locator('[data-note-draft]')).toHaveCount(0);

  // Copy as a quote with a link: the quotation, the title, a link that opens the passage.
  await card.locator('[data-action="copy-quote"]').click();
  await expect(page.locator('[data-toast]').first()).toBeVisible();
  const copied = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  expect(copied[0]).toBe(`«${QUOTE}»`);
  expect(copied[1]).toBe(`— ${sampleTitle}`);
  expect(copied[2]).toContain(`#/a/${SAMPLE_ID}/`);

  // Open in the article at the note: scrolled to its highlight, which flashes. (The flash lasts
  // 2.4 s: it is recorded as it happens, so a slow machine cannot miss it between two polls.)
  await page.evaluate((id) => {
    (window as unknown as { flashed: boolean }).flashed = false;
    new MutationObserver((records) => {
      if (records.some((r) => r.target instanceof Element && r.target.matches(`mark[data-annotation-id="${id}"].is-flashing`))) (window as unknown as { flashed: boolean }).flashed = true;
    }).observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true });
  }, note.id);
  await card.locator('[data-action="open-in-article"]').click();
  await expect(page).toHaveURL(new RegExp(`note=${note.id}`));
  const mark = page.locator(`article mark[data-annotation-id="${note.id}"]`).first();
  await expect(mark).toBeInViewport();
  await expect.poll(() => page.evaluate(() => (window as unknown as { flashed: boolean }).flashed)).toBe(true);

  // The copied link opens the article with the passage highlighted.
  await page.goto(copied[2]!);
  await expect(page.locator('mark[data-shared-passage]').first()).toBeInViewport();
  await expect(page.locator('mark[data-shared-passage]')).toContainText([QUOTE.split(' ')[0]!]);
});
