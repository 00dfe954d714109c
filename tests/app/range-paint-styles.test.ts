import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAINT_NAMES } from '../../src/core/decorations/paints';
import { PAINT_PREFIX } from '../../src/shared/range-paint';

/** Every stylesheet that ships. */
function stylesheets(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? stylesheets(join(dir, entry.name)) : entry.name.endsWith('.css') ? readFileSync(join(dir, entry.name), 'utf8') : ''))
    .join('\n');
}

describe('range paint styles', () => {
  const css = stylesheets('src');
  const rules = [...css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)].map(([, name, body]) => ({ name: name!, body: body! }));

  it('gives every paint a ::highlight() rule, and no rule to a paint that does not exist', () => {
    expect(new Set(rules.filter((r) => r.name.startsWith(PAINT_PREFIX)).map((r) => r.name))).toEqual(new Set(PAINT_NAMES.map((n) => `${PAINT_PREFIX}${n}`)));
  });

  it('paints fills only: WebKit draws a range’s underline or text colour inside a word at another height', () => {
    for (const { name, body } of rules) {
      const properties = [...body.matchAll(/([\w-]+)\s*:/g)].map(([, p]) => p);
      expect(properties, name).toEqual(['background-color']);
    }
  });
});
