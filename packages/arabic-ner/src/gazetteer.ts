// Builds the hashed gazetteer compiled into the model: curated lists plus names seen in training.
import { GAZ, PHRASE_SHIFT, gazKey } from './features.ts';
import { cleanWord, stripProclitics } from './normalise.ts';
import { ENTITY_TYPES, isInside, tagType } from './tags.ts';
import type { LabelledSentence } from './perceptron.ts';

export interface CuratedLists {
  countries: readonly string[];
  cities: readonly string[];
  givenNames: readonly string[];
  titles: readonly string[];
  organisations?: readonly string[];
  miscNames?: readonly string[];
  orgWords: readonly string[];
  /** Family names (a bit of their own: many are also ordinary words). */
  surnames?: readonly string[];
  /** Full names of people: phrase entries; first word given name, last word family name. */
  people?: readonly string[];
  /** One-word names of today's news (ترمب, حماس, الأونروا), flagged for the reader's rule layer. */
  newsWords?: readonly string[];
  /** Cities from a large world list (a bit of their own; only multi-word ones become phrases). */
  worldCities?: readonly string[];
  locWords: readonly string[];
  /** Ordinary dictionary words (optional: large). */
  dictionary?: Iterable<string>;
}

function add(map: Map<number, number>, word: string, bits: number): void {
  const norm = cleanWord(word);
  if (!norm) return;
  for (const key of new Set([norm, stripProclitics(norm).stem])) {
    const k = gazKey(key);
    map.set(k, (map.get(k) ?? 0) | bits);
  }
}

/** Phrase key: the clitic-free stems of a name's words. */
export function phraseKey(words: readonly string[]): number {
  return gazKey('P:' + words.map((w) => stripProclitics(cleanWord(w)).stem).join(' '));
}

/** Type index: 0 PERS, 1 LOC, 2 ORG, 3 MISC. */
function addPhrase(map: Map<number, number>, words: readonly string[], type: number): void {
  if (!words.length) return;
  const k = phraseKey(words);
  map.set(k, (map.get(k) ?? 0) | (1 << (PHRASE_SHIFT + type)));
}

export function curatedGazetteer(lists: CuratedLists): Map<number, number> {
  const map = new Map<number, number>();
  const addNames = (names: readonly string[], bit: number): void => {
    for (const name of names) {
      const parts = name.split(/\s+/).filter(Boolean);
      parts.forEach((p, i) => add(map, p, i === 0 ? bit : GAZ.MULTI_CONT));
    }
  };
  addNames(lists.countries, GAZ.COUNTRY);
  addNames(lists.cities, GAZ.CITY);
  addNames(lists.givenNames, GAZ.GIVEN);
  addNames(lists.organisations ?? [], GAZ.ORG_NAME);
  addNames(lists.miscNames ?? [], GAZ.MISC_NAME);
  for (const w of lists.surnames ?? []) add(map, w, GAZ.SURNAME);
  for (const w of lists.newsWords ?? []) add(map, w, GAZ.NEWS);
  for (const name of lists.people ?? []) {
    const parts = name.split(/\s+/).filter(Boolean);
    parts.forEach((p, i) => add(map, p, i === parts.length - 1 ? GAZ.SURNAME : i === 0 ? GAZ.GIVEN : GAZ.MULTI_CONT));
  }
  for (const name of lists.worldCities ?? []) {
    const parts = name.split(/\s+/).filter(Boolean);
    parts.forEach((p, i) => add(map, p, i === 0 ? GAZ.WORLD_CITY : GAZ.MULTI_CONT));
  }
  const phrases = (names: readonly string[], type: number): void => { for (const nm of names) addPhrase(map, nm.split(/\s+/), type); };
  phrases(lists.people ?? [], 0);
  phrases((lists.worldCities ?? []).filter((n) => /\s/.test(n)), 1);
  phrases(lists.countries, 1);
  phrases(lists.cities, 1);
  phrases(lists.organisations ?? [], 2);
  phrases(lists.miscNames ?? [], 3);
  for (const w of lists.titles) add(map, w, GAZ.TITLE);
  for (const w of lists.orgWords) add(map, w, GAZ.ORG_WORD);
  for (const w of lists.locWords) add(map, w, GAZ.LOC_WORD);
  if (lists.dictionary) for (const w of lists.dictionary) {
    const k = gazKey(w);
    map.set(k, (map.get(k) ?? 0) | GAZ.DICT);
  }
  return map;
}

