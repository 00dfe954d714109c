import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importPasted, open, openSample, PASTED_ARTICLE, SAMPLE_ID, selectionToolbar, selectText } from './fixtures';

/** Content-security policy, printing, small and very wide screens, screen-reader descriptions. */

const DIST = process.env.E2E_DIST ?? 'dist';
const toolbar = selectionToolbar;

async function selectAndAct(page: Page, text: string, action: string): Promise<void> {
  await expect(async () => {
    await selectText(page, text);
    await toolbar(page).locator(action).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function writeNote(page: Page, text: string, note: string): Promise<void> {
  await selectAndAct(page, text, '[data-action="note"]');
  const editor = page.locator('[data-note-editor]');
  await editor.locator('textarea').fill(note);
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor).toBeHidden();
}

test('the built page carries a strict CSP: no inline script, no eval, no remote origin', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  expect(meta, 'CSP meta in index.html').not.toBeNull();
  const policy = meta![1]!.replace(/&#39;/g, "'");
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
  expect(directives.get('script-src') ?? directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // The one exception: the optional sync server is wherever the reader points it (Settings → Sync),
  // so connections (fetch for sign-in, websocket) may go to any http(s)/ws(s) origin. Nothing else may.
  expect(directives.get('connect-src')).toEqual(["'self'", 'http:', 'https:', 'ws:', 'wss:']);
  expect(policy.replace(/connect-src[^;]*/, '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  // Every script is a file from this origin.
  for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)) {
    expect(attrs, 'script has a src').toMatch(/\ssrc="\.?\/?[^":]+"/);
    expect(body!.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=/i);
});

test('no CSP violation across library, import, reader with entities, highlight and note, share, notebook, settings', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });

  await open(page, '#/');
  await expect(page.locator('[data-library-article]').first()).toBeVisible();
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  expect(await violations()).toEqual([]);

  await openSample(page);
  await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
  await page.locator('article mark.entity').first().click();
  await expect(page.locator('[data-entity-card]')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('[data-action="toggle-entities-panel"]').click();
  await expect(page.locator('[data-entities-panel]')).toBeVisible();
  await writeNote(page, 'فلاديمير بوتين', 'ملاحظة');
  await page.locator('[data-action="toggle-entities-panel"]').click();
  await selectAndAct(page, 'اتصالًا هاتفيًا', '[data-action="share"]');
  await expect(page.locator('dialog[data-dialog="share"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('[data-action="toggle-notes"]').click();
  await expect(page.locator('[data-notes-panel] [data-note-id]')).toHaveCount(1);
  await page.locator('[data-action="settings"]').click();
  await page.keyboard.press('Escape');
  await page.locator('article a[data-action="link-block"]').nth(2).focus();
  await page.keyboard.press('Enter');
  await open(page, '#/notes');
  await expect(page.locator('[data-note-id]')).toHaveCount(1);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

test('highlights are <mark>s described for screen readers; entity marks describe their type', async ({ page }) => {
  await openSample(page);
  await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('article mark.entity').first()).toHaveAttribute('aria-description', /.+/);
  const text = await page.locator('article [data-block-text]').nth(2).textContent();
  await writeNote(page, 'فلاديمير بوتين', 'سطر <b>الملاحظة</b>');
  const mark = page.locator('article mark.highlight').first();
  await expect(mark).toHaveAttribute('aria-description', /الأصفر.*سطر <b>الملاحظة<\/b>/);
  // The description is an attribute: the block's text (what selections are mapped on) is unchanged.
  expect(await page.locator('article [data-block-text]').nth(2).textContent()).toBe(text);
});

test('printing an article prints it with its highlights and notes, without the app around it', async ({ page }, info) => {
  await openSample(page);
  await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
  await writeNote(page, 'فلاديمير بوتين', 'ملاحظة للطباعة\nبسطرين');
  await page.locator('[data-action="toggle-notes"]').click();
  await expect(page.locator('[data-print-notes]')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.topbar', '.reader-panel', '.entity-legend-bar', 'article a[data-action="link-block"]']) {
    await expect(page.locator(hidden).first()).toBeHidden();
  }
  await expect(page.locator('[data-print-notes]')).toBeVisible();
  await expect(page.locator('[data-print-notes] li')).toHaveCount(1);
  await expect(page.locator('[data-print-notes]')).toContainText('ملاحظة للطباعة');
  const bg = await page.locator('article mark.highlight').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  // The notes come after the article.
  const order = await page.evaluate(() => {
    const article = document.querySelector('article[data-article-id]')!.getBoundingClientRect();
    const notes = document.querySelector('[data-print-notes]')!.getBoundingClientRect();
    return notes.top >= article.bottom - 1;
  });
  expect(order).toBe(true);
  await page.emulateMedia({ media: null });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  const file = info.outputPath('article.pdf');
  writeFileSync(file, pdf);
  expect(pdf.length).toBeGreaterThan(10_000);
  if (existsSync('/usr/bin/pdftoppm')) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, '/tmp/print-q']);
  }
});

const WIDTHS = [
  { width: 320, height: 640 },
  { width: 1920, height: 1080 },
] as const;

for (const viewport of WIDTHS) {
  test(`no horizontal scrolling at ${viewport.width}px: library, reader with panels, notebook`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(viewport);
    const noScroll = async (what: string) => {
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(scroll, `${what}: scrollWidth ${scroll} > ${inner}`).toBeLessThanOrEqual(inner);
    };
    /** Every top-bar control is inside the viewport and not covered. */
    const topBarReachable = async (what: string) => {
      const bad = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.topbar a, .topbar button')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const r = el.getBoundingClientRect();
            const x = Math.min(Math.max(r.left + r.width / 2, 0), window.innerWidth - 1);
            const y = Math.min(Math.max(r.top + r.height / 2, 0), window.innerHeight - 1);
            const hit = document.elementFromPoint(x, y);
            return r.left < 0 || r.right > window.innerWidth + 0.5 || !(hit && (el === hit || el.contains(hit)));
          })
          .map((el) => el.getAttribute('data-action') ?? el.textContent),
      );
      expect(bad, `${what}: top-bar controls out of reach`).toEqual([]);
    };
    const shot = (name: string) => page.screenshot({ path: `/tmp/q-${viewport.width}-${name}.png` });

    await open(page, '#/');
    await expect(page.locator('[data-library-article]').first()).toBeVisible();
    await noScroll('library');
    await topBarReachable('library');
    await shot('library');

    await openSample(page);
    await expect(page.locator('article mark.entity').first()).toBeVisible({ timeout: 15_000 });
    await writeNote(page, 'فلاديمير بوتين', 'ملاحظة على شاشة صغيرة مع رابط https://example.com/a/very/long/path/that/should/wrap/and/not/scroll');
    await noScroll('reader');
    await topBarReachable('reader');
    await shot('reader');
    await page.locator('[data-action="toggle-notes"]').click();
    await expect(page.locator('[data-notes-panel]')).toBeVisible();
    await noScroll('reader with notes');
    await topBarReachable('reader with notes');
    await shot('notes');
    await page.locator('[data-action="toggle-entities-panel"]').click();
    await expect(page.locator('[data-entities-panel]')).toBeVisible();
    await noScroll('reader with entities');
    await topBarReachable('reader with entities');
    await shot('entities');

    await open(page, '#/notes');
    await expect(page.locator(`[data-notebook-article="${SAMPLE_ID}"]`)).toBeVisible();
    await noScroll('notebook');
    await topBarReachable('notebook');
    await shot('notebook');
  });
}
