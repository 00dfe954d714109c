import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import * as Y from 'yjs';
import { createAnnotation } from '../../src/core/annotations/annotation';
import { NOTES_MAP } from '../../src/core/schema/sync-documents';
import { freePort, spawnSyncServer, startPostgres, type Service, type SyncServerProcess } from '../server/services';
import { importPasted, openSample, PASTED_ARTICLE, selectionToolbar, selectText } from './fixtures';

/**
 * Sync between two devices (two browser contexts) through a real sync server on PostgreSQL, both
 * started by this file on free loopback ports.
 */
test.describe.configure({ mode: 'serial' });

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const PASSWORD = 'correct horse';
const GROUP = 'مكتب الأخبار';
let postgres: Service;
let server: SyncServerProcess | null = null;
let serverUrl = '';
let port = 0;

async function admin(...args: string[]): Promise<void> {
  await run(tsx, ['server/admin.ts', ...args], { env: { ...process.env, DATABASE_URL: postgres.url } });
}

async function startServer(): Promise<void> {
  server = await spawnSyncServer(['--port', String(port)], { ...process.env, DATABASE_URL: postgres.url });
}

async function stopServer(): Promise<void> {
  await server?.stop();
  server = null;
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  postgres = await startPostgres();
  await admin('user', 'add', 'amal', '--password', PASSWORD);
  await admin('user', 'add', 'badr', '--password', PASSWORD);
  await admin('user', 'add', 'carim', '--password', PASSWORD);
  await admin('user', 'add', 'dalia', '--password', PASSWORD);
  await admin('user', 'add', 'farah', '--password', PASSWORD);
  await admin('user', 'add', 'eid', '--password', PASSWORD);
  await admin('group', 'add', GROUP);
  await admin('group', 'member', GROUP, 'amal');
  await admin('group', 'member', GROUP, 'badr');
  port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  await startServer();
});

test.afterAll(async () => {
  await stopServer();
  await postgres?.stop();
});

async function openSyncPanel(page: Page) {
  const dialog = page.locator('dialog[data-dialog="sync"]');
  if (!(await dialog.isVisible())) {
    if (!(await page.locator('[data-action="open-sync"]').isVisible())) await page.locator('[data-action="settings"]').click();
    await page.locator('[data-action="open-sync"]').click();
  }
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeSyncPanel(page: Page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[data-dialog="sync"]')).toHaveCount(0);
}

async function signIn(page: Page, user = 'amal', expected = 'synced'): Promise<void> {
  await page.goto('./#/notes');
  const panel = await openSyncPanel(page);
  await panel.locator('input[name="sync-server"]').fill(serverUrl);
  await panel.locator('input[name="sync-user"]').fill(user);
  await panel.locator('input[name="sync-password"]').fill(PASSWORD);
  await panel.locator('[data-action="sync-sign-in"]').click();
  await expect(panel.locator('[data-sync-status]')).toHaveAttribute('data-sync-status', expected, { timeout: 10_000 });
  await closeSyncPanel(page);
}

async function syncStatusOf(page: Page): Promise<string | null> {
  const panel = await openSyncPanel(page);
  const status = await panel.locator('[data-sync-status]').getAttribute('data-sync-status');
  await closeSyncPanel(page);
  return status;
}

const notebookNotes = (page: Page) => page.locator('[data-notebook-article] [data-note-text]');

async function editFirstNote(page: Page, text: string): Promise<void> {
  await openSample(page);
  await expect(page.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  await page.locator('[data-action="toggle-notes"]').click();
  await page.locator('[data-notes-list] [data-action="edit-note"]').first().click();
  const editor = page.locator('[data-note-editor]');
  await editor.locator('textarea').fill(text);
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor).toBeHidden();
}

let phone: BrowserContext;
let laptop: BrowserContext;
let phonePage: Page;
let laptopPage: Page;

test('a note made on one device appears on the other within 2 s', async ({ browser }) => {
  test.setTimeout(90_000);
  phone = await browser.newContext();
  laptop = await browser.newContext();
  phonePage = await phone.newPage();
  laptopPage = await laptop.newPage();
  await signIn(phonePage);
  await signIn(laptopPage);

  await openSample(phonePage);
  await expect(phonePage.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  const words = (await phonePage.locator('article [data-block-id]').nth(3).locator('[data-block-text]').textContent())!.split(' ').slice(0, 3).join(' ');
  await selectText(phonePage, words);
  await selectionToolbar(phonePage).locator('[data-action="note"]').click();
  const editor = phonePage.locator('[data-note-editor]');
  await editor.locator('textarea').fill('ملاحظة من الهاتف');
  await editor.locator('[data-action="save-note"]').click();
  await expect(editor).toBeHidden();

  // The laptop shows its notebook: the note arrives without a reload.
  await expect(notebookNotes(laptopPage)).toHaveText(['ملاحظة من الهاتف'], { timeout: 2_000 });
});

test('an article imported on one device appears in the other one’s library, and its deletion follows', async () => {
  test.setTimeout(90_000);
  await importPasted(phonePage, PASTED_ARTICLE);
  await expect(phonePage.locator('article h1')).toContainText('مهرجان للكتاب');
  const card = (page: Page) => page.locator('[data-library-article]').filter({ hasText: 'مهرجان للكتاب' });
  await laptopPage.goto('./#/');
  await expect(card(laptopPage)).toHaveCount(1, { timeout: 5_000 });
  // The article itself came over, not only its card: it opens and reads on the laptop.
  await card(laptopPage).locator('a').first().click();
  await expect(laptopPage.locator('article h1')).toContainText('مهرجان للكتاب');
  // Only the imported article came over: the bundled sample (opened on the phone before) is never sent.
  const storedIds = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const request = indexedDB.open('hashiya');
          request.onerror = () => reject(new Error('cannot open'));
          request.onsuccess = () => {
            const keys = request.result.transaction('articles').objectStore('articles').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
          };
        }),
    );
  expect(await storedIds(laptopPage)).toEqual(await storedIds(phonePage));
  expect(await storedIds(laptopPage)).toHaveLength(1);

  await phonePage.goto('./#/');
  await card(phonePage).locator('[data-action="delete-article"]').click();
  await phonePage.locator('[data-action="confirm-delete"]').click();
  await expect(card(phonePage)).toHaveCount(0);
  await laptopPage.goto('./#/');
  await expect(card(laptopPage)).toHaveCount(0, { timeout: 5_000 });
});

