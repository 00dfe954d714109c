import { expect, test, type Locator, type Page } from '@playwright/test';
import { open, SAMPLE_ID } from './fixtures';
import { tabStopsBeforeLastParagraph } from './tab-stops';
import { READER_KEYS } from '../../src/shared/reader-keys';

/**
 * The whole reading flow without a mouse: every step is a key press, focus is always visible,
 * and after every dialog, card or panel closes focus is back where it was.
 */

/** Press Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  expect(handle, 'tab target exists').not.toBeNull();
  for (let i = 0; i < max; i += 1) {
    if (await handle!.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not Tab to ${target.toString()}`);
}

/** Press Tab until the focused element matches `selector`. */
async function tabUntil(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not Tab to ${selector}`);
}

/** The focused element shows a focus ring: an outline (or a box-shadow) wide enough to see. */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { el: 'body', visible: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none';
    return { el: `${el.tagName}.${el.className}`, visible: (outline || shadow) && el.matches(':focus-visible') };
  });
  expect(ring.visible, `${what}: focus ring on ${ring.el}`).toBe(true);
}

const focusedIs = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

test('keyboard only: library, paragraphs, select, highlight, note, entity card, paragraph link, panels', async ({ page, context }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/');
  const card = page.locator(`[data-library-article="${SAMPLE_ID}"] a.library-card-link`);
  await expect(card).toBeVisible();
  await tabTo(page, card);
  await expectFocusVisible(page, 'library card');
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });

  // j / k between blocks.
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('j');
  const fourth = await page.evaluate(() => document.activeElement?.getAttribute('data-block-id'));
  expect(fourth).toBeTruthy();
  await expectFocusVisible(page, 'paragraph');
  await page.keyboard.press('k');
  const third = await page.evaluate(() => document.activeElement?.getAttribute('data-block-id'));
  expect(third).toBeTruthy();
  expect(third).not.toBe(fourth);
  await page.keyboard.press('j');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-block-id'))).toBe(fourth);

  // Select two words with Shift+arrows and highlight with h.
  const block = page.locator(`[data-block-id="${fourth}"]`);
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  const toolbar = page.locator('[data-selection-toolbar]');
  await expect(toolbar).toBeVisible();
  const selected = await page.evaluate(() => document.getSelection()!.toString().trim());
  expect(selected.split(/\s+/).length).toBe(2);
  await page.keyboard.press('h');
  await expect(block.locator('mark.highlight')).toHaveCount(1);
  await expect(toolbar).toBeHidden();
  expect(await focusedIs(page, `[data-block-id="${fourth}"]`)).toBe(true);

  // Letter by letter, then n writes a note; Ctrl+Enter saves; focus is back on the paragraph.
  await page.keyboard.press('j');
  const fifth = await page.evaluate(() => document.activeElement?.getAttribute('data-block-id'));
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('n');
  const editor = page.locator('[data-note-editor]');
  await expect(editor).toBeVisible();
  await expect(editor.locator('textarea')).toBeFocused();
  await page.keyboard.type('ملاحظة من لوحة المفاتيح');
  await page.keyboard.press('Tab');
  await page.keyboard.type('مفاتيح');
  await expectFocusVisible(page, 'tags field');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(page.locator(`[data-block-id="${fifth}"] mark.highlight`)).toHaveCount(1);
  expect(await focusedIs(page, `[data-block-id="${fifth}"]`)).toBe(true);

  // Tab to an entity mention, Enter opens its card, Escape closes it with focus back on the mention.
  await tabUntil(page, 'article mark.entity');
  await expectFocusVisible(page, 'entity mark');
  const mention = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { id: el.dataset.entityId, index: el.dataset.mentionIndex, description: el.getAttribute('aria-description') };
  });
  expect(mention.description).toBeTruthy();
  await page.keyboard.press('Enter');
  const entityCard = page.locator('[data-entity-card]');
  await expect(entityCard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(entityCard).toBeHidden();
  expect(await focusedIs(page, `article mark[data-entity-id="${mention.id}"][data-mention-index="${mention.index}"]`)).toBe(true);

  // Tab to a paragraph's link control, Enter copies the link.
  await tabUntil(page, 'article a[data-action="link-block"]');
  await expectFocusVisible(page, 'paragraph link');
  const linked = await page.evaluate(() => document.activeElement!.closest('[data-block-id]')!.getAttribute('data-block-id'));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-toast]').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`#/a/${SAMPLE_ID}/${linked}`);
  expect(await focusedIs(page, 'article a[data-action="link-block"]')).toBe(true);

  // The notes panel: open from the top bar, Escape closes it, focus back on its button.
  const notesButton = page.locator('[data-action="toggle-notes"]');
  await tabTo(page, notesButton, { back: true, max: 200 });
  await expectFocusVisible(page, 'notes button');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-notes-panel]')).toBeVisible();
  await expect(page.locator('[data-notes-panel] [data-note-id]')).toHaveCount(2);
  await page.keyboard.press('Tab');
  await expectFocusVisible(page, 'inside the notes panel');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-notes-panel]')).toBeHidden();
  await expect(notesButton).toBeFocused();

  // The entities panel, the same way.
  const entitiesButton = page.locator('[data-action="toggle-entities-panel"]');
  await tabTo(page, entitiesButton);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-entities-panel]')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-entities-panel]')).toBeHidden();
  await expect(entitiesButton).toBeFocused();

  // Reading settings: opens from its button and returns focus there.
  const settings = page.locator('[data-action="settings"]');
  await tabTo(page, settings, { back: true, max: 200 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(settings).toBeFocused();

  // l back to the library.
  await page.locator('main').evaluate((el) => (el as HTMLElement).focus());
  await page.keyboard.press('l');
  await expect(page.locator(`[data-library-article="${SAMPLE_ID}"]`)).toBeVisible();
});

