/**
 * A thin W3C WebDriver client for WebKit: Debian's WebKitWebDriver (webkit2gtk-driver) driving
 * MiniBrowser with --automation, on a display of its own from xvfb-run. Playwright's own WebKit
 * cannot be downloaded here, so this is how the browser tests reach Safari's engine.
 *
 * Written over fetch rather than taken from an npm client (webdriverio, selenium-webdriver): the
 * tests need nine endpoints (session, navigate, execute, screenshot, window size, actions, frame,
 * delete, status), and starting the driver under its own X server and stopping that process group are ours
 * to do anyway; a client library would add a dependency tree of its own and a second way to launch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';
/** xvfb-run cannot start its X server without it (xvfb only recommends the package). */
const XAUTH = '/usr/bin/xauth';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A function's text, transpiled by esbuild (tsx, which runs scripts/), calls esbuild's `__name`
 * helper for named inner functions: defined before it, so the text runs on its own in the page.
 */
export const KEEP_NAMES_HELPER = 'const __name = (fn) => fn;';

class WebDriverError extends Error {}

interface Wire {
  value: unknown;
}

async function call(url: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Wire;
  if (!response.ok) {
    const { error, message } = (json.value ?? {}) as { error?: string; message?: string };
    throw new WebDriverError(`${method} ${url.replace(/^.*\/session\/[^/]+/, '')}: ${error ?? response.status} ${message ?? ''}`.trim());
  }
  return json.value;
}

export class WebKitSession {
  private constructor(
    private readonly base: string,
    private readonly driver: ChildProcess,
  ) {}

  /**
   * Starts WebKitWebDriver on a free port under its own X server and opens a MiniBrowser session.
   * Fails with a clear message when the packages are missing (.ci/run installs them).
   */
  static async start(): Promise<WebKitSession> {
    for (const [path, pkg] of [
      [WEBKIT_DRIVER, 'webkit2gtk-driver'],
      [MINIBROWSER, 'webkit2gtk-driver'],
      [XVFB_RUN, 'xvfb'],
      [XAUTH, 'xauth'],
    ] as const) {
      if (!existsSync(path)) throw new Error(`WebKit tests need ${path}: apt-get install -y ${pkg} (.ci/run installs it)`);
    }
    const port = await freePort();
    // -a finds a free display, starting from a number of our own so parallel runs rarely race for one.
    const display = 100 + Math.floor(Math.random() * 800);
    const driver = spawn(XVFB_RUN, ['-a', '-n', String(display), '-s', '-screen 0 1600x1200x24 -nolisten tcp', WEBKIT_DRIVER, `--port=${port}`], {
      detached: true,
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    const session = new WebKitSession(base, driver);
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await call(`${base}/status`, 'GET').then((v) => (v as { ready?: boolean }).ready === true, () => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start within 20 s');
        await new Promise((r) => setTimeout(r, 150));
      }
      const created = (await call(`${base}/session`, 'POST', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      })) as { sessionId: string };
      session.id = created.sessionId;
      return session;
    } catch (error) {
      session.stopDriver();
      throw error;
    }
  }

  private id = '';

  private url(path: string): string {
    return `${this.base}/session/${this.id}${path}`;
  }

  async goto(url: string): Promise<void> {
    await call(this.url('/url'), 'POST', { url });
  }

  /** Runs scripts in the top document's `index`-th iframe from now on, or in the top document (null). */
  async frame(index: number | null): Promise<void> {
    await call(this.url('/frame'), 'POST', { id: index });
  }

  /** Runs a function in the page with JSON arguments and returns its (awaited) JSON result. */
  async evaluate<R, A extends unknown[]>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    // The async form: a promise returned by the function is awaited in the page.
    const script = `const done = arguments[arguments.length - 1]; ${KEEP_NAMES_HELPER}
      Promise.resolve().then(() => (${fn.toString()}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error: String(error) + ' ' + String(error && error.stack) }));`;
    const result = (await call(this.url('/execute/async'), 'POST', { script, args })) as { ok: boolean; value?: R; error?: string };
    if (!result.ok) throw new WebDriverError(`in WebKit, ${fn.name || 'a function'}: ${result.error}`);
    return result.value as R;
  }

  /** The viewport as a PNG. */
  async screenshot(): Promise<Buffer> {
    return Buffer.from((await call(this.url('/screenshot'), 'GET')) as string, 'base64');
  }

  /** Makes the viewport (not the window) the given size. */
  async setViewport(width: number, height: number): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inner = await this.evaluate(() => [window.innerWidth, window.innerHeight]);
      const [w, h] = inner as [number, number];
      if (w === width && h === height) return;
      const rect = (await call(this.url('/window/rect'), 'GET')) as { width: number; height: number };
      await call(this.url('/window/rect'), 'POST', { width: rect.width + width - w, height: rect.height + height - h });
    }
  }

  private async actions(actions: unknown[]): Promise<void> {
    await call(this.url('/actions'), 'POST', { actions });
    await call(this.url('/actions'), 'DELETE');
  }

  /** A real mouse click at viewport coordinates. */
  async click(x: number, y: number): Promise<void> {
    await this.actions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
  }

  async moveMouse(x: number, y: number): Promise<void> {
    await this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x, y }] }]);
  }

  /** Presses and releases keys (characters, or W3C key codes from the private-use area) on the focused element. */
  async press(...keys: string[]): Promise<void> {
    await this.actions([{ type: 'key', id: 'keyboard', actions: keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) }]);
  }

  /** Ends the session (MiniBrowser closes) and stops the driver with its X server. */
  async close(): Promise<void> {
    try {
      if (this.id) await call(this.url(''), 'DELETE');
    } finally {
      this.stopDriver();
    }
  }

  private stopDriver(): void {
    // xvfb-run, Xvfb and the driver share the process group started above.
    if (this.driver.pid !== undefined) {
      try {
        process.kill(-this.driver.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
}
