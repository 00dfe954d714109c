import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { importPasted, open, openSample, PASTED_ARTICLE, SAMPLE_ID, selectionToolbar, selectText as selectFixtureText } from './fixtures';

const toolbar = selectionToolbar;

/** Select `text` and wait for the selection toolbar. */
async function selectText(page: Page, text: string): Promise<void> {
  await selectFixtureText(page, text);
  await expect(toolbar(page)).toBeVisible({ timeout: 2_000 });
}
const passageMarks = (page: Page) => page.locator('article mark[data-shared-passage]');

/**
 * The shared passage as the reader sees it: its marks stand around whole words (never cutting one),
 * the exact passage inside them is painted as ranges. Returns the painted text, after checking the
 * marks hold it.
 */
async function paintedPassage(page: Page): Promise<string> {
  const marked = (await passageMarks(page).allTextContents()).join('');
  // The app paints static ranges (read here through live copies); inside a name no range is
  // painted, the passage's element there paints itself. In document order, they make the passage.
  const painted = await page.evaluate(() => {
    const pieces: Range[] = [];
    for (const r of CSS.highlights.get('hashiya-shared') ?? []) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      pieces.push(range);
    }
    for (const element of document.querySelectorAll('article mark.entity mark[data-shared-passage]')) {
      const range = document.createRange();
      range.selectNodeContents(element);
      pieces.push(range);
    }
    return pieces
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString())
      .join('');
  });
  expect(marked).toContain(painted);
  return painted;
}
const SHOTS = process.env.SHARE_SHOTS;