test('switched-off entity types leave the Tab order', async ({ page }) => {
  await open(page, `#/a/${SAMPLE_ID}`);
  await expect(page.locator('article mark.entity[data-entity-type="PERS"]').first()).toBeVisible({ timeout: 15_000 });
  await page.locator('.entity-legend-bar [data-action="toggle-entity-type"][data-type="PERS"]').click();
  await expect(page.locator('article')).toHaveAttribute('data-hide-types', /PERS/);
  await page.locator('article [data-block-id]').first().focus();
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const type = await page.evaluate(() => document.activeElement?.getAttribute('data-entity-type'));
    expect(type).not.toBe('PERS');
  }
});

test('the sample is a handful of Tab stops before its last paragraph (roving tab index)', async ({ page }) => {
  await open(page, `#/a/${SAMPLE_ID}`);
  await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
  const { before, stops } = await tabStopsBeforeLastParagraph(page);
  console.info(`Tab stops before the sample's last paragraph: ${before} (${stops.join(' ')})`);
  expect(before).toBeLessThanOrEqual(15);
});

for (const language of ['ar', 'en'] as const) {
  test(`? lists every key of the reader in its language (${language}), also pressed on an Arabic layout`, async ({ page }) => {
    await page.addInitScript((language) => {
      localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }));
    }, language);
    await open(page, `#/a/${SAMPLE_ID}`);
    await expect(page.locator('article h1')).toBeVisible();
    // Shift+Slash is ؟ on the Arabic layout: read by position, it opens the sheet all the same.
    await page.locator('article [data-block-id]').first().focus();
    await page.keyboard.press('Shift+Slash');
    const sheet = page.locator('dialog[data-dialog="keys"]');
    await expect(sheet).toBeVisible();
    const listed = await sheet.locator('[data-key]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    expect(listed.sort()).toEqual([...READER_KEYS.map((key) => key.id)].sort());
    // Each row says what its key does, in the interface's language (no raw i18n key left).
    const texts = await sheet.locator('[data-key] dd').allTextContents();
    for (const text of texts) {
      expect(text).not.toMatch(/keys\.|does\./);
      expect(/[\u0600-\u06ff]/.test(text)).toBe(language === 'ar');
    }
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
  });
}
