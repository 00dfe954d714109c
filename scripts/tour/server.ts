/**
 * The tour's server: a `vite preview` of the built app, plus two pages of its own on the same
 * origin (so they share the app's storage), and without the service worker (so every page is the
 * build on disk, never an earlier one from a cache, and every navigation reaches these pages).
 *
 * - `/__tour/blank.html`: an empty page where storage is cleared and seeded before the app starts.
 * - `/__tour/frame.html?width=375&height=800&src=/#/a/…`: the app in an iframe of that size at the
 *   page's top-left corner, for a phone's width in an engine whose window cannot be that narrow
 *   (WebKit's MiniBrowser stops at 447 px). The app's Content-Security-Policy is a meta tag, which
 *   cannot forbid framing, and the preview server sends no X-Frame-Options: a same-origin frame loads.
 */
import { resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import { preview, type Plugin } from 'vite';

export const BLANK_PAGE = '__tour/blank.html';

export function framePage(width: number, height: number, src: string): string {
  return `__tour/frame.html?width=${width}&height=${height}&src=${encodeURIComponent(src)}`;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function send(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(html);
}

function tourPages(): Plugin {
  return {
    name: 'hashiya-tour-pages',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://tour.invalid');
        if (url.pathname === '/sw.js' || url.pathname === '/registerSW.js') return send(res, 404, '');
        if (url.pathname === `/${BLANK_PAGE}`) return send(res, 200, '<!doctype html><meta charset="utf-8"><title>tour</title>');
        if (url.pathname === '/__tour/frame.html') {
          const width = Number(url.searchParams.get('width'));
          const height = Number(url.searchParams.get('height'));
          const src = url.searchParams.get('src') ?? '/';
          if (!(width > 0 && height > 0) || !src.startsWith('/')) return send(res, 400, 'width, height and a same-origin src');
          return send(
            res,
            200,
            `<!doctype html><meta charset="utf-8"><title>tour frame</title>
<body style="margin:0;background:#888"><iframe src="${escapeAttribute(src)}" title="app" style="display:block;border:0;width:${width}px;height:${height}px"></iframe></body>`,
          );
        }
        next();
      });
    },
  };
}

/** Serves `dist` on `port` (127.0.0.1) with the tour's pages; resolves with a stop function. */
export async function startTourServer(root: string, dist: string, port: number): Promise<() => Promise<void>> {
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dist },
    preview: { port, strictPort: true, host: '127.0.0.1' },
    plugins: [tourPages()],
  });
  return () => server.close();
}
