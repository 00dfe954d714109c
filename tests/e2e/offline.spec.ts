import { expect, test } from '@playwright/test';
import { open, SAMPLE_ID } from './fixtures';

test('after one visit the app, its fonts, model and bundled articles work with the network off', async ({ page, context }) => {
  await open(page, '#/');
  await expect(page.locator('[data-library-article]').first()).toBeVisible();
  // Wait until the service worker has installed and precached everything.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    return registration.active?.state;
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(`[data-library-article="${SAMPLE_ID}"]`)).toBeVisible();
  await page.locator('[data-library-article="jerash-mosaic"] a').click();
  await expect(page.locator('article h1')).toBeVisible();
  await page.goto(`./#/a/${SAMPLE_ID}`);
  await expect(page.locator('article h2').first()).toBeVisible();
  // Fonts came from the cache too.
  expect(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check('20px "Noto Naskh Arabic"', 'بوتين')))).toBe(true);
  const cachedModel = await page.evaluate(async () => {
    const keys = await caches.keys();
    for (const key of keys) for (const request of await (await caches.open(key)).keys()) if (request.url.endsWith('.bin')) return true;
    return false;
  });
  expect(cachedModel).toBe(true);
});
