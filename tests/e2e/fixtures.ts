import { expect, type Page } from '@playwright/test';

export const SAMPLE_ID = 'putin-raisi-call';

/** Open a hash route and wait until the app rendered something for it. */
export async function open(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`./${hash}`);
  await expect(page.locator('main')).toBeVisible();
}

export async function openSample(page: Page): Promise<void> {
  await open(page, `#/a/${SAMPLE_ID}`);
  await expect(page.locator('article h1')).toBeVisible();
}

/** Opens the import dialog, pastes text and submits. */
export async function importPasted(page: Page, text: string): Promise<void> {
  await open(page, '#/');
  await page.locator('[data-action="open-import"]').click();
  await page.locator('dialog textarea').fill(text);
  await page.locator('[data-action="import-submit"]').click();
  // The preview opens with Save focused: Enter saves.
  await page.locator('[data-action="save-import"]').press('Enter');
}

export const PASTED_ARTICLE = `الأحد 3 نوفمبر 2024

مهرجان للكتاب في مدينة الرباط يستقبل آلاف الزوار

شارك

افتتحت وزارة الثقافة المغربية مساء الأحد معرضًا للكتاب في الرباط بمشاركة ناشرين من عشرين دولة.

أرقام المعرض

قال المدير العام للمعرض سعيد الإدريسي إن عدد الزوار تجاوز خمسين ألفًا في اليوم الأول.

وأضاف أن دور النشر الأردنية والمصرية حضرت بقوة هذا العام.

المصادر:
وكالة الأنباء`;

export const selectionToolbar = (page: Page) => page.locator('[data-selection-toolbar]');

/**
 * Selects from the first occurrence of `from` to the end of the first occurrence of `to` (or of
 * `from`) in the article's block texts, possibly across blocks, as a mouse selection would.
 */
export async function selectText(page: Page, from: string, to?: string): Promise<void> {
  const found = await page.evaluate(
    ([a, b]) => {
      const blocks = [...document.querySelectorAll('article [data-block-text]')];
      const find = (needle: string, end: boolean): [Text, number] | null => {
        for (const el of blocks) {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
          const at = nodes.map((n) => n.data).join('').indexOf(needle);
          if (at < 0) continue;
          let left = end ? at + needle.length : at;
          for (const n of nodes) {
            // A start never sits at the very end of a text node; an end may.
            if (left < n.data.length || (end && left === n.data.length)) return [n, left];
            left -= n.data.length;
          }
        }
        return null;
      };
      const start = find(a!, false);
      const end = find(b ?? a!, true);
      if (!start || !end) return false;
      start[0].parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    },
    [from, to] as const,
  );
  expect(found, `"${from}" is in the article`).toBe(true);
}
