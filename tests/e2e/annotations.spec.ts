import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { importPasted as importPastedRaw, open, openSample as openSampleRaw, PASTED_ARTICLE, SAMPLE_ID, selectText as selectFixtureText } from './fixtures';

/**
 * Wait until the article's markup stops changing (other features decorate it after it appears, e.g.
 * entity marks from the tagger): re-rendered text nodes would drop a selection made in between.
 */
async function settle(page: Page): Promise<void> {
  await page.locator('article[data-article-id]').waitFor();
  // The entity tagger reports its progress; its marks re-render the text when it is done.
  await expect(page.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const article = document.querySelector('article[data-article-id]')!;
        let timer = window.setTimeout(done, 600);
        const observer = new MutationObserver(() => {
          window.clearTimeout(timer);
          timer = window.setTimeout(done, 600);
        });
        const limit = window.setTimeout(done, 10_000);
        function done() {
          observer.disconnect();
          window.clearTimeout(limit);
          resolve();
        }
        observer.observe(article, { subtree: true, childList: true, characterData: true });
      }),
  );
}

async function openSample(page: Page): Promise<void> {
  await openSampleRaw(page);
  await settle(page);
}

async function importPasted(page: Page, text: string): Promise<void> {
  await importPastedRaw(page, text);
  await settle(page);
}

const highlights = (page: Page) => page.locator('article mark.highlight[data-annotation-id]');
const toolbar = (page: Page) => page.locator('[data-selection-toolbar]');

/** Select from the first occurrence of `from` to the end of `to` (default: just `from`) in the article's text. */
async function selectText(page: Page, from: string, to?: string): Promise<void> {
  await selectFixtureText(page, from, to);
  await expect(toolbar(page)).toBeVisible();
}

const distinctHighlights = (page: Page) => highlights(page).evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size);

async function highlight(page: Page, from: string, color = 'yellow', to?: string): Promise<string> {
  const before = await highlights(page).evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size);
  await selectText(page, from, to);
  await toolbar(page).locator(`[data-action="highlight"][data-color="${color}"]`).click();
  await expect
    .poll(() => highlights(page).evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-annotation-id'))).size))
    .toBe(before + 1);
  return (await page.locator(`article mark.highlight--${color}`).last().getAttribute('data-annotation-id'))!;
}

async function writeNote(page: Page, from: string, note: string, tags = ''): Promise<void> {
  await selectText(page, from);
  await toolbar(page).locator('[data-action="note"]').click();
  const editor = page.locator('[data-note-editor]');
  await expect(editor).toBeVisible();
  await editor.locator('textarea').fill(note);
  if (tags) await editor.locator('input[name="tags"]').fill(tags);
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor).toBeHidden();
}

