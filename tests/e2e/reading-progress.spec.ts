import { expect, test } from '@playwright/test';
import { open, openSample, SAMPLE_ID } from './fixtures';

for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 800 }]) {
  test(`the article shows its progress and the minutes left, the same figure as the library (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openSample(page);
    const progress = page.locator('[data-reading-progress]');
    const bar = progress.getByRole('progressbar');
    const left = progress.locator('[data-minutes-left]');
    await expect(bar).toHaveAttribute('aria-valuenow', '0');
    const atStart = Number(await left.getAttribute('data-minutes-left'));
    // The sample's 366 words at Arabic reading speed (138 words a minute).
    expect(atStart).toBe(3);

    // Half way down: the bar follows, the minutes left drop.
    await page.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2));
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(20);
    // The minutes are shown while scrolling (on a phone they fade out after).
    await expect(left).toHaveCSS('opacity', '1');
    // Past the 400 ms before the position is saved: the figures read now are the ones saved (blocks
    // still settling below could move the bar by a percent before that).
    await page.waitForTimeout(600);
    const percent = Number(await bar.getAttribute('aria-valuenow'));
    const minutes = Number(await left.getAttribute('data-minutes-left'));
    expect(minutes).toBeLessThan(atStart);
    const barWidth = await bar.evaluate((el) => el.getBoundingClientRect().width / document.documentElement.clientWidth);
    expect(Math.abs(barWidth * 100 - percent)).toBeLessThan(3);

    // The library's card says the same.
    await open(page, '#/');
    const card = page.locator(`[data-library-article="${SAMPLE_ID}"]`);
    await expect(card).toHaveAttribute('data-reading-state', 'in-progress');
    await expect(card.locator('[data-minutes-left]')).toHaveAttribute('data-minutes-left', String(minutes));
    await expect(card.locator('[data-progress]')).toHaveAttribute('data-progress', String(percent));

    // At the end: read to the end.
    await openSample(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(left).toHaveAttribute('data-minutes-left', '0');
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
  });
}
