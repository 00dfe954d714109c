import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../src/i18n/i18n';

const dir = resolve(__dirname, '../../src/i18n/locales');
const AR_PLURALS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const EN_PLURALS = ['one', 'other'];

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const keysOf = (lang: string, ns: string) => flatten(JSON.parse(readFileSync(resolve(dir, lang, `${ns}.json`), 'utf8')));

describe('UI strings', () => {
  it('exist for every namespace in both languages', () => {
    for (const lang of ['ar', 'en']) expect(readdirSync(resolve(dir, lang)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
  });

  it.each(NAMESPACES)('namespace %s has the same keys in Arabic and English, with full plural sets', (ns) => {
    const ar = keysOf('ar', ns);
    const en = keysOf('en', ns);
    expect(new Set(ar.map(pluralBase))).toEqual(new Set(en.map(pluralBase)));
    const pluralised = new Set([...ar, ...en].filter((k) => k !== pluralBase(k)).map(pluralBase));
    for (const base of pluralised) {
      for (const form of AR_PLURALS) expect(ar, `ar ${ns}:${base}_${form}`).toContain(`${base}_${form}`);
      for (const form of EN_PLURALS) expect(en, `en ${ns}:${base}_${form}`).toContain(`${base}_${form}`);
    }
  });
});

/** Every string of a locale, with its key (interpolations like {{count, number}} removed). */
function stringsOf(lang: string): Array<[string, string]> {
  const walk = (value: unknown, prefix: string): Array<[string, string]> =>
    typeof value === 'string'
      ? [[prefix, value.replace(/\{\{[^}]*\}\}/g, '')]]
      : typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => walk(inner, prefix ? `${prefix}.${key}` : key))
        : [];
  return NAMESPACES.flatMap((ns) => walk(JSON.parse(readFileSync(resolve(dir, lang, `${ns}.json`), 'utf8')), ns));
}

describe('Arabic strings with Latin words', () => {
  // In a right-to-left line the dot of a file extension (".html") is placed by the bidi algorithm on
  // the wrong side of the word, next to the sentence's full stop ("html.."); directional marks did
  // not help. A Latin word stands alone, or in brackets: "(txt)".
  it('never start a word with a dot (a file extension) nor lean on directional marks', () => {
    const glued = stringsOf('ar').filter(([, text]) => /(^|[\s(])\.[A-Za-z]|[\u200e\u200f]/.test(text));
    expect(glued).toEqual([]);
  });
});