/** Double-click the first occurrence of a word in the article, as a reader would. */
async function dblclickWord(page: Page, word: string): Promise<void> {
  const box = await page.evaluate((needle) => {
    for (const el of document.querySelectorAll('article [data-block-text]')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, word);
  expect(box).not.toBeNull();
  await page.mouse.dblclick(box!.x, box!.y);
}

const openPanel = async (page: Page) => {
  await page.locator('[data-action="toggle-notes"]').click();
  await expect(page.locator('[data-notes-panel]')).toBeVisible();
};

test('highlight and note a passage, reload and find it in the panel and the notebook', async ({ page }) => {
  await openSample(page);
  // A half-selected word is extended to the whole word.
  const words = await page.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent();
  const firstWords = words!.split(' ').slice(0, 3).join(' ');
  await selectText(page, firstWords.slice(1, -1));
  await toolbar(page).locator('[data-action="highlight"][data-color="green"]').click();
  await expect(page.locator('article mark.highlight--green')).toHaveText(firstWords);
  await expect(toolbar(page)).toBeHidden();

  const later = (await page.locator('article [data-block-id]').nth(6).locator('[data-block-text]').textContent())!.split(' ').slice(2, 6).join(' ');
  await writeNote(page, later, 'سطر أول\nسطر ثانٍ', 'اقتصاد، #طاقة');

  await page.reload();
  await settle(page);
  await expect.poll(() => distinctHighlights(page)).toBe(2);
  await openPanel(page);
  const cards = page.locator('[data-notes-panel] [data-notes-list] [data-note-id]');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText(firstWords);
  await expect(cards.nth(1).locator('[data-note-text]')).toHaveText('سطر أول\nسطر ثانٍ');
  await expect(cards.nth(1).locator('.tag')).toHaveText(['#اقتصاد', '#طاقة']);
  await expect(page.locator('[data-action="toggle-notes"]')).toHaveAttribute('data-count', '2');

  // Search ignores diacritics and hamza forms; tag filter.
  await page.locator('[data-notes-search]').fill('ثان');
  await expect(cards).toHaveCount(1);
  await page.locator('[data-notes-search]').fill('');
  await page.locator('[data-filter-tag="طاقة"]').click();
  await expect(cards).toHaveCount(1);
  await page.locator('[data-filter-tag="طاقة"]').click();

  // Choosing a note scrolls to its highlight.
  await page.evaluate(() => window.scrollTo(0, 0));
  await cards.nth(1).locator('[data-action="go-to-note"]').click();
  const id = await cards.nth(1).getAttribute('data-note-id');
  await expect(page.locator(`mark[data-annotation-id="${id}"]`).first()).toBeInViewport();

  await open(page, '#/notes');
  await expect(page.locator(`[data-notebook-article="${SAMPLE_ID}"] [data-note-id]`)).toHaveCount(2);
  await page.locator(`[data-notebook-article="${SAMPLE_ID}"] [data-action="open-note"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`#/a/${SAMPLE_ID}/`));
  await expect(highlights(page).first()).toBeVisible();
});

test('keyboard: shift+arrows select, h highlights, Tab reaches the toolbar, Escape leaves it', async ({ page }) => {
  await openSample(page);
  const para = page.locator('article p[data-block-kind="paragraph"]').nth(1);
  const words = (await para.locator('[data-block-text]').textContent())!.split(' ');
  await dblclickWord(page, words[3]!);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar(page).locator('button').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toBeHidden();
  await dblclickWord(page, words[6]!);
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(() => distinctHighlights(page)).toBe(1);
  await expect(page.locator('article mark.highlight--yellow').first()).toBeVisible();
});

test('a selection across paragraphs is one highlight in several pieces; delete with undo', async ({ page }) => {
  await openSample(page);
  const a = (await page.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent())!;
  const b = (await page.locator('article [data-block-id]').nth(4).locator('[data-block-text]').textContent())!;
  const id = await highlight(page, a.split(' ').slice(-2).join(' '), 'blue', b.split(' ').slice(0, 2).join(' '));
  const blocksOf = () => page.locator(`mark[data-annotation-id="${id}"]`).evaluateAll((els) => new Set(els.map((e) => e.closest('[data-block-id]')!.id)).size);
  await expect.poll(blocksOf).toBe(2);
  await openPanel(page);
  await page.locator(`[data-note-id="${id}"] [data-action="delete-note"]`).click();
  await expect(highlights(page)).toHaveCount(0);
  await page.locator('[data-action="undo-delete"]').click();
  await expect.poll(blocksOf).toBe(2);
});

test('re-importing an edited article: untouched notes re-anchor, the broken one is an orphan', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toContainText('مهرجان للكتاب');
  await highlight(page, 'بمشاركة ناشرين من عشرين دولة');
  await writeNote(page, 'عدد الزوار تجاوز خمسين ألفًا', 'رقم مهم');
  await highlight(page, 'دور النشر الأردنية والمصرية', 'pink');

  const edited = PASTED_ARTICLE.replace(
    'قال المدير العام للمعرض سعيد الإدريسي إن عدد الزوار تجاوز خمسين ألفًا في اليوم الأول.',
    'أعلنت إدارة المعرض أرقامًا أولية عن الحضور دون تفاصيل.',
  ).replace('افتتحت وزارة الثقافة', 'وافتتحت وزارة الثقافة');
  await importPasted(page, edited);
  await expect(page.locator('article')).toContainText('أرقامًا أولية');
  await expect(highlights(page)).toHaveCount(0);
  await page.locator('[data-action="adopt-notes"]').click();
  await expect.poll(() => distinctHighlights(page)).toBe(2);
  await openPanel(page);
  await expect(page.locator('[data-notes-list] > li')).toHaveCount(2);
  const orphans = page.locator('[data-notes-orphans] [data-note-id]');
  await expect(orphans).toHaveCount(1);
  await expect(orphans).toContainText('عدد الزوار تجاوز خمسين ألفًا');
  await expect(orphans).toContainText('رقم مهم');
  await expect(page.locator('[data-earlier-versions]')).toHaveCount(0);
});

test('two tabs: a note written in one appears in the other; concurrent notes are both kept', async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await openSample(one);
  await openSample(two);
  const text = (i: number) => one.locator('article [data-block-id]').nth(i).locator('[data-block-text]').textContent();
  const a = (await text(3))!.split(' ').slice(0, 2).join(' ');
  const b = (await text(5))!.split(' ').slice(0, 2).join(' ');
  await highlight(one, a);
  await expect.poll(() => distinctHighlights(two)).toBe(1);
  await highlight(two, b, 'green');
  await expect.poll(() => distinctHighlights(one)).toBe(2);
  await one.reload();
  await settle(one);
  await expect.poll(() => distinctHighlights(one)).toBe(2);
});

test('export JSON-LD and Markdown, then import into a fresh profile', async ({ page, browser }) => {
  await openSample(page);
  const text = (await page.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent())!;
  await highlight(page, text.split(' ').slice(0, 3).join(' '));
  await writeNote(page, text.split(' ').slice(5, 7).join(' '), 'ملاحظة للتصدير');
  await openPanel(page);
  const [md] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-markdown"]').click()]);
  const markdown = await readFile((await md.path())!, 'utf8');
  expect(markdown).toMatch(/^# /);
  expect(markdown).toContain('ملاحظة للتصدير');
  expect(markdown).toContain(`#/a/${SAMPLE_ID}/`);
  const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-json"]').click()]);
  const path = (await json.path())!;
  const parsed = JSON.parse(await readFile(path, 'utf8'));
  expect(parsed.type).toBe('AnnotationCollection');
  expect(parsed.items).toHaveLength(2);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openSample(other);
  await expect(highlights(other)).toHaveCount(0);
  await openPanel(other);
  await other.locator('[data-action="import-notes"]').setInputFiles({ name: 'notes.jsonld', mimeType: 'application/json', buffer: await readFile(path) });
  await expect(other.locator('[data-import-report]')).toBeVisible();
  await expect(highlights(other)).not.toHaveCount(0);
  await expect(other.locator('[data-notes-list] [data-note-id]')).toHaveCount(2);
  // Importing again does not double them.
  await other.locator('[data-action="import-notes"]').setInputFiles({ name: 'notes.jsonld', mimeType: 'application/json', buffer: await readFile(path) });
  await expect(other.locator('[data-notes-list] [data-note-id]')).toHaveCount(2);
  await fresh.close();
});

test('notes from Hypothesis on the news site’s own page are offered the sample they quote', async ({ page }) => {
  await openSample(page);
  await openPanel(page);
  // Hypothesis's export of notes made on the newspaper's page: that address is in no article of the library.
  const rows = [
    { id: 'hyp-1', uri: 'https://www.alaraby.co.uk/politics/putin-raisi', created: '2024-09-19T10:00:00Z', text: 'أول اتصال منذ أشهر', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا' }] }] },
    { id: 'hyp-2', uri: 'https://www.alaraby.co.uk/politics/putin-raisi', created: '2024-09-19T10:01:00Z', target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'حليفًا أساسيًا لموسكو في الهجوم على أوكرانيا' }] }] },
  ];
  await page.locator('[data-action="import-notes"]').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ rows })) });
  const report = page.locator('[data-import-report]');
  await expect(report.locator('[data-fits-reading="2"]')).toBeVisible();
  await expect(highlights(page)).toHaveCount(0);
  await report.locator('[data-action="import-notes-onto-reading"]').click();
  await expect(page.locator('[data-notes-list] [data-note-id]')).toHaveCount(2);
  await expect(page.locator('article [data-annotation-id="ext-hyp-1"]').first()).toBeVisible();
  await expect(page.locator('article [data-annotation-id="ext-hyp-2"]').first()).toBeVisible();
  await expect(page.locator('[data-notes-list]')).toContainText('أول اتصال منذ أشهر');
});

