/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app runs under a strict Content-Security-Policy: no inline scripts, no eval, nothing
 * from other origins. It is added at build time only, because Vite's dev server injects inline
 * scripts for hot reloading.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The optional sync server is wherever the reader points it (Settings → Sync): sign-in and websocket.
  "connect-src 'self' http: https: ws: wss:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'hashiya-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * Offline: after one visit the app, the tagger model, the fonts and the bundled articles are
 * precached by a Workbox service worker. The registration script is a file, not inline (CSP).
 */
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
  includeAssets: ['favicon.svg', 'icons/*.png', 'articles/*'],
  manifest: {
    name: 'حاشية · Hashiya',
    short_name: 'حاشية',
    description: 'قارئ للأخبار العربية: الكيانات والتظليل والملاحظات في متصفحك.',
    lang: 'ar',
    dir: 'rtl',
    start_url: './',
    scope: './',
    display: 'standalone',
    // Sharing a link or text from a phone's share sheet opens the import with it (ImportEntryPoints).
    share_target: { action: './', method: 'GET', params: { title: 'share-title', text: 'share-text', url: 'share-url' } },
    theme_color: '#7a3e1d',
    background_color: '#fbfaf7',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,woff2,bin,txt,json,svg,png,webmanifest}'],
    // The tagger model is about 2 MB.
    maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first visit is already controlled, so it works offline straight away.
    clientsClaim: true,
    skipWaiting: true,
  },
});

// base './' keeps the build working from any static folder (links use the hash, so no rewrites).
export default defineConfig({
  base: './',
  // The tagger package (packages/arabic-ner, an npm workspace) is used from its TypeScript source
  // (tsconfig.json "paths", which tsc, tsx and Playwright read too): no build step in between.
  resolve: { tsconfigPaths: true },
  plugins: [react(), contentSecurityPolicy(), offline],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Everything the entry imports statically goes into one file: split into a dozen small chunks
    // (modules the lazy screens share), it queued behind itself on HTTP/1.1's six connections.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'], priority: 2 }, { name: 'shared', minShareCount: 2, priority: 1 }] } } },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/server/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
