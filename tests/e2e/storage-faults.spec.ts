import { expect, test } from '@playwright/test';
import { importPasted, open, openSample, PASTED_ARTICLE } from './fixtures';

test('corrupt JSON under our keys: the app starts, keeps a backup, loads the rest and says so', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('hashiya:settings', '{"v":1,"data":{"theme":'));
  await page.reload();
  await open(page, '#/');
  await expect(page.locator('[data-storage-problem]')).toBeVisible();
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(1);
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hashiya:backup:')).map((k) => localStorage.getItem(k)));
  expect(backups).toContain('{"v":1,"data":{"theme":');
});

test('one invalid imported article does not hide the valid ones', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  // Imported articles live in IndexedDB: write an invalid record (and its summary) beside the valid one.
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('hashiya');
        request.onerror = () => fail(request.error);
        request.onsuccess = () => {
          const tx = request.result.transaction(['articles', 'summaries'], 'readwrite');
          const evil = { id: 'imp-evil', title: '<img src=x onerror=alert(1)>' };
          tx.objectStore('articles').put({ v: 1, data: { article: evil, importedAt: 'yesterday', origin: 'import' } }, 'imp-evil');
          tx.objectStore('summaries').put({ v: 1, data: evil }, 'imp-evil');
          tx.oncomplete = () => (request.result.close(), done());
          tx.onerror = () => fail(tx.error);
        };
      }),
  );
  await open(page, '#/');
  await page.reload();
  await expect(page.locator('[data-storage-problem]')).toBeVisible();
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(1);
  await expect(page.locator('[data-library="imported"]')).toContainText('مهرجان للكتاب');
});

test('a value from a future schema version is kept untouched and reported', async ({ page }) => {
  await open(page, '#/');
  const future = JSON.stringify({ v: 42, data: { theme: 'hologram' } });
  await page.evaluate((value) => localStorage.setItem('hashiya:settings', value), future);
  await page.reload();
  await expect(page.locator('[data-storage-problem]')).toContainText('42');
  const kept = await page.evaluate(() => Object.values(localStorage));
  expect(kept).toContain(future);
});

test('localStorage that throws on every access: the app still works and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  });
  await openSample(page);
  await expect(page.locator('[data-storage-problem]')).toBeVisible();
  await expect(page.locator('article h2').first()).toBeVisible();
});

test('a full store during an import: a clear message, the text stays, nothing saved is lost', async ({ page }) => {
  await importPasted(page, PASTED_ARTICLE);
  await expect(page.locator('article h1')).toBeVisible();
  await page.evaluate(() => {
    // IndexedDB, where imported articles live, refuses every new record as a full disk would.
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await open(page, '#/');
  await page.locator('[data-action="open-import"]').click();
  const second = 'عنوان مقال ثان لن يتسع له التخزين\n\nفقرة المقال الثاني بنص كافٍ للاستيراد.';
  await page.locator('dialog textarea').fill(second);
  await page.locator('[data-action="import-submit"]').click();
  await page.locator('[data-action="save-import"]').click();
  await expect(page.locator('[data-import-error]')).toContainText('ممتلئة');
  await expect(page.locator('dialog textarea')).toHaveValue(second);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-library="imported"] [data-library-article]')).toHaveCount(1);
});