test('a note with HTML and script is shown as text; only http(s) links are live', async ({ page }) => {
  await openSample(page);
  const text = (await page.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent())!;
  const note = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> <b>bold</b> javascript:alert(1) https://example.org/a?b=1';
  await writeNote(page, text.split(' ').slice(0, 2).join(' '), note);
  await openPanel(page);
  const shown = page.locator('[data-notes-panel] [data-note-text]');
  await expect(shown).toHaveText(note);
  await expect(shown.locator('img, script, b')).toHaveCount(0);
  const links = shown.locator('a');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.org/a?b=1');
  await expect(links).toHaveAttribute('target', '_blank');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a full store: the message shows and the note stays in its editor', async ({ page }) => {
  await openSample(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('hashiya:notes:')) throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const text = (await page.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent())!;
  await selectText(page, text.split(' ').slice(0, 2).join(' '));
  await toolbar(page).locator('[data-action="note"]').click();
  const editor = page.locator('[data-note-editor]');
  await editor.locator('textarea').fill('لا تضيعي');
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor.locator('[data-note-error]')).toBeVisible();
  await expect(editor.locator('textarea')).toHaveValue('لا تضيعي');
});

test.describe('narrow touch screen', () => {
  test.use({ viewport: { width: 375, height: 700 }, hasTouch: true });
  test('the toolbar stays inside the viewport and the panel is a sheet', async ({ page }) => {
    await openSample(page);
    const para = page.locator('article p[data-block-kind="paragraph"]').nth(2);
    await para.scrollIntoViewIfNeeded();
    await selectText(page, (await para.locator('[data-block-text]').textContent())!.split(' ').slice(0, 6).join(' '));
    await expect(toolbar(page)).toBeInViewport({ ratio: 1 });
    await toolbar(page).locator('[data-action="highlight"][data-color="pink"]').click();
    await expect.poll(() => distinctHighlights(page)).toBe(1);
    await openPanel(page);
    await expect(page.locator('[data-panel="notes"]')).toBeInViewport();
  });
});

