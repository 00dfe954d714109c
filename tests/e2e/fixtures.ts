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
