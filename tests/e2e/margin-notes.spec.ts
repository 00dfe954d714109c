import { expect, test, type Page } from '@playwright/test';
import { openSample, selectText } from './fixtures';
import { sampleNote, seedNotes } from './seed-notes';

/**
 * Notes beside the text: written and read in the margin on a wide screen, through the paragraph
 * markers and a sheet on a phone; never in a dialog.
 */

const PASSAGES = ['سكرتير مجلس الأمن الروسي', 'أجرى الرئيس الروسي فلاديمير بوتين', 'حليفًا أساسيًا لموسكو'];
const NOTES = ['ثاني زيارة هذا العام', 'المكالمة الأولى منذ أشهر', 'قارن بوصف واشنطن'];

async function useLanguage(page: Page, language: string): Promise<void> {
  await page.addInitScript((language) => {
    localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: 'light', textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }));
  }, language);
}

/** The passage's text is painted where the reader sees it (nothing over its middle). */
async function passageVisible(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const pieces = [...document.querySelectorAll(selector)];
    return (
      pieces.length > 0 &&
      pieces.every((piece) =>
        [...piece.getClientRects()].every((r) => {
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.top >= 0 && r.bottom <= window.innerHeight && !!hit && (!!hit.closest(selector) || hit.contains(piece));
        }),
      )
    );
  }, selector);
}

async function writeNote(page: Page, passage: string, note: string): Promise<void> {
  await selectText(page, passage);
  await page.locator('[data-selection-toolbar] [data-action="note"]').click();
  const editor = page.locator('[data-note-editor="new"]');
  await expect(editor.locator('textarea')).toBeFocused();
  // Never a dialog: the text stays in view, the passage marked while the note is written.
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  expect(await passageVisible(page, 'article .text-focus')).toBe(true);
  // The whole form in the window, its Save button too (a form at a passage low in the window is
  // scrolled up into view with it).
  await expect(editor.locator('[data-action="save-note"]')).toBeInViewport({ ratio: 1 });
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
}

for (const language of ['ar', 'en'] as const) {
  test.describe(`at 1280 px (${language})`, () => {
    test.use({ viewport: { width: 1280, height: 800 } });

    test('three notes written and read in the margin beside their highlights, without a dialog', async ({ page }) => {
      // Notes glide to their places; measured where they settle.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await useLanguage(page, language);
      await openSample(page);
      await expect(page.locator('[data-margin-notes="notes"]')).toBeAttached();
      for (const [i, passage] of PASSAGES.entries()) {
        await writeNote(page, passage, NOTES[i]!);
        await expect(page.locator('[data-margin-note]:not([hidden])')).toHaveCount(i + 1);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      const layout = await page.evaluate(() => {
        const text = document.querySelector('article')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('[data-margin-note]')].map((li) => {
          const id = li.dataset.marginNote!;
          const mark = document.querySelector(`article mark[data-annotation-id="${id}"]`)!;
          const card = li.getBoundingClientRect();
          return { id, cardTop: card.top, cardBottom: card.bottom, cardLeft: card.left, cardRight: card.right, markTop: mark.getClientRects()[0]!.top, textLeft: text.left, textRight: text.right };
        });
      });
      expect(layout).toHaveLength(3);
      for (const note of layout) {
        // In the margin at the inline end of the interface (the left in Arabic), clear of the text.
        if (language === 'ar') expect(note.cardRight).toBeLessThan(note.textLeft);
        else expect(note.cardLeft).toBeGreaterThan(note.textRight);
      }
      // Aligned with their highlights where they do not collide; never overlapping; in reading order.
      const sorted = [...layout].sort((a, b) => a.markTop - b.markTop);
      expect(Math.abs(sorted[0]!.cardTop - sorted[0]!.markTop)).toBeLessThan(12);
      for (let i = 1; i < sorted.length; i += 1) {
        expect(sorted[i]!.cardTop).toBeGreaterThanOrEqual(sorted[i - 1]!.cardBottom);
        expect(sorted[i]!.cardTop).toBeGreaterThanOrEqual(sorted[i]!.markTop - 12);
      }
      for (const note of NOTES) await expect(page.locator('[data-margin-notes]')).toContainText(note);

      // A click on a note makes it current: expanded, with its actions.
      const second = page.locator(`[data-margin-note="${sorted[1]!.id}"]`);
      await second.locator('.note-text').click();
      await expect(second).toHaveAttribute('data-active', '');
      await expect(second.locator('[data-action="edit-note"]')).toBeVisible();
      // Edited where it is: Escape keeps the draft, shown on the note.
      await second.locator('[data-action="edit-note"]').click();
      await expect(second.locator('[data-note-editor="edit"] textarea')).toBeFocused();
      await page.keyboard.type(' ومهمة');
      await page.keyboard.press('Escape');
      await expect(second.locator('[data-note-editor]')).toHaveCount(0);
      await expect(second.locator('[data-note-draft]')).toBeVisible();
      await second.locator('[data-action="edit-note"]').click();
      await expect(second.locator('textarea')).toHaveValue(`${NOTES[1]} ومهمة`);
      await page.keyboard.press('Control+Enter');
      await expect(second).toContainText(`${NOTES[1]} ومهمة`);
      await expect(page.locator('dialog[open]')).toHaveCount(0);
    });
  });
}

