// Name lists compiled into the model's gazetteer at training time, besides lexicon.ts:
// - world cities (../shared/data/gazetteers/world-cities-ar.tsv, CC BY 4.0, Jamshaid Kamran's
//   "World Cities with Arabic Translations", from Wikidata),
// - GATE's Arabic lists (../shared/data/gazetteers/gate-arabic, LGPL-3.0),
// - this project's list of names in today's news (data/news-names.tsv).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './conll.ts';
import { EMBED_CLASSES_PATH } from './clusters-path.ts';
import { dictionaryWordsFor } from './dict-ar.ts';
import { addClusters, parseClusters } from '../../packages/arabic-ner/src/clusters.ts';
import type { CuratedLists } from '../../packages/arabic-ner/src/gazetteer.ts';
import { CITIES, GIVEN_NAMES, LOC_WORDS, MISC_NAMES, MORE_GIVEN_NAMES, ORGANISATIONS, ORG_WORDS, PERSON_TITLES } from '../../packages/arabic-ner/src/lexicon.ts';

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

export function countryNames(): string[] {
  const dn = new Intl.DisplayNames(['ar'], { type: 'region' });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
    const code = String.fromCharCode(a, b);
    try { const name = dn.of(code); if (name && name !== code) out.push(name); } catch { /* not a region */ }
  }
  return out;
}

export function currencyNames(): string[] {
  const dn = new Intl.DisplayNames(['ar'], { type: 'currency' });
  const codes = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency') ?? [];
  return codes.map((c) => dn.of(c) ?? c).filter((n) => /[\u0600-\u06FF]/.test(n));
}

/**
 * Every curated list the model's gazetteer is compiled from; `without` leaves out shared lists
 * (news, cities, gate) for the ablations; `dictionaryFor` adds the dictionary words among those tokens.
 */
export function curatedLists(without: readonly string[] = [], dictionaryFor?: readonly string[]): CuratedLists {
  const lists: CuratedLists = {
    countries: countryNames(), cities: CITIES, givenNames: [...GIVEN_NAMES, ...MORE_GIVEN_NAMES], titles: PERSON_TITLES, orgWords: ORG_WORDS, locWords: LOC_WORDS,
    organisations: ORGANISATIONS, miscNames: [...MISC_NAMES, ...currencyNames()],
  };
  // Shared lists (options to leave each out, for the ablation): today's news names, world cities, GATE.
  if (!without.includes('news')) {
    const news = newsNames();
    lists.people = news.PERS;
    lists.cities = [...lists.cities, ...news.LOC];
    lists.organisations = [...(lists.organisations ?? []), ...news.ORG];
    lists.miscNames = [...(lists.miscNames ?? []), ...news.MISC];
    lists.newsWords = Object.values(news).flat().filter((n) => !/\s/.test(n));
  }
  if (!without.includes('cities')) lists.worldCities = worldCities();
  if (!without.includes('gate')) {
    const g = gateLists();
    lists.givenNames = [...lists.givenNames, ...g.givenNames];
    lists.surnames = g.surnames;
    lists.titles = [...lists.titles, ...g.titles];
    lists.organisations = [...(lists.organisations ?? []), ...g.organisations];
    lists.countries = [...lists.countries, ...g.countries];
    lists.cities = [...lists.cities, ...g.places];
  }
  if (dictionaryFor) lists.dictionary = dictionaryWordsFor(dictionaryFor);
  {
    // ~2,500 Arabic given names (arabic-name-to-en, ISC), used only to build the gazetteer.
    const db = createRequire(import.meta.url)('arabic-name-to-en/cases/fullnamedb.js') as Record<string, string>;
    lists.givenNames = [...lists.givenNames, ...Object.keys(db)];
  }
  return lists;
}

/** Adds a word-class table (cached outside git; by default `npm run ner:embed`'s) to a gazetteer map. */
export function addWordClasses(map: Map<number, number>, path = EMBED_CLASSES_PATH, top = Infinity): void {
  if (!existsSync(path)) throw new Error(`no word classes at ${path}: run npm run ner:embed-corpus and ner:embed first (or --clusters PATH, or --without cluster)`);
  addClusters(map, parseClusters(readFileSync(path, 'utf8')).slice(0, top));
}
