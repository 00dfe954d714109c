import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './scripts/lint/layers.js';

/**
 * The layers (docs/architecture.md) are kept by one rule that resolves every import:
 * scripts/lint/layers.js (core never imports features, app, shared UI or React; the schema leaf
 * only itself and the limits; features never each other; the server only the schema leaf; a
 * package under packages/ only itself).
 * tests/architecture/layer-rules.test.ts shows that each kind of violation is reported.
 */
export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'dist-bench', 'node_modules', 'test-results', 'playwright-report', '.scratch', 'packages/*/dist'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'packages/*/src/**/*.ts'],
    plugins: { hashiya: layers },
    rules: { 'hashiya/layers': 'error' },
  },
);