test('an entity correction made "in every article" on one device applies on the other', async () => {
  test.setTimeout(90_000);
  const drones = (page: Page) => page.locator('article mark[data-entity-type="MISC"]', { hasText: 'المسيّرات' });
  await openSample(laptopPage);
  await expect(laptopPage.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(drones(laptopPage)).toHaveCount(0);

  await openSample(phonePage);
  await expect(phonePage.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  await selectText(phonePage, 'المسيّرات');
  await phonePage.locator('[data-action="tag-entity"]').click();
  await phonePage.locator('[data-action="tag-everywhere"]').check();
  await phonePage.locator('[data-action="tag-entity-type"][data-type="MISC"]').click();
  await expect(drones(phonePage).first()).toBeVisible();

  // The laptop, open on the same article, shows the name without a reload.
  await expect(drones(laptopPage).first()).toBeVisible({ timeout: 5_000 });
  const lists = await laptopPage.evaluate(() => localStorage.getItem('hashiya:entity-lists'));
  expect(lists).toContain('المسيّرات');
});

test('the server going away shows offline and loses nothing; edits made offline on both devices are both kept', async () => {
  test.setTimeout(90_000);
  await stopServer();
  await expect.poll(() => syncStatusOf(phonePage), { timeout: 10_000 }).toBe('offline');
  await expect.poll(() => syncStatusOf(laptopPage), { timeout: 10_000 }).toBe('offline');

  await editFirstNote(phonePage, 'نص الهاتف');
  await editFirstNote(laptopPage, 'نص الحاسوب، بعده');
  await phonePage.goto('./#/notes');
  await laptopPage.goto('./#/notes');
  await expect(notebookNotes(phonePage)).toHaveText(['نص الهاتف']);

  await startServer();
  for (const page of [phonePage, laptopPage]) {
    await expect.poll(async () => (await notebookNotes(page).allTextContents()).sort(), { timeout: 20_000 }).toEqual(['نص الحاسوب، بعده', 'نص الهاتف'].sort());
  }
  await expect.poll(() => syncStatusOf(phonePage), { timeout: 10_000 }).toBe('synced');
});

test('signing out wipes the token and keeps the notes', async () => {
  const token = await phonePage.evaluate(() => (JSON.parse(localStorage.getItem('hashiya:sync') ?? 'null') as { data: { session: { token: string } } }).data.session.token);
  expect(token.length).toBeGreaterThan(20);
  const panel = await openSyncPanel(phonePage);
  await panel.locator('[data-action="sync-sign-out"]').click();
  await expect(panel.locator('input[name="sync-password"]')).toBeVisible();
  expect(await phonePage.evaluate(() => localStorage.getItem('hashiya:sync'))).toBeNull();
  expect(await phonePage.evaluate(() => JSON.stringify(localStorage))).not.toContain(token);
  await closeSyncPanel(phonePage);
  await expect(notebookNotes(phonePage)).toHaveCount(2);
  await phone.close();
  await laptop.close();
});

test('a group highlight appears for a member, with its author, and not for a non-member', async ({ browser }) => {
  test.setTimeout(90_000);
  const [amal, badr, carim] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [amalPage, badrPage, carimPage] = await Promise.all([amal.newPage(), badr.newPage(), carim.newPage()]);
  await signIn(amalPage, 'amal');
  await signIn(badrPage, 'badr');
  await signIn(carimPage, 'carim');

  await openSample(amalPage);
  await expect(amalPage.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  const words = (await amalPage.locator('article [data-block-id]').nth(5).locator('[data-block-text]').textContent())!.split(' ').slice(1, 4).join(' ');
  await selectText(amalPage, words);
  await selectionToolbar(amalPage).locator(`[data-action="highlight-in-group"][data-group="${GROUP}"]`).click();

  const shared = badrPage.locator(`[data-notebook-article] [data-note-group="${GROUP}"][data-note-author="amal"]`);
  await expect(shared).toHaveCount(1, { timeout: 5_000 });
  // Another member's note is read-only.
  await expect(badrPage.locator('[data-notebook-article] [data-action="delete-note"]')).toHaveCount(0);
  // In the reader too: highlighted, listed with its author, hidden by the "mine" filter.
  await openSample(badrPage);
  // Marked in the text as someone else's: its own style, the author named in its title and description.
  const others = badrPage.locator('article mark.highlight.highlight--others[data-highlight-author="amal"]');
  await expect(others.first()).toBeVisible();
  await expect(others.first()).toHaveAttribute('title', /amal/);
  await expect(others.first()).toHaveAttribute('aria-description', /amal/);
  await expect(amalPage.locator('article mark.highlight')).not.toHaveCount(0);
  await expect(amalPage.locator('article mark.highlight--others')).toHaveCount(0);
  await badrPage.locator('[data-action="toggle-notes"]').click();
  await expect(badrPage.locator('[data-notes-list] [data-note-author="amal"]')).toHaveCount(1);
  await badrPage.locator('[data-filter-owner="mine"]').check();
  await expect(badrPage.locator('[data-notes-list] [data-note-id]')).toHaveCount(0);
  await badrPage.locator('[data-filter-owner="group"]').check();
  await expect(badrPage.locator('[data-notes-list] [data-note-author="amal"]')).toHaveCount(1);
  await carimPage.waitForTimeout(1_000);
  await expect(carimPage.locator('[data-notebook-article]')).toHaveCount(0);
  await Promise.all([amal.close(), badr.close(), carim.close()]);
});

test('an article shared with a group appears in a member’s library, marked with the group, and the group’s highlights on it anchor there', async ({ browser }) => {
  test.setTimeout(120_000);
  const [amal, badr] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [amalPage, badrPage] = await Promise.all([amal.newPage(), badr.newPage()]);
  await signIn(amalPage, 'amal');
  await signIn(badrPage, 'badr');
  const text = PASTED_ARTICLE.replace('مهرجان للكتاب', 'معرض للكتاب');
  await importPasted(amalPage, text);
  await expect(amalPage.locator('article h1')).toContainText('معرض للكتاب');
  await selectText(amalPage, 'بمشاركة ناشرين');
  await selectionToolbar(amalPage).locator(`[data-action="highlight-in-group"][data-group="${GROUP}"]`).click();
  await amalPage.goto('./#/');
  const card = (page: Page) => page.locator('[data-library-article]').filter({ hasText: 'معرض للكتاب' });
  const share = card(amalPage).locator(`[data-action="share-to-group"][data-group="${GROUP}"]`);
  await share.click();
  await expect(share).toHaveAttribute('aria-pressed', 'true');

  await badrPage.goto('./#/');
  await expect(card(badrPage).locator(`[data-article-group="${GROUP}"][data-shared-by="amal"]`)).toHaveCount(1, { timeout: 10_000 });
  // The group's badge says where it came from; no "imported" badge beside it.
  await expect(card(badrPage).locator('.badge--import')).toHaveCount(0);
  await expect(card(amalPage).locator('.badge--import')).toHaveCount(1);
  // Read-only: none of the owner's actions.
  await expect(card(badrPage).locator('[data-action="delete-article"], [data-action="rename-article"], [data-action="share-to-group"]')).toHaveCount(0);
  await card(badrPage).locator('a').first().click();
  await expect(badrPage.locator('article h1')).toContainText('معرض للكتاب');
  await expect(badrPage.locator('article mark.highlight--others[data-highlight-author="amal"]').first()).toBeVisible({ timeout: 10_000 });

  // Unshared: it leaves the member's library.
  await share.click();
  await expect(share).toHaveAttribute('aria-pressed', 'false');
  await badrPage.goto('./#/');
  await expect(card(badrPage)).toHaveCount(0, { timeout: 10_000 });
  await Promise.all([amal.close(), badr.close()]);
});

test('a corrupt document from the server is refused with a message, and the valid notes still arrive', async ({ browser }) => {
  test.setTimeout(90_000);
  // Written straight into the database, as a broken or hostile server would serve it.
  const doc = new Y.Doc();
  const valid = createAnnotation({
    id: 'valid-note',
    articleId: 'putin-raisi-call',
    note: 'ملاحظة سليمة',
    selectors: { blockId: 'p-x', quote: { type: 'TextQuoteSelector', exact: 'نص', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 2 } },
  });
  doc.getMap(NOTES_MAP).set('valid-note', { annotation: valid, parent: null });
  doc.getMap(NOTES_MAP).set('evil', { annotation: { ...valid, id: 'evil', note: '<img src=x onerror=alert(1)>', color: 'javascript:alert(1)' }, parent: null });
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  await client.query('INSERT INTO sync_documents (name, state) VALUES ($1, $2)', ['user:dalia', Buffer.from(Y.encodeStateAsUpdate(doc))]);
  await client.end();

  const context = await browser.newContext({ locale: 'en' });
  const page = await context.newPage();
  await page.goto('./#/notes');
  await page.locator('[data-action="settings"]').click();
  await page.locator('input[data-language="en"]').check();
  await signIn(page, 'dalia', 'error');
  const panel = await openSyncPanel(page);
  await expect(panel.locator('[data-sync-status]')).toContainText('not valid notes');
  await closeSyncPanel(page);
  await expect(notebookNotes(page)).toHaveText(['ملاحظة سليمة']);
  await expect(page.locator('img')).toHaveCount(0);
  await context.close();
});

/** A new device signed in as `user`, on the sample article with its names found and the first two words of paragraph `block` selected. */
async function selectingOnNewDevice(browser: Browser, user: string, block: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  await openSample(page);
  await expect(page.locator('[data-entities-status="pending"]')).toHaveCount(0, { timeout: 20_000 });
  const words = (await page.locator('article [data-block-id]').nth(block).locator('[data-block-text]').textContent())!.split(' ').slice(0, 2).join(' ');
  await selectText(page, words);
  return { context, page };
}

test('a reader added to a group while signed in gets it at once, without signing in again', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await selectingOnNewDevice(browser, 'farah', 3);
  await expect(selectionToolbar(page).locator('[data-action="highlight"]').first()).toBeVisible();
  await expect(selectionToolbar(page).locator('[data-action="highlight-in-group"]')).toHaveCount(0);

  await admin('group', 'member', GROUP, 'farah');
  // The server tells the signed-in reader at once (a stateless GROUPS_CHANGED); the app asks for its groups
  // then, not at its 20 s poll, and the open toolbar follows.
  await expect(selectionToolbar(page).locator(`[data-action="highlight-in-group"][data-group="${GROUP}"]`)).toHaveCount(1, { timeout: 5_000 });
  await selectionToolbar(page).locator(`[data-action="highlight-in-group"][data-group="${GROUP}"]`).click();
  await page.goto('./#/notes');
  await expect(page.locator(`[data-notebook-article] [data-note-group="${GROUP}"][data-note-author="farah"]`)).toHaveCount(1);
  const panel = await openSyncPanel(page);
  await expect(panel).toContainText(GROUP);
  await expect(panel.locator('[data-sync-status]')).toHaveAttribute('data-sync-status', 'synced', { timeout: 10_000 });
  await context.close();
});

test('a password changed on the server signs the open device out at once, says so in its language, and keeps its notes', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await selectingOnNewDevice(browser, 'eid', 2);
  await selectionToolbar(page).locator('[data-action="highlight"]').first().click();
  await page.goto('./#/notes');
  await expect(page.locator('[data-notebook-article] [data-note-id]')).toHaveCount(1);

  await admin('user', 'passwd', 'eid', '--password', 'a new password');
  const panel = await openSyncPanel(page);
  // The server closes the session's sockets within a second; the panel shows why, translated.
  await expect(panel.locator('[data-sync-status]')).toHaveAttribute('data-sync-reason', 'signedOut', { timeout: 5_000 });
  await expect(panel.locator('[data-sync-status]')).toHaveAttribute('data-sync-status', 'error');
  await expect(panel.locator('[data-sync-status]')).toContainText('سُجِّل خروجك على الخادم');
  await expect(panel.locator('[data-sync-status]')).not.toContainText('signed out on the server');
  // SYNC_SHOTS=dir: the panel as the reader sees it, light and dark, to look at.
  if (process.env.SYNC_SHOTS) {
    await panel.screenshot({ path: `${process.env.SYNC_SHOTS}/signed-out-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: `${process.env.SYNC_SHOTS}/signed-out-dark.png` });
    await page.emulateMedia({ colorScheme: null });
  }
  await closeSyncPanel(page);
  await expect(page.locator('[data-notebook-article] [data-note-id]')).toHaveCount(1);
  await context.close();
});
