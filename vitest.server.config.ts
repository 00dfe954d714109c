import { defineConfig } from 'vitest/config';

/**
 * The sync server's tests: Node (not jsdom), real PostgreSQL and Redis started by the tests on
 * loopback ports of their own. Run by `npm run test:unit` after the app's tests.
 */
export default defineConfig({
  // The tagger package is used from its TypeScript source, as in vite.config.ts.
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/server/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
