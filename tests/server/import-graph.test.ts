import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The sync server shares only the schema leaf with the app (src/core/schema, and the limits it
 * reads): it never loads the app's storage, features or anything else of the client. Walked from
 * the files themselves, so a new import anywhere on the way is caught.
 */
const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, resolve(base, 'index.ts')]) if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  throw new Error(`${relative(ROOT, from)} imports ${spec}, which does not resolve`);
}

/** Every local file reachable from `entries`, with the import that first reached it. */
function graph(entries: readonly string[]): Map<string, string> {
  const seen = new Map<string, string>(entries.map((e) => [e, '(entry)']));
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    const source = readFileSync(file, 'utf8');
    for (const match of [...source.matchAll(IMPORT), ...source.matchAll(DYNAMIC)]) {
      const target = resolveLocal(file, match[1]!);
      if (target && !seen.has(target)) {
        seen.set(target, relative(ROOT, file));
        queue.push(target);
      }
    }
  }
  return seen;
}

const serverEntries = readdirSync(resolve(ROOT, 'server'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => resolve(ROOT, 'server', f));

describe('what the sync server loads', () => {
  it('is the server itself and the schema leaf: no client storage, features or app code', () => {
    const files = [...graph(serverEntries)].map(([file, via]) => [relative(ROOT, file), via] as const);
    const client = files.filter(([file]) => !file.startsWith('server/') && !file.startsWith('src/core/schema/') && file !== 'src/core/limits.ts');
    expect(client, 'client files the server loads (file, imported by)').toEqual([]);
    // The walk did reach the leaf (the test would pass vacuously otherwise).
    expect(files.some(([file]) => file.startsWith('src/core/schema/'))).toBe(true);
  });

  it('the schema leaf imports nothing of the app but itself and the limits', () => {
    const leaf = readdirSync(resolve(ROOT, 'src/core/schema')).map((f) => resolve(ROOT, 'src/core/schema', f));
    const outside = [...graph(leaf)].map(([file]) => relative(ROOT, file)).filter((file) => !file.startsWith('src/core/schema/') && file !== 'src/core/limits.ts');
    expect(outside).toEqual([]);
  });
});
