// Name lists compiled into the model's gazetteer at training time, besides lexicon.ts:
// - world cities (../shared/data/gazetteers/world-cities-ar.tsv, CC BY 4.0, Jamshaid Kamran's
//   "World Cities with Arabic Translations", from Wikidata),
// - GATE's Arabic lists (../shared/data/gazetteers/gate-arabic, LGPL-3.0),
// - this project's list of names in today's news (data/news-names.tsv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './conll.ts';

const GAZ_DIR = join(REPO_ROOT, '../shared/data/gazetteers');
const HERE = join(REPO_ROOT, 'scripts/ner');

const lines = (path: string): string[] => readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const gate = (name: string): string[] => lines(join(GAZ_DIR, 'gate-arabic', `${name}.txt`));

/** Wikidata labels carry an administrative prefix (ولاية قندهار); the bare name is what news writes. */
const ADMIN_PREFIX = /^(محافظة|مقاطعة|ولاية|بلدية|إقليم|منطقة|مدينة|إدارة|مديرية|مركز|قضاء|ناحية)\s+/;

export function worldCities(): string[] {
  return [...new Set(lines(join(GAZ_DIR, 'world-cities-ar.tsv')).map((l) => (l.split('\t')[0] ?? '').replace(ADMIN_PREFIX, '')).filter(Boolean))];
}

export interface GateLists { givenNames: string[]; surnames: string[]; titles: string[]; organisations: string[]; countries: string[]; places: string[] }

export function gateLists(): GateLists {
  return {
    givenNames: [...gate('male_names'), ...gate('female_names')],
    surnames: gate('surnames'),
    titles: gate('titles'),
    organisations: gate('organisations'),
    countries: [...gate('country'), ...gate('country_world')],
    places: [...gate('city'), ...gate('city_world'), ...gate('location_other'), ...gate('rivers'), ...gate('mountains')],
  };
}

export type NewsNames = Record<'PERS' | 'LOC' | 'ORG' | 'MISC', string[]>;

export function newsNames(): NewsNames {
  const out: NewsNames = { PERS: [], LOC: [], ORG: [], MISC: [] };
  for (const l of lines(join(HERE, 'data/news-names.tsv'))) {
    const [name, type] = l.split('\t');
    if (!name || !(type === 'PERS' || type === 'LOC' || type === 'ORG' || type === 'MISC')) throw new Error(`news-names.tsv: bad line ${l}`);
    out[type].push(name);
  }
  return out;
}
