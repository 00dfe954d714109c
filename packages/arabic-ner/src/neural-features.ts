// What the neural scorer sees of each word, computed by this one function for training (exported to
// the trainer by scripts/ner/neural-data.ts) and for tagging, so both see exactly the same inputs.
// Context is the network's job (its convolutions look at the neighbours): these are properties of
// the word alone — spelling (affixes, letter trigrams, shape, clitics, foreign and nisba endings),
// what the gazetteer knows of it (curated lists, names seen in training, phrase matches, word
// class) — hashed into a table of learnt vectors, plus the keys of its two word vectors.
import { bitsList, flagsOf, hashString, mix, phraseMatches, wordInfo, wordOnlyFeatures, type Gazetteer, type WordInfo } from './features.ts';
import { embeddingKey, stripProclitics } from './normalise.ts';

export interface NeuralInputs {
  /** Hashed ids per token (token i owns ids[offsets[i] .. offsets[i+1]]), already folded into the
   *  hash table; the word-identity ids come first, up to lexEnd[i] (training may drop them). */
  offsets: Int32Array;
  ids: Int32Array;
  lexEnd: Int32Array;
  /** Word-vector keys: the normalised word and its clitic-stripped stem (0 = no key, punctuation). */
  wordKeys: Uint32Array;
  stemKeys: Uint32Array;
}

/** Seed of the word-vector key hash (its own key space, apart from the gazetteer's). */
const VECTOR_SEED = 0x5eed;

/** The key under which a word's vector is stored. */
export function vectorKey(key: string): number {
  return key ? hashString(key, VECTOR_SEED) || 1 : 0;
}

/** The two strings a token's vectors are looked up by: its normalised form and its stem. */
export function vectorStrings(token: string): [string, string] {
  const key = embeddingKey(token);
  return [key, key ? stripProclitics(key).stem : ''];
}

/** vectorStrings' keys from what wordInfo already computed (its norm is the token's cleanWord). */
function vectorKeysOf(w: WordInfo): [number, number] {
  const key = /[0-9]/.test(w.norm) ? w.norm.replace(/[0-9]/g, '0') : w.norm;
  return [vectorKey(key), key ? vectorKey(key === w.norm ? w.stem : stripProclitics(key).stem) : 0];
}

export function neuralInputs(tokens: readonly string[], gaz: Gazetteer, groups: number, logBuckets: number, cache?: Map<string, WordInfo>): NeuralInputs {
  const n = tokens.length;
  const mask = (1 << logBuckets) - 1;
  const flags = flagsOf(groups);
  const info = tokens.map((t) => {
    let wi = cache?.get(t);
    if (!wi) { wi = wordInfo(t, gaz); cache?.set(t, wi); }
    return wi;
  });
  const phrase = flags.fGaz ? phraseMatches(info, gaz) : new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const lexEnd = new Int32Array(n);
  const ids: number[] = [];
  const wordKeys = new Uint32Array(n), stemKeys = new Uint32Array(n);
  const sink = { push: (h: number): void => { ids.push(mix(h) & mask); } };
  for (let i = 0; i < n; i++) {
    const w = info[i] as WordInfo;
    offsets[i] = ids.length;
    const own = w.feats && w.feats.groups === groups ? w.feats : { groups, ...wordOnlyFeatures(w, flags) };
    if (cache) w.feats = own;
    for (const h of own.lex) sink.push(h);
    lexEnd[i] = ids.length;
    // The bias (local[0]) is the network's own; the rest are the word's properties.
    for (let k = 1; k < own.local.length; k++) sink.push(own.local[k] as number);
    bitsList(phrase[i] ?? 0, 0xff, sink, 94);
    const vec = w.vec ?? (w.vec = vectorKeysOf(w));
    wordKeys[i] = vec[0];
    stemKeys[i] = vec[1];
  }
  offsets[n] = ids.length;
  return { offsets, ids: Int32Array.from(ids), lexEnd, wordKeys, stemKeys };
}
