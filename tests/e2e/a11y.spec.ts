import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open, openSample } from './fixtures';

const THEMES = ['light', 'sepia', 'dark'] as const;
const LANGUAGES = ['ar', 'en'] as const;

async function useSettings(page: Page, theme: string, language: string) {
  await page.addInitScript(
    ({ theme, language }) => {
      localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: language } }));
    },
    { theme, language },
  );
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
  expect(summary, `${what}\n${summary.join('\n')}`).toEqual([]);
}

for (const language of LANGUAGES) {
  for (const theme of THEMES) {
    test(`no accessibility violations: ${language}, ${theme}`, async ({ page }) => {
      // Six whole-page axe runs (library, import dialog and preview, reader and its panels, notebook): several seconds each on a busy two-core machine.
      test.setTimeout(90_000);
      await useSettings(page, theme, language);
      await open(page, '#/');
      await expect(page.locator('[data-library-article]').first()).toBeVisible();
      await expectNoViolations(page, 'library');

      await page.locator('[data-action="open-import"]').click();
      await expect(page.locator('dialog')).toBeVisible();
      await expectNoViolations(page, 'import dialog');
      await page.locator('dialog textarea').fill('الخرطوم - الأحد 6 أبريل 2025\n\nعنوان الخبر المستورد\n\nشارك\n\nفقرة أولى من الخبر فيها كلمات كافية.\n\nفقرة ثانية من الخبر.\n\nالمصادر: وكالات');
      await page.locator('[data-action="import-submit"]').click();
      await expect(page.locator('[data-import-preview]')).toBeVisible();
      await page.locator('.preview-dropped summary').click();
      await expectNoViolations(page, 'import preview');
      await page.keyboard.press('Escape');

      await openSample(page);
      await expect(page.locator('article [data-entity-type]').first()).toBeVisible({ timeout: 15_000 });
      await expectNoViolations(page, 'reader');
      for (const panel of ['entities', 'notes']) {
        const toggle = page.locator(panel === 'notes' ? `[data-action="toggle-notes"]` : `[data-action="toggle-entities-panel"]`);
        await toggle.click();
        await expect(page.locator(`[data-panel="${panel}"]`)).toBeVisible();
        await expectNoViolations(page, `reader with the ${panel} panel`);
      }

      await open(page, '#/notes');
      // The notebook's code loads on demand: check the page, not its loading line.
      await expect(page.locator('h1').first()).toBeVisible();
      await expectNoViolations(page, 'notebook');
    });
  }
}
