/**
 * One browser test body for two engines: Chromium through Playwright's page, WebKit through the thin
 * WebDriver client. Only what both can do the same way: navigate, run a function in the page, take
 * a viewport screenshot, and real pointer and keyboard input.
 */
import type { Frame, Page } from '@playwright/test';
import { printRulesOnScreen } from '../joining/probe';
import { KEEP_NAMES_HELPER, WebKitSession } from './webdriver';

export type Key = 'Enter' | 'Escape' | 'Tab';

export interface Engine {
  readonly name: 'chromium' | 'webkit';
  goto(url: string): Promise<void>;
  /** Runs a self-contained function (no closures, no imports) in the page with JSON arguments. */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** The viewport as a PNG. */
  screenshot(): Promise<Buffer>;
  setViewport(width: number, height: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  moveMouse(x: number, y: number): Promise<void>;
  press(key: Key): Promise<void>;
  /** Lays the page out with its print rules (on) or for the screen again (off). */
  printMedia(on: boolean): Promise<void>;
  /**
   * Where `evaluate` runs from now on: the top document's `index`-th iframe, or the top document
   * again (null). Input and screenshots stay the top viewport's.
   */
  frame(index: number | null): Promise<void>;
  close(): Promise<void>;
}

export function chromiumEngine(page: Page): Engine {
  let target: Page | Frame = page;
  return {
    name: 'chromium',
    goto: async (url) => {
      await page.goto(url);
    },
    // A string expression: the same function text WebDriver receives, called with the same arguments.
    evaluate: (fn, ...args) => target.evaluate(`(() => { ${KEEP_NAMES_HELPER} return (${fn.toString()}).apply(null, ${JSON.stringify(args)}); })()`),
    screenshot: () => page.screenshot(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    click: (x, y) => page.mouse.click(x, y),
    moveMouse: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    printMedia: (on) => page.emulateMedia({ media: on ? 'print' : null }),
    frame: async (index) => {
      const child = index === null ? undefined : page.mainFrame().childFrames()[index];
      if (index !== null && !child) throw new Error(`chromium: the page has no iframe ${index}`);
      target = child ?? page;
    },
    close: async () => {},
  };
}

/** W3C WebDriver key codes (special keys live in the private-use area). */
const WEBDRIVER_KEYS: Record<Key, string> = { Enter: '\uE007', Escape: '\uE00C', Tab: '\uE004' };

export async function webkitEngine(): Promise<Engine> {
  const session = await WebKitSession.start();
  return {
    name: 'webkit',
    goto: (url) => session.goto(url),
    evaluate: (fn, ...args) => session.evaluate(fn, ...args),
    screenshot: () => session.screenshot(),
    setViewport: (width, height) => session.setViewport(width, height),
    click: (x, y) => session.click(x, y),
    moveMouse: (x, y) => session.moveMouse(x, y),
    press: (key) => session.press(WEBDRIVER_KEYS[key]),
    // WebDriver has no print media: the page's print rules are applied on screen instead.
    printMedia: (on) => session.evaluate(printRulesOnScreen, on),
    frame: (index) => session.frame(index),
    close: () => session.close(),
  };
}

/** Polls a page function until it returns a truthy value (or fails after `timeout` ms with `what`). */
export async function waitFor<R, A extends unknown[]>(engine: Engine, what: string, fn: (...args: A) => R | Promise<R>, args: A, timeout = 15_000): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await engine.evaluate(fn, ...args);
    if (value) return value as NonNullable<R>;
    if (Date.now() > deadline) throw new Error(`${engine.name}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