const TRAIN_BIT: Record<string, number> = {
  'B-PERS': GAZ.TR_B_PERS, 'I-PERS': GAZ.TR_I_PERS, 'B-LOC': GAZ.TR_B_LOC, 'I-LOC': GAZ.TR_I_LOC,
  'B-ORG': GAZ.TR_B_ORG, 'I-ORG': GAZ.TR_I_ORG, 'B-MISC': GAZ.TR_B_MISC, 'I-MISC': GAZ.TR_I_MISC,
};

/** A name that starts with a preposition is a title (WikiFANE's book "في اندونيسيا"): as a phrase
 *  entry it would fire on every "in Indonesia" of the news. Normalised forms; used with WikiFANE
 *  (ANERcorp's two such names, في تي جي and من البداية للنهاية, stay, so its model is unchanged). */
const PHRASE_STARTS_NOT = new Set(['في', 'من', 'الي', 'علي', 'عن', 'مع', 'حتي', 'منذ', 'عند', 'لدي']);

/** Words tagged as part of a name in a good share (≥ minShare) of their training occurrences. */
export function trainingGazetteer(data: readonly LabelledSentence[], base: ReadonlyMap<number, number>, minShare = 0.3, vocabMin = 1, options: { skipPrepositionNames?: boolean } = {}): Map<number, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of data) {
    s.tokens.forEach((tok, i) => {
      const stem = stripProclitics(cleanWord(tok)).stem;
      if (stem.length < 2) return;
      const t = s.tags[i] as number;
      const type = tagType(t);
      const label = type ? `${isInside(t) ? 'I' : 'B'}-${type}` : 'O';
      let m = counts.get(stem);
      if (!m) counts.set(stem, (m = new Map()));
      m.set(label, (m.get(label) ?? 0) + 1);
    });
  }
  const map = new Map(base);
  // Whole names seen at least twice (or multi-word) become phrase entries.
  const phraseCounts = new Map<string, { words: string[]; type: number; n: number }>();
  for (const s of data) {
    let start = -1;
    for (let i = 0; i <= s.tags.length; i++) {
      const t = s.tags[i] ?? 0;
      if (start >= 0 && !(isInside(t) && t === (s.tags[start] as number) + 1)) {
        const words = s.tokens.slice(start, i);
        const type = ((s.tags[start] as number) - 1) >> 1;
        const key = `${type}|${words.map((w) => stripProclitics(cleanWord(w)).stem).join(' ')}`;
        const e = phraseCounts.get(key) ?? { words, type, n: 0 };
        e.n++;
        phraseCounts.set(key, e);
        start = -1;
      }
      if (t && !isInside(t)) start = i;
    }
  }
  for (const e of phraseCounts.values()) {
    if (options.skipPrepositionNames && PHRASE_STARTS_NOT.has(cleanWord(e.words[0] ?? ''))) continue;
    if (e.n >= 2 || e.words.length > 1) addPhrase(map, e.words, e.type);
  }
  for (const [stem, m] of counts) {
    let total = 0;
    for (const v of m.values()) total += v;
    const vk = gazKey(stem);
    if (total >= vocabMin) map.set(vk, (map.get(vk) ?? 0) | GAZ.VOCAB);
    let bits = 0;
    for (const type of ENTITY_TYPES) for (const bi of ['B', 'I']) {
      const label = `${bi}-${type}`;
      if ((m.get(label) ?? 0) / total >= minShare) bits |= TRAIN_BIT[label] as number;
    }
    if (bits) {
      const k = gazKey(stem);
      map.set(k, (map.get(k) ?? 0) | bits);
    }
  }
  return map;
}
