// @vitest-environment node
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules that keep the layers (eslint.config.js, docs/architecture.md), run through ESLint
 * itself on small sources placed at real paths: each forbidden import must be reported, and the
 * allowed ones next to it must not be (so a rule that matched nothing, or everything, fails here).
 */
const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(ROOT, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'hashiya/layers').map((m) => m.message);
}

const use = (spec: string) => `import * as m from '${spec}';\nexport const used = m;\n`;

describe('the layer rules', () => {
  it('a feature never imports another feature or the app, but may use core, shared and i18n', async () => {
    expect(await layerErrors('src/features/library/probe.ts', use('../reader/ReaderView'))).toHaveLength(1);
    expect(await layerErrors('src/features/library/deep/probe.ts', use('../../annotations/annotation-mutations'))).toHaveLength(1);
    expect(await layerErrors('src/features/library/probe.ts', use('../../app/providers'))).toHaveLength(1);
    expect(await layerErrors('src/features/library/probe.ts', `export { x } from '../names/NamesPage';\nexport const y = () => import('../sync/run-sync');\n`)).toHaveLength(2);
    expect(await layerErrors('src/features/library/probe.ts', use('./query-keys'))).toEqual([]);
    expect(await layerErrors('src/features/library/probe.ts', use('../../core/text/fold'))).toEqual([]);
    expect(await layerErrors('src/features/library/probe.ts', use('../../shared/reader-handle'))).toEqual([]);
  });

  it('core never imports features, app, shared UI, i18n or React', async () => {
    for (const spec of ['../../features/reader/ReaderView', '../../app/providers', '../../shared/reader-handle', '../../i18n/i18n', 'react', 'react-dom/client', '@tanstack/react-query', 'react-i18next']) {
      expect(await layerErrors('src/core/annotations/probe.ts', use(spec)), spec).toHaveLength(1);
    }
    expect(await layerErrors('src/core/annotations/probe.ts', use('../text/fold'))).toEqual([]);
    expect(await layerErrors('src/core/annotations/probe.ts', use('valibot'))).toEqual([]);
  });

  it('shared pieces never import a feature or the app', async () => {
    expect(await layerErrors('src/shared/probe.tsx', use('../features/reader/ReaderView'))).toHaveLength(1);
    expect(await layerErrors('src/shared/probe.tsx', use('../app/providers'))).toHaveLength(1);
    expect(await layerErrors('src/shared/probe.tsx', use('../core/text/fold'))).toEqual([]);
    expect(await layerErrors('src/shared/probe.tsx', use('react'))).toEqual([]);
  });

  it('the schema leaf imports only itself, the limits and its libraries', async () => {
    expect(await layerErrors('src/core/schema/probe.ts', use('../storage/storage'))).toHaveLength(1);
    expect(await layerErrors('src/core/schema/probe.ts', use('../sync/engine'))).toHaveLength(1);
    expect(await layerErrors('src/core/schema/probe.ts', use('react'))).toHaveLength(1);
    expect(await layerErrors('src/core/schema/probe.ts', use('./annotation'))).toEqual([]);
    expect(await layerErrors('src/core/schema/probe.ts', use('../limits'))).toEqual([]);
    expect(await layerErrors('src/core/schema/probe.ts', use('yjs'))).toEqual([]);
  });

  it('the sync server shares only the schema leaf and the limits with the app', async () => {
    expect(await layerErrors('server/probe.ts', use('../src/core/storage/storage'))).toHaveLength(1);
    expect(await layerErrors('server/probe.ts', use('../src/features/sync/run-sync'))).toHaveLength(1);
    expect(await layerErrors('server/probe.ts', use('../src/core/schema/annotation'))).toEqual([]);
    expect(await layerErrors('server/probe.ts', use('../src/core/limits'))).toEqual([]);
  });

  it('a package (the tagger) imports only its own files and its libraries', async () => {
    expect(await layerErrors('packages/arabic-ner/src/probe.ts', use('../../../src/core/text/fold'))).toHaveLength(1);
    expect(await layerErrors('packages/arabic-ner/src/probe.ts', use('../../../server/tokens'))).toHaveLength(1);
    expect(await layerErrors('packages/arabic-ner/src/probe.ts', use('./normalise'))).toEqual([]);
  });
});