test.describe('at 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 800 } });

  test('a note is written in a popover at its passage, covering none of it, whole in the window', async ({ page }) => {
    await openSample(page);
    await expect(page.locator('[data-margin-notes="markers"]')).toBeAttached();
    // In the middle of the window (selectText centres it): no room under it or over it for the form.
    await selectText(page, 'قمة مجموعة العشرين');
    await page.locator('[data-selection-toolbar] [data-action="note"]').click();
    const editor = page.locator('[data-note-editor="new"]');
    await expect(editor).toHaveAttribute('data-note-popover', 'popover');
    await expect(editor.locator('textarea')).toBeFocused();
    await expect.poll(() => passageVisible(page, 'article .text-focus')).toBe(true);
    await expect(editor.locator('[data-action="save-note"]')).toBeInViewport({ ratio: 1 });
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('notes written at their passage and read through the paragraph markers', async ({ page }) => {
    await openSample(page);
    await expect(page.locator('[data-margin-notes="markers"]')).toBeAttached();
    // Two notes in one paragraph, one in another.
    const passages = [PASSAGES[1]!, PASSAGES[2]!, PASSAGES[0]!];
    for (const [i, passage] of passages.entries()) {
      await selectText(page, passage);
      await page.locator('[data-selection-toolbar] [data-action="note"]').click();
      const editor = page.locator('[data-note-editor="new"]');
      await expect(editor).toHaveAttribute('data-note-popover', 'sheet');
      await expect(editor.locator('textarea')).toBeFocused();
      // The passage stays in view above the sheet, and Save in the sheet.
      expect(await passageVisible(page, 'article .text-focus')).toBe(true);
      await expect(editor.locator('[data-action="save-note"]')).toBeInViewport({ ratio: 1 });
      await page.keyboard.type(NOTES[i]!);
      await page.keyboard.press('Control+Enter');
      await expect(editor).toHaveCount(0);
    }
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    const markers = page.locator('[data-marker-block]:not([hidden])');
    await expect(markers).toHaveCount(2);
    await expect(markers.filter({ hasText: '2' })).toHaveCount(1);
    // Markers stay inside the window, beside the text, and cover none of it.
    const boxes = await markers.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(375);
    }
    const marker = markers.filter({ hasText: '2' });
    await marker.click();
    const sheet = page.locator('[data-note-sheet]');
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('[data-note-id]')).toHaveCount(2);
    await expect(sheet).toContainText(NOTES[0]!);
    await expect(sheet).toContainText(NOTES[1]!);
    await page.keyboard.press('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(marker).toBeFocused();
  });
});

for (const language of ['ar', 'en'] as const) {
  test.describe(`at 375 px (${language})`, () => {
    test.use({ viewport: { width: 375, height: 800 } });

    test('a paragraph’s marker sits beside the line its first note starts on, clear of the paragraph’s link', async ({ page }) => {
      await useLanguage(page, language);
      // A note from a paragraph's first line, a second one lower in it, and a note starting on a
      // later line of another paragraph.
      const notes = [
        sampleNote('وسط تقارب إضافي في العلاقات', { note: 'من السطر الأول' }),
        sampleNote('حليفًا أساسيًا لموسكو', { note: 'أسفل الفقرة' }),
        sampleNote('التعاون في المجالات السياسية', { note: 'من سطر لاحق' }),
      ];
      await seedNotes(page, notes);
      await openSample(page);
      const markers = page.locator('[data-marker-block]:not([hidden])');
      await expect(markers).toHaveCount(2);
      await expect(page.locator('[data-marker-block][data-note-count="2"]')).toHaveCount(1);
      const ids = notes.map((n) => n.id);
      const check = () =>
        markers.evaluateAll((els, ids) => {
          const box = (el: Element) => el.getBoundingClientRect();
          const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
          return els.map((marker) => {
            const block = document.getElementById((marker as HTMLElement).dataset.markerBlock!)!;
            // The paragraph's first noted highlight, in reading order, and the line it starts on.
            const first = [...block.querySelectorAll('[data-annotation-id]')].find((el) => ids.includes(el.getAttribute('data-annotation-id')!))!;
            const line = first.getClientRects()[0]!;
            const m = box(marker);
            const centre = (m.top + m.bottom) / 2;
            return {
              besideLine: centre > line.top && centre < line.bottom,
              clearOfLink: !overlap(m, box(block.querySelector('[data-action="link-block"]')!)),
              clearOfText: !overlap(m, box(block.querySelector('[data-block-text]')!)),
              inWindow: m.left >= 0 && m.right <= window.innerWidth,
            };
          });
        }, ids);
      // Measured once the markers have settled (fonts, the names arriving re-lay the text out).
      const placed = { besideLine: true, clearOfLink: true, clearOfText: true, inWindow: true };
      await expect.poll(check).toEqual([placed, placed]);
    });
  });
}
