// WikiFANE Gold (../shared/data/wikifane, CC BY-SA 3.0) read in ANERcorp's conventions, and the
// deterministic WikiFANE dev split every NER figure is reported on.
import { join } from 'node:path';
import { isInside, tagType } from '../../packages/arabic-ner/src/tags.ts';
import type { LabelledSentence } from '../../packages/arabic-ner/src/perceptron.ts';
import { REPO_ROOT, readConll, toLabelled } from './conll.ts';

export const WIKIFANE_PATH = join(REPO_ROOT, '../shared/data/wikifane/train.tsv');

/** WikiFANE has no document marks; blocks of this many sentences stand in for articles. */
const BLOCK = 100;
/** Every tenth block (the 10th, 20th, …) is the dev split: ~1,600 sentences, never trained on. */
export const isWikifaneDev = (sentenceIndex: number): boolean => Math.floor(sentenceIndex / BLOCK) % 10 === 9;

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const SUFFIXES = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ي', 'نا', 'كم', 'كما', 'كن']);
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/**
 * Glues WikiFANE's split clitics back on, as ANERcorp writes them: `و تعتبر` → `وتعتبر`,
 * `ل الامم` → `للامم`, `عاصمة ها` → `عاصمةها` (the pronoun spelling stays as WikiFANE has it).
 * A merged word takes the tag of its content word.
 */
export function reattachClitics(s: LabelledSentence): LabelledSentence {
  const tokens: string[] = [];
  const tags: number[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const tok = s.tokens[i] as string;
    const tag = s.tags[i] as number;
    const next = s.tokens[i + 1];
    if (PROCLITICS.has(tok) && next !== undefined && ARABIC_WORD.test(next) && next.length > 1) {
      // A run of proclitics (و ب ال…) collects into the next word.
      let nextTag = s.tags[i + 1] as number;
      if (tag && !isInside(tag) && isInside(nextTag) && tagType(tag) === tagType(nextTag)) nextTag = tag;
      s.tokens[i + 1] = tok === 'ل' && next.startsWith('ال') ? 'ل' + next.slice(1) : tok + next;
      (s.tags as number[])[i + 1] = nextTag;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    if (SUFFIXES.has(tok) && prev !== undefined && ARABIC_WORD.test(prev) && !tag) {
      tokens[tokens.length - 1] = prev + tok;
      continue;
    }
    tokens.push(tok);
    tags.push(tag);
  }
  return { tokens, tags };
}

/**
 * Generic head nouns that WikiFANE puts inside a name and ANERcorp leaves O (مطار/O بيروت/B-LOC,
 * نادي/O مانشستر/B-ORG): learnt from ANERcorp train, the normalised first words of names that,
 * when they stand just before a name there, are O at least `share` of the time (compared as
 * written, alef folded).
 */
export function headNounsToDrop(anercorp: readonly LabelledSentence[], wikifane: readonly LabelledSentence[], share = 0.6): Set<string> {
  const heads = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const s of wikifane) s.tags.forEach((t, i) => {
    const w = s.tokens[i] as string;
    seen.set(w, (seen.get(w) ?? 0) + 1);
    if (t && !isInside(t) && isInside(s.tags[i + 1] ?? 0)) heads.set(w, (heads.get(w) ?? 0) + 1);
  });
  const asO = new Map<string, number>(), asName = new Map<string, number>();
  for (const s of anercorp) s.tokens.forEach((tok, i) => {
    const w = tok.replace(/[أإآ]/g, 'ا'); // WikiFANE writes bare alef
    if (!heads.has(w)) return;
    const t = s.tags[i] as number, next = s.tags[i + 1] ?? 0;
    if (t === 0 && next && !isInside(next)) asO.set(w, (asO.get(w) ?? 0) + 1);
    else if (t && !isInside(t) && isInside(next)) asName.set(w, (asName.get(w) ?? 0) + 1);
  });
  const out = new Set<string>();
  for (const [w, n] of heads) {
    const o = asO.get(w) ?? 0, named = asName.get(w) ?? 0;
    // A head noun starts names often in WikiFANE (not على/علي, في, من that merely precede them).
    if (n >= 3 && n / (seen.get(w) ?? 1) >= 0.1 && o + named >= 2 && o / (o + named) >= share) out.add(w);
  }
  return out;
}

/** Drops a leading head noun from names (its B- moves to the next word). */
export function dropHeadNouns(s: LabelledSentence, heads: ReadonlySet<string>): LabelledSentence {
  const tags = [...s.tags];
  for (let i = 0; i + 1 < tags.length; i++) {
    const t = tags[i] as number;
    if (t && !isInside(t) && tags[i + 1] === t + 1 && heads.has(s.tokens[i] as string)) {
      tags[i] = 0;
      tags[i + 1] = t;
    }
  }
  return { tokens: s.tokens, tags };
}

export interface WikifaneSplit { train: LabelledSentence[]; dev: LabelledSentence[] }

/** WikiFANE in ANERcorp's conventions, split into train and the fixed dev part. */
export function readWikifane(anercorpTrain: readonly LabelledSentence[], options: { reattach?: boolean; dropHeads?: boolean } = {}): WikifaneSplit & { heads: Set<string> } {
  const raw = toLabelled(readConll(WIKIFANE_PATH).sentences);
  let all = options.reattach === false ? raw : raw.map((s) => reattachClitics({ tokens: [...s.tokens], tags: [...s.tags] }));
  const heads = options.dropHeads === false ? new Set<string>() : headNounsToDrop(anercorpTrain, all);
  if (heads.size) all = all.map((s) => dropHeadNouns(s, heads));
  const train: LabelledSentence[] = [], dev: LabelledSentence[] = [];
  all.forEach((s, i) => (isWikifaneDev(i) ? dev : train).push(s));
  return { train, dev, heads };
}
