import { defineConfig } from 'vitest/config';

// The package's own tests, in Node (the engine is pure TypeScript; no DOM needed).
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