test('corrupt notes: the app starts, keeps a backup, loads the valid ones and says so', async ({ page }) => {
  await openSample(page);
  const text = (await page.locator('article p[data-block-kind="paragraph"]').nth(2).locator('[data-block-text]').textContent())!;
  const id = await highlight(page, text.split(' ').slice(0, 2).join(' '));
  const key = `hashiya:notes:${SAMPLE_ID}`;
  await page.evaluate(
    ([k, good]) => {
      const stored = JSON.parse(localStorage.getItem(k)!);
      stored.data['bad-one'] = { id: 'bad-one', note: 42 };
      localStorage.setItem(k, JSON.stringify(stored));
      localStorage.setItem('hashiya:notes:other-article', '{not json');
      return good;
    },
    [key, id] as const,
  );
  await page.reload();
  await settle(page);
  await expect(page.locator('[data-storage-problem]')).toBeVisible();
  await expect(page.locator(`mark[data-annotation-id="${id}"]`).first()).toBeVisible();
  const backups = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hashiya:backup:')));
  expect((await backups()).some((k) => k.includes(`notes:${SAMPLE_ID}`))).toBe(true);
  // The notebook reads every article's notes: the unreadable one is backed up, never overwritten.
  await open(page, '#/notes');
  await expect(page.locator('[data-notebook-count="1"]')).toBeVisible();
  await expect(page.locator('[data-storage-problem]')).toBeVisible();
  expect((await backups()).some((k) => k.includes('notes:other-article'))).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('hashiya:notes:other-article'))).toBe('{not json');
});

