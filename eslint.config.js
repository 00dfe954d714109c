import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md), kept by import rules:
 * - src/core/schema: the leaf the app and the sync server share; imports only itself, the limits
 *   and its libraries;
 * - src/core: pure TypeScript; never features, app, shared UI or React;
 * - src/features/<name>: never another feature (the app's screens compose them);
 * - server: only the schema leaf of the app.
 */
const FEATURES = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const UI = ['react', 'react-dom', 'react-dom/*', 'react-i18next', '@tanstack/react-query'];

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
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/schema/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**', '**/app/**', '**/shared/**', '**/i18n/**', ...UI], message: 'core is pure TypeScript: it never imports features, app, shared UI or React.' }] }],
    },
  },
  {
    files: ['src/core/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '!../limits', ...UI], message: 'The schema leaf imports only itself, core/limits and its libraries: the sync server loads it.' }] }],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: FEATURES.filter((other) => other !== feature).flatMap((other) => [`../${other}`, `../${other}/**`, `**/features/${other}`, `**/features/${other}/**`]).concat(['**/app/**', '../../app']), message: 'Features never import each other (or the app): the screens in src/app compose them.' }] }],
    },
  })),
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../src/*', '!../src/core', '../src/core/*', '!../src/core/schema', '!../src/core/limits'], message: 'The sync server shares only the schema leaf (src/core/schema) with the app.' }] }],
    },
  },
);