/** Select and press Share; retried, since the entity tagger re-rendering the text clears a selection made before it finished. */
async function selectAndShare(page: Page, text: string): Promise<void> {
  await expect(async () => {
    // A slow machine: the dialog may have opened just after the previous attempt gave up waiting.
    if (await page.locator('dialog[data-dialog="share"]').isVisible()) return;
    await selectText(page, text);
    await toolbar(page).locator('[data-action="share"]').click({ timeout: 2_000 });
    await expect(page.locator('dialog[data-dialog="share"]')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** Select, press Share, and return the link from `[data-share-link]`. */
async function sharePassage(page: Page, text: string, note?: string): Promise<string> {
  await selectAndShare(page, text);
  const panel = page.locator('dialog[data-dialog="share"]');
  if (note !== undefined) {
    await panel.locator('input[data-share-include-note]').check();
    await panel.locator('textarea[data-share-note]').fill(note);
  }
  const link = panel.locator('a[data-share-link]');
  await expect(link).toBeVisible();
  return (await link.getAttribute('href'))!;
}

/** A new browser context: nothing stored, as on a colleague's machine. */
async function fresh(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
  return context.newPage();
}

const QUOTE = 'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا';

test('a shared passage opens highlighted in a fresh browser; the link reaches the clipboard only on Copy', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  const href = await sharePassage(page, QUOTE);
  expect(href).toMatch(new RegExp(`#/a/${SAMPLE_ID}/[a-z][a-z0-9-]*\\?q=.+&v=2$`));
  await expect(page.locator('[data-share-preview]')).toContainText(QUOTE);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  await page.locator('dialog[data-dialog="share"] [data-action="copy-share-link"]').click();
  await expect(page.locator('[data-toast]').first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(href);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/share-panel-ar.png` });

  const other = await fresh(browser);
  await other.goto(href);
  await expect(passageMarks(other).first()).toBeVisible();
  expect(await paintedPassage(other)).toBe(QUOTE);
  await expect(passageMarks(other).first()).toBeInViewport();
  await expect(other.locator('[data-shared-notice="found"]')).toBeVisible();
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('annotations')))).toEqual([]);
  await other.context().close();
});

test("the sharer's note travels read-only and is saved only when kept", async ({ page, browser }) => {
  await openSample(page);
  const note = 'انظر هذا: مهم جدًا 👀 <b>not bold</b>';
  const href = await sharePassage(page, QUOTE, note);
  expect(href).toContain('&n=');

  const other = await fresh(browser);
  await other.goto(href);
  const card = other.locator('[data-shared-note]');
  await expect(card).toBeVisible();
  await expect(card).toContainText(note);
  await expect(card.locator('b')).toHaveCount(0);
  if (SHOTS) await other.screenshot({ path: `${SHOTS}/received-note-ar.png` });
  const notesBefore = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('annotations')).length);
  expect(notesBefore).toBe(0);
  await card.locator('[data-action="keep-shared-note"]').click();
  await expect(other.locator('[data-shared-note-kept]')).toBeVisible();
  await expect(other.locator('article mark.highlight[data-annotation-id]').first()).toBeVisible();
  await other.context().close();
});

test('an imported article is shared with the article inside the link and opens read-only, then can be added', async ({ page, browser }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  const quote = 'عدد الزوار تجاوز خمسين ألفًا';
  const href = await sharePassage(page, quote, 'رقم لافت');
  await expect(page.locator('input[data-share-with-article]')).toBeChecked();
  await expect(page.locator('dialog[data-dialog="share"]')).toContainText(/32,?000|٣٢٬?٠٠٠/);
  expect(href).toMatch(/#\/s\?v=1&d=[A-Za-z0-9_-]+$/);

  const other = await fresh(browser);
  await other.goto(href);
  await expect(other.locator('[data-shared-article]')).toBeVisible();
  await expect(other.locator('article h1')).toContainText('مهرجان للكتاب');
  expect(await paintedPassage(other)).toBe(quote);
  await expect(other.locator('[data-shared-note]')).toContainText('رقم لافت');
  await expect(other.locator('[data-action="keep-shared-note"]')).toHaveCount(0);
  if (SHOTS) await other.screenshot({ path: `${SHOTS}/shared-article-ar.png` });

  await other.locator('[data-action="add-to-library"]').click();
  await expect(other).toHaveURL(/#\/a\/[^/]+\/[a-z][a-z0-9-]*\?q=/);
  await expect(other.locator('[data-shared-article]')).toHaveCount(0);
  await expect(passageMarks(other).first()).toBeVisible();
  expect(await paintedPassage(other)).toBe(quote);
  await other.goto('./#/');
  await expect(other.locator('main')).toContainText('مهرجان للكتاب');
  await other.context().close();

  // A plain passage link to the import is useless elsewhere, and says how to get a working one.
  const plain = page.url().replace(/#.*$/, '') + page.url().slice(page.url().indexOf('#')).split('?')[0] + '?q=x&v=1';
  const third = await fresh(browser);
  await third.goto(plain);
  await expect(third.locator('[data-unknown-article] [data-shared-article-missing]')).toBeVisible();
  await third.context().close();
});

test('a link to a changed article finds an edited passage, and says so when the passage is gone', async ({ page }) => {
  await openSample(page);
  const block = page.locator('article [data-block-id]').filter({ hasText: 'فلاديمير بوتين' }).first();
  const blockId = (await block.getAttribute('data-block-id'))!;
  // The sharer's copy spelt two words differently: the passage is found fuzzily, by its context.
  const text = (await block.locator('[data-block-text]').textContent())!;
  const at = text.indexOf(QUOTE);
  const context = { p: text.slice(Math.max(0, at - 32), at), s: text.slice(at + QUOTE.length, at + QUOTE.length + 32) };
  const edited = new URLSearchParams({ q: 'أجرى الرئيس الروسى فلاديمير بوتن اتصالًا هاتفيًا', ...context, v: '1' });
  await open(page, `#/a/${SAMPLE_ID}/${blockId}?${edited}`);
  await expect(passageMarks(page).first()).toBeVisible();
  expect((await passageMarks(page).allTextContents()).join('')).toContain('فلاديمير بوتين');

  const gone = new URLSearchParams({ q: 'هذه جملة حذفت من المقال بعد أن شاركها أحدهم', v: '1' });
  await open(page, `#/a/${SAMPLE_ID}/${blockId}?${gone}`);
  await expect(page.locator('[data-passage-changed]')).toBeVisible();
  await expect(page.locator('[data-shared-quote]')).toHaveText('هذه جملة حذفت من المقال بعد أن شاركها أحدهم');
  await expect(page.locator(`[data-block-id="${blockId}"]`)).toBeInViewport();
  await expect(passageMarks(page)).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/changed-ar.png` });
});

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const selfContained = (value: unknown) => `#/s?v=1&d=${b64url(deflateSync(Buffer.from(JSON.stringify(value))))}`;

test('malformed, truncated, wrong-version, oversized and hostile links give a clear message and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const problem = page.locator('[data-link-problem]');

  await open(page, '#/s?v=1&d=@@@not-base64@@@');
  await expect(problem).toHaveAttribute('data-link-problem', 'malformed');

  const article = {
    id: 'hostile-1',
    title: '<script>alert(1)</script>',
    lang: 'ar',
    dir: 'rtl',
    blocks: [
      { id: 'h-title', kind: 'title', text: '<script>alert(1)</script>' },
      { id: 'p-one', kind: 'paragraph', text: 'فقرة <img src=x onerror="alert(2)"> فيها نص.' },
    ],
  };
  const good = selfContained({ v: 1, a: article, p: { b: 'p-one', q: '<img src=x onerror="alert(2)">', p: 'فقرة ', s: ' فيها نص.', n: '<script>alert(3)</script>' } });
  await open(page, good);
  await expect(page.locator('article h1')).toHaveText('<script>alert(1)</script>');
  await expect(passageMarks(page).first()).toHaveText('<img src=x onerror="alert(2)">');
  await expect(page.locator('article img, article script, [data-shared-note] script')).toHaveCount(0);

  await open(page, good.slice(0, good.length - 20));
  await expect(problem).toHaveAttribute('data-link-problem', /damaged|malformed/);
  await open(page, good.replace('v=1', 'v=9'));
  await expect(problem).toHaveAttribute('data-link-problem', 'version');
  await open(page, selfContained({ v: 2, a: article }));
  await expect(problem).toHaveAttribute('data-link-problem', 'version');
  await open(page, selfContained({ v: 1, a: { ...article, blocks: [] } }));
  await expect(problem).toHaveAttribute('data-link-problem', 'invalid-article');
  // A zip bomb that fits the link limit: 20 MB of JSON from under 32,000 characters.
  const bomb = `#/s?v=1&d=${b64url(deflateSync(Buffer.from(`{"v":1,"a":"${' '.repeat(20 * 1024 * 1024)}"}`), { level: 9 }))}`;
  expect(bomb.length).toBeLessThan(32_000);
  await open(page, bomb);
  await expect(problem).toHaveAttribute('data-link-problem', 'too-large-inflated');
  // Longer than any link the app makes.
  await open(page, `#/s?v=1&d=${'A'.repeat(40_000)}`);
  await expect(problem).toHaveAttribute('data-link-problem', 'too-large');
  // A passage link with a wrong version.
  await open(page, `#/a/${SAMPLE_ID}?q=x&v=7`);
  await expect(problem).toHaveAttribute('data-link-problem', 'version');
  await expect(page.locator('article h1')).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('an article too large for a link offers a file export', async ({ page }) => {
  let seed = 11;
  const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const word = () => Array.from({ length: 6 }, () => String.fromCharCode(0x628 + Math.floor(next() * 30))).join('');
  const paragraphs = Array.from({ length: 80 }, () => `${Array.from({ length: 90 }, word).join(' ')}.`);
  await importPasted(page, `مقال طويل جدا للاختبار\n\n${paragraphs.join('\n\n')}`);
  await expect(page.locator('article h1')).toBeVisible();
  await selectAndShare(page, 'مقال طويل جدا');
  const tooLarge = page.locator('[data-share-too-large]');
  await expect(tooLarge).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/too-large-panel-ar.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), tooLarge.locator('[data-action="export-txt"]').click()]);
  expect(download.suggestedFilename()).toMatch(/\.txt$/);
  // Without the article, a plain passage link is still available.
  await page.locator('input[data-share-with-article]').uncheck();
  await expect(page.locator('a[data-share-link]')).toHaveAttribute('href', /#\/a\//);
});

test('the share panel in the English interface', async ({ page }) => {
  await openSample(page);
  await page.locator('[data-action="settings"]').click();
  await page.locator('[data-language="en"]').check({ force: true });
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.keyboard.press('Escape');
  const href = await sharePassage(page, QUOTE, 'A note for you');
  await expect(page.locator('dialog[data-dialog="share"]')).toContainText('Share passage');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/share-panel-en.png` });
  await page.locator('dialog[data-dialog="share"] [data-action="copy-share-link"]').click();
  await page.goto(`./${href.slice(href.indexOf('#'))}`);
  await expect(page.locator('[data-shared-note]')).toContainText('Note from the person who shared this');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/received-note-en.png` });
});

test('an existing highlight is shared from the notes panel: the passage alone by default, its note when chosen', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSample(page);
  await expect(async () => {
    await selectText(page, QUOTE);
    await toolbar(page).locator('[data-action="note"]').click({ timeout: 2_000 });
    await expect(page.locator('[data-note-editor]')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const editor = page.locator('[data-note-editor]');
  await editor.locator('textarea').fill('ملاحظتي على الاتصال');
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor).toBeHidden();
  await page.locator('[data-action="toggle-notes"]').click();
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.locator('[data-notes-panel] [data-note-id] [data-action="share"]').first().click();
  const panel = page.locator('dialog[data-dialog="share"]');
  await expect(panel.locator('a[data-share-link]')).toHaveAttribute('href', /v=2$/);
  expect(await panel.locator('a[data-share-link]').getAttribute('href')).not.toContain('&n=');
  await expect(panel.locator('[data-share-preview-note]')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
  await panel.locator('input[data-share-include-note]').check();
  await expect(panel.locator('textarea[data-share-note]')).toHaveValue('ملاحظتي على الاتصال');
  await expect(panel.locator('[data-share-preview-note]')).toContainText('ملاحظتي على الاتصال');
  await expect(panel.locator('a[data-share-link]')).toHaveAttribute('href', /&n=/);
  const href = (await panel.locator('a[data-share-link]').getAttribute('href'))!;

  const other = await fresh(browser);
  await other.goto(href);
  await expect(passageMarks(other).first()).toBeVisible();
  expect(await paintedPassage(other)).toBe(QUOTE);
  await expect(other.locator('[data-shared-note]')).toContainText('ملاحظتي على الاتصال');
  await other.context().close();
});

test('a passage at the end of a paragraph taller than the window is brought into view', async ({ page, browser }) => {
  const filler = Array.from({ length: 400 }, (_, i) => `كلمة${i}`).join(' ');
  const ending = 'وهذه هي الجملة الأخيرة المهمة في الفقرة الطويلة';
  await importPasted(page, `عنوان مقال بفقرة طويلة\n\nمقدمة قصيرة.\n\n${filler} ${ending}.\n\nخاتمة.`);
  await expect(page.locator('article h1')).toBeVisible();
  const href = await sharePassage(page, ending);
  const context = await browser.newContext({ viewport: { width: 390, height: 640 }, locale: 'ar' });
  const other = await context.newPage();
  await other.goto(href);
  await expect(passageMarks(other).first()).toBeVisible();
  await expect(passageMarks(other).first()).toBeInViewport();
  if (SHOTS) await other.screenshot({ path: `${SHOTS}/long-block-phone-ar.png` });
  await context.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the share panel and a received passage have no accessibility violations (${theme})`, async ({ page, browser }) => {
    const axe = async (p: Page, what: string) => {
      const results = await new AxeBuilder({ page: p }).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      expect(summary, what).toEqual([]);
    };
    const settings = JSON.stringify({ v: 1, data: { theme, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: 'ar' } });
    await page.addInitScript((value) => localStorage.setItem('hashiya:settings', value), settings);
    await importPasted(page, PASTED_ARTICLE);
    await expect(page.locator('article h1')).toBeVisible();
    const href = await sharePassage(page, 'عدد الزوار تجاوز خمسين ألفًا', 'ملاحظة');
    await axe(page, 'share panel');

    const context = await browser.newContext({ locale: 'ar' });
    const other = await context.newPage();
    await other.addInitScript((value) => localStorage.setItem('hashiya:settings', value), settings);
    await other.goto(href);
    await expect(passageMarks(other).first()).toBeVisible();
    await axe(other, 'shared article with a passage and a note');
    await context.close();
  });
}