test('screenshots: Arabic and English, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await openSample(page);
  const text = (i: number) => page.locator('article p[data-block-kind="paragraph"]').nth(i).locator('[data-block-text]').textContent();
  await highlight(page, (await text(3))!.split(' ').slice(0, 4).join(' '), 'yellow');
  await highlight(page, (await text(3))!.split(' ').slice(6, 9).join(' '), 'green');
  await writeNote(page, (await text(4))!.split(' ').slice(1, 4).join(' '), 'ملاحظة قصيرة\nمع سطر ثانٍ https://example.org', 'سياسة');
  await highlight(page, (await text(5))!.split(' ').slice(0, 3).join(' '), 'blue');
  await highlight(page, (await text(5))!.split(' ').slice(4, 7).join(' '), 'pink');
  await highlight(page, (await text(6))!.split(' ').slice(0, 3).join(' '), 'purple');
  await openPanel(page);
  await selectText(page, (await text(7))!.split(' ').slice(1, 3).join(' '));
  for (const theme of ['light', 'dark', 'sepia'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.screenshot({ path: `/tmp/notes-ar-${theme}.png` });
  }
  await page.evaluate(() => localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { uiLanguage: 'en', theme: 'dark' } })));
  await page.reload();
  await settle(page);
  await openPanel(page);
  await selectText(page, (await text(7))!.split(' ').slice(1, 3).join(' '));
  await page.screenshot({ path: '/tmp/notes-en-dark.png' });
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await page.screenshot({ path: '/tmp/notes-en-light.png' });
  await open(page, '#/notes');
  await page.screenshot({ path: '/tmp/notebook-en.png', fullPage: true });
});

for (const theme of ['light', 'sepia', 'dark'] as const) {
  test(`accessibility with highlights, toolbar, editor, panel and notebook: ${theme}`, async ({ page }) => {
    // Six highlights and four axe scans: about 20 s on a loaded 2-core machine.
    test.setTimeout(60_000);
    await page.addInitScript((t) => {
      if (!localStorage.getItem('hashiya:settings')) localStorage.setItem('hashiya:settings', JSON.stringify({ v: 1, data: { theme: t, textSizeIndex: 2, lineSpacing: 'normal', uiLanguage: 'ar' } }));
    }, theme);
    const axe = async (what: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      expect(summary, what).toEqual([]);
    };
    await openSample(page);
    const text = (i: number) => page.locator('article p[data-block-kind="paragraph"]').nth(i).locator('[data-block-text]').textContent();
    let i = 0;
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) await highlight(page, (await text(i++))!.split(' ').slice(1, 5).join(' '), color);
    await writeNote(page, (await text(6))!.split(' ').slice(0, 3).join(' '), 'ملاحظة https://example.org', 'وسم');
    await selectText(page, (await text(7))!.split(' ').slice(0, 3).join(' '));
    await axe('reader with highlights and the toolbar');
    await toolbar(page).locator('[data-action="note"]').click();
    await expect(page.locator('[data-note-editor]')).toBeVisible();
    await axe('note editor');
    await page.keyboard.press('Escape');
    await openPanel(page);
    await axe('notes panel');
    await open(page, '#/notes');
    await expect(page.locator('[data-note-id]').first()).toBeVisible();
    await axe('notebook');
  });
}

test('a selection made before the entity marks arrive survives their arrival', async ({ page }) => {
  // Hold the tagger's model back so the marks arrive after the reader has selected.
  await page.route('**/*.bin', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await openSampleRaw(page);
  await expect(page.locator('article [data-entity-type]')).toHaveCount(0);
  await selectFixtureText(page, 'وسط تقارب إضافي في العلاقات');
  await expect(toolbar(page)).toBeVisible();
  await expect(page.locator('article [data-entity-type]').first()).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('وسط تقارب إضافي في العلاقات');
  await expect(toolbar(page)).toBeVisible();
});
