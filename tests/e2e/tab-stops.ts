import type { Page } from '@playwright/test';

/**
 * The page's Tab order, walked with the Tab key from the top until it comes round again: how many
 * stops come before the article's last paragraph (in document order).
 */
export async function tabStopsBeforeLastParagraph(page: Page, max = 200): Promise<{ before: number; stops: string[] }> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: string[] = [];
  let before = 0;
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const last = [...document.querySelectorAll('article [data-block-id]')].pop();
      const precedes = last ? (el.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !last.contains(el) : true;
      if (!(el as HTMLElement).dataset.tabWalked) (el as HTMLElement).dataset.tabWalked = '1';
      else return { again: true, name: '', precedes };
      const name = `${el.tagName.toLowerCase()}${el.getAttribute('data-action') ? `[${el.getAttribute('data-action')}]` : ''}${el.getAttribute('data-block-id') ? `#${el.getAttribute('data-block-id')}` : ''}`;
      return { again: false, name, precedes };
    });
    if (!stop) break;
    if (stop.again) break;
    stops.push(stop.name);
    if (stop.precedes) before += 1;
  }
  await page.evaluate(() => document.querySelectorAll('[data-tab-walked]').forEach((el) => el.removeAttribute('data-tab-walked')));
  return { before, stops };
}
