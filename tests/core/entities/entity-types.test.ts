import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyTypeCounts, ENTITY_TYPES, entityLineVariable, entityTypeClass, entityTypeLabelKey, entityTypeRules, NAME_TYPES } from '../../../src/core/entities/entity-types';

const locale = (lang: string) => JSON.parse(readFileSync(resolve(__dirname, `../../../src/i18n/locales/${lang}/entities.json`), 'utf8')) as { types: Record<string, string> };

describe('entity types, derived from the one list in the schema', () => {
  it('each has a label in every language, and the locales list no other type', () => {
    for (const lang of ['ar', 'en']) {
      const types = locale(lang).types;
      expect(Object.keys(types).sort()).toEqual([...ENTITY_TYPES].sort());
      for (const type of ENTITY_TYPES) expect(entityTypeLabelKey(type)).toBe(`entities:types.${type}`);
    }
  });

  it('each gets its colour variable, underline and hiding rule in the generated CSS', () => {
    const css = entityTypeRules().join('\n');
    for (const type of ENTITY_TYPES) {
      expect(css).toContain(`.${entityTypeClass(type)}{--entity-line:var(${entityLineVariable(type)})`);
      expect(css).toContain(`.article[data-hide-types~='${type}'] mark.${entityTypeClass(type)}{`);
    }
    // Each type's underline differs from every other's (a second cue beside colour).
    const styles = ENTITY_TYPES.map((type) => /--entity-style:(\w+)/.exec(css.split('\n').find((r) => r.startsWith(`.${entityTypeClass(type)}{`)) ?? '')?.[1]);
    expect(new Set(styles).size).toBe(ENTITY_TYPES.length);
  });

  it('names are every type but dates; counts start at zero for every type', () => {
    expect(NAME_TYPES).toEqual(ENTITY_TYPES.filter((t) => t !== 'DATE'));
    expect(Object.keys(emptyTypeCounts()).sort()).toEqual([...ENTITY_TYPES].sort());
    expect(Object.values(emptyTypeCounts()).every((n) => n === 0)).toBe(true);
  });
});
