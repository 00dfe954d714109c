// Hashed feature extraction shared by training and tagging: one code path, so the browser sees
// exactly the features the model was trained with.
import { cleanWord, stripProclitics } from './normalise.ts';

/** Feature groups; each can be switched off for ablation. The model file records which were on. */
export const FEATURE_GROUPS = ['word', 'norm', 'affix', 'stem', 'context', 'shape', 'nisba', 'trigger', 'gazetteer', 'dictionary', 'chars', 'document', 'unknown', 'foreign', 'cluster'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export function groupMask(groups: readonly FeatureGroup[]): number {
  let m = 0;
  for (const g of groups) m |= 1 << FEATURE_GROUPS.indexOf(g);
  return m;
}
export const ALL_GROUPS_MASK = groupMask(FEATURE_GROUPS.filter((g) => g !== 'dictionary' && g !== 'document'));
export const DOCUMENT_GROUP = 1 << FEATURE_GROUPS.indexOf('document');

/** Gazetteer category bits. */
export const GAZ = {
  COUNTRY: 1 << 0, CITY: 1 << 1, GIVEN: 1 << 2, TITLE: 1 << 3, ORG_WORD: 1 << 4, LOC_WORD: 1 << 5,
  MULTI_CONT: 1 << 6, // a later word of a multi-word curated name
  // Training-data gazetteer: the word was seen as B-/I- of a type (PERS, LOC, ORG, MISC).
  TR_B_PERS: 1 << 7, TR_I_PERS: 1 << 8, TR_B_LOC: 1 << 9, TR_I_LOC: 1 << 10,
  TR_B_ORG: 1 << 11, TR_I_ORG: 1 << 12, TR_B_MISC: 1 << 13, TR_I_MISC: 1 << 14,
  DICT: 1 << 15, // ordinary Arabic word (dictionary)
  ORG_NAME: 1 << 16, // a word of a curated organisation name
  MISC_NAME: 1 << 17,
  VOCAB: 1 << 18, // the stem occurs in the training text (under any tag)
  SURNAME: 1 << 19, // a family name (GATE surnames, last words of people in the news list)
  // (bits 20-23 are phrase types, see PHRASE_SHIFT)
  WORLD_CITY: 1 << 24, // first word of a city in the world-cities list (many are also ordinary words)
  NEWS: 1 << 25, // a one-word name of the curated news list: read by the reader's rule layer, not a feature
} as const;
/** Phrase entries (key = 'P:' + stems) carry their type in these bits: PERS, LOC, ORG, MISC. */
export const PHRASE_SHIFT = 20;
const TRIGGER_BITS = GAZ.TITLE | GAZ.ORG_WORD | GAZ.LOC_WORD;
const CURATED_NAME_BITS = GAZ.COUNTRY | GAZ.CITY | GAZ.GIVEN | GAZ.MULTI_CONT | GAZ.ORG_NAME | GAZ.MISC_NAME | GAZ.SURNAME | GAZ.WORLD_CITY;
const TRAIN_BITS = 0x7f80;

/** Word → category bits, keyed by the 32-bit hash of a normalised form (a Map while training; a
 *  binary search over the model file's sorted keys once shipped). */
export interface Gazetteer { get(key: number): number | undefined }

/** FNV-1a over UTF-16 units, seeded per feature template, with a final avalanche. */
export function hashString(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
export function mix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
  return h >>> 0;
}
function hash2(a: string, b: string, seed: number): number {
  return extendHash(hashString(a, seed), b);
}
/** Continues hash2 from the hash of its first string, so that part can be computed once per word. */
function extendHash(h: number, b: string): number {
  h = Math.imul(h ^ 0x7c, 0x01000193);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function gazKey(normWord: string): number {
  return hashString(normWord, 0x9e37);
}
/** Key of a word's class (see clusters.ts) in the gazetteer map. */
export function clusterKey(normWord: string): number {
  return hashString(`C:${normWord}`, 0x9e37);
}
/** Class levels as right shifts of the finest id: 32, 256 and 2,048 classes. */
const CLUSTER_LEVELS = [6, 3, 0] as const;
/** A class (stored + 1; 0 = none) at a level, as a feature string. */
const classAt = (c: number, shift: number): string => (c ? String((c - 1) >>> shift) : '-');
/** FNV state after hashing 'P:' under the gazetteer seed (phrase keys start with it). */
const PHRASE_SEED = Math.imul(Math.imul((0x811c9dc5 ^ 0x9e37) >>> 0 ^ 0x50, 0x01000193) ^ 0x3a, 0x01000193);

export interface WordInfo { raw: string; norm: string; stem: string; prefix: string; shape: string; feats?: { groups: number; lex: number[]; local: number[] }; ctx?: ContextHashes; gaz: number; gazStem: number; /** word class + 1 of the word (else of its stem), 0 if none */ cluster: number; punctBefore: boolean; punctAfter: boolean; /** word-vector keys of the word and its stem (neural-features.ts), once computed */ vec?: [number, number] }

/** The hashes a word contributes to its neighbours' features (and the first halves of the pair
 *  hashes), computed once per distinct word of a document instead of once per neighbour. */
interface ContextHashes {
  norm50: number; norm51: number; norm52: number; norm53: number; stem54: number; stem55: number;
  pair56: number; pair57: number; pair58: number; shape61: number;
  class142p: number; class142n: number; class143p: number; class143n: number; class3: string; pair144: number;
  unk121: number; unk122: number; unk123: number;
}

function contextHashes(w: WordInfo): ContextHashes {
  if (w.ctx) return w.ctx;
  const c3 = classAt(w.cluster, 3), c0 = classAt(w.cluster, 0);
  return (w.ctx = {
    norm50: hashString(w.norm, 50), norm51: hashString(w.norm, 51), norm52: hashString(w.norm, 52), norm53: hashString(w.norm, 53),
    stem54: hashString(w.stem, 54), stem55: hashString(w.stem, 55),
    pair56: hashString(w.norm, 56), pair57: hashString(w.norm, 57), pair58: hashString(w.norm, 58), shape61: hashString(w.shape, 61),
    class142p: hash2(c3, 'p', 142), class142n: hash2(c3, 'n', 142), class143p: hash2(c0, 'p', 143), class143n: hash2(c0, 'n', 143),
    class3: c3, pair144: hashString(c3, 144),
    unk121: hashString(w.stem, 121), unk122: hashString(w.stem, 122), unk123: hashString(w.stem, 123),
  });
}

export function wordInfo(token: string, gaz: Gazetteer): WordInfo {
  const norm = cleanWord(token);
  const { prefix, stem } = stripProclitics(norm);
  const first = token[0] ?? '';
  const last = token[token.length - 1] ?? '';
  return {
    raw: token,
    norm,
    stem,
    prefix,
    shape: shapeOf(norm),
    gaz: gaz.get(gazKey(norm)) ?? 0,
    gazStem: stem !== norm ? (gaz.get(gazKey(stem)) ?? 0) : 0,
    cluster: gaz.get(clusterKey(norm)) ?? (stem !== norm ? gaz.get(clusterKey(stem)) : 0) ?? 0,
    punctBefore: /^[^\p{L}\p{N}]/u.test(first),
    punctAfter: /^[^\p{L}\p{N}]/u.test(last),
  };
}

const PAD: WordInfo = { raw: '<s>', norm: '<s>', stem: '<s>', prefix: '', shape: 'Lm' /* = shapeOf('<s>') */, gaz: 0, gazStem: 0, cluster: 0, punctBefore: false, punctAfter: false };
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[a-z]/;
const DIGIT = /[0-9]/;

function shapeOf(w: string): string {
  if (!w) return 'punct';
  const ar = ARABIC.test(w), la = LATIN.test(w), di = DIGIT.test(w);
  return `${ar ? 'A' : ''}${la ? 'L' : ''}${di ? 'D' : ''}${w.length <= 2 ? 's' : w.length <= 4 ? 'm' : w.length <= 7 ? 'l' : 'x'}`;
}

/** Collects a sentence's feature hashes as bucket ids (mixed and masked as they come), in one
 *  growing typed array reused across sentences instead of a fresh array of numbers each time. */
class BucketSink {
  buf = new Int32Array(8192);
  len = 0;
  mask = 0;
  reset(mask: number): void { this.len = 0; this.mask = mask; }
  push(h: number): void {
    if (this.len === this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = mix(h) & this.mask;
  }
  take(): Int32Array { return this.buf.slice(0, this.len); }
}
const sink = new BucketSink();

export function bitsList(bits: number, mask: number, out: { push(h: number): unknown }, seed: number): void {
  // Set bits only, lowest first (the order the features were trained in).
  for (let b = bits & mask; b !== 0; b &= b - 1) out.push(mix(seed * 31 + (31 - Math.clz32(b & -b))));
}

export interface Flags { fCluster: boolean; fForeign: boolean; fWord: boolean; fNorm: boolean; fAffix: boolean; fStem: boolean; fChars: boolean; fShape: boolean; fNisba: boolean; fTrig: boolean; fGaz: boolean; fUnk: boolean; fDict: boolean }

/** Word-identity hashes (dropped together in training) and the other hashes that depend only on
 *  the word itself; both are cached per distinct word within a document. */
export function wordOnlyFeatures(w: WordInfo, f: Flags): { lex: number[]; local: number[] } {
  const lex: number[] = [];
  if (f.fWord) lex.push(hashString(w.raw, 2));
  if (f.fNorm) lex.push(hashString(w.norm, 3));
  if (f.fStem) lex.push(hashString(w.stem, 40));
  const local: number[] = [mix(1)]; // bias
  if (f.fAffix) {
    const s = w.norm;
    for (let k = 1; k <= 3 && k < s.length; k++) local.push(hashString(s.slice(0, k), 10 + k));
    for (let k = 1; k <= 4 && k < s.length; k++) local.push(hashString(s.slice(-k), 20 + k));
    const st = w.stem;
    if (st !== s) {
      for (let k = 2; k <= 3 && k < st.length; k++) local.push(hashString(st.slice(0, k), 30 + k));
    }
  }
  if (f.fChars && w.stem.length > 2) {
    // Letter trigrams of the stem: transliterated foreign names have their own letter patterns.
    const st = `^${w.stem}$`;
    for (let k = 0; k + 3 <= st.length; k++) local.push(hashString(st.slice(k, k + 3), 36));
  }
  if (f.fStem) local.push(hashString(w.prefix, 41));
  if (f.fShape) {
    local.push(hashString(w.shape, 60));
    if (w.punctBefore) local.push(mix(62));
    if (w.punctAfter) local.push(mix(63));
  }
  if (f.fNisba) {
    const s = w.stem;
    const m = /(يون|يين|يه|يات|ي)$/.exec(s);
    if (m && s.length > 3) local.push(hash2(m[1] as string, w.norm.startsWith('ال') || w.prefix.includes('ال') ? 'al' : '', 70));
  }
  if (f.fTrig) bitsList(w.gaz | w.gazStem, TRIGGER_BITS, local, 82);
  if (f.fGaz) {
    bitsList(w.gaz, CURATED_NAME_BITS | TRAIN_BITS, local, 90);
    bitsList(w.gazStem, CURATED_NAME_BITS | TRAIN_BITS, local, 91);
  }
  if (f.fUnk && isUnknown(w)) {
    local.push(hashString(w.shape, 120));
    local.push(hash2(w.prefix, w.stem.slice(-2), 124));
  }
  if (f.fForeign) {
    // Endings typical of transliterated foreign names, conjoined with the clitic prefix.
    const m = w.stem.length > 3 ? FOREIGN_ENDING.exec(w.stem) : null;
    if (m) local.push(hash2(m[1] as string, w.prefix, 133));
  }
  if (f.fCluster) {
    // The word's class at three granularities; unknown words get a feature of their own.
    const c = w.cluster;
    if (c) for (const shift of CLUSTER_LEVELS) local.push(hash2(classAt(c, shift), String(shift), 140));
    else local.push(mix(141));
  }
  if (f.fDict) local.push(hash2(((w.gaz | w.gazStem) & GAZ.DICT) !== 0 ? 'd' : 'n', w.shape, 100));
  return { lex, local };
}

/** Endings of transliterated foreign names (ـوف ـسكي ـيان ـيتش ـوس ـيني ـو …); the longest match wins. */
const FOREIGN_ENDING = /(وف|يف|وفا|يفا|سكي|سكا|يان|يتش|فيتش|وس|يوس|اس|يس|يني|يللي|يلو|يو|و|ا|يه|ون|ين|يت|وت|ير|يك)$/;

function isUnknown(w: WordInfo): boolean {
  return !((w.gaz | w.gazStem) & GAZ.VOCAB) && w.norm.length > 1;
}

/**
 * Longest curated/training phrase match starting at each token: B bits (low nibble) and I bits
 * (high nibble) per type. The key 'P:' + stems joined by spaces is hashed incrementally (FNV-1a
 * extends left to right).
 */
export function phraseMatches(info: readonly WordInfo[], gaz: Gazetteer): Uint8Array {
  const n = info.length;
  const phrase = new Uint8Array(n);
  const hashes = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const maxLen = Math.min(5, n - i);
    let h = PHRASE_SEED;
    for (let k = 0; k < maxLen; k++) {
      if (k) h = Math.imul(h ^ 32, 0x01000193);
      const st = (info[i + k] as WordInfo).stem;
      for (let c = 0; c < st.length; c++) h = Math.imul(h ^ st.charCodeAt(c), 0x01000193);
      hashes[k] = h >>> 0;
    }
    for (let len = maxLen; len >= 1; len--) {
      const v = ((gaz.get(hashes[len - 1] as number) ?? 0) >>> PHRASE_SHIFT) & 0xf;
      if (!v) continue;
      for (let k = 0; k < len; k++) phrase[i + k] = (phrase[i + k] as number) | (k === 0 ? v : v << 4);
      i += len - 1;
      break;
    }
  }
  return phrase;
}

/** The feature-group switches of a group mask. */
export function flagsOf(groups: number): Flags {
  const on = (g: FeatureGroup): boolean => (groups & (1 << FEATURE_GROUPS.indexOf(g))) !== 0;
  return {
    fCluster: on('cluster'), fForeign: on('foreign'), fWord: on('word'), fNorm: on('norm'), fAffix: on('affix'), fStem: on('stem'),
    fChars: on('chars'), fShape: on('shape'), fNisba: on('nisba'), fTrig: on('trigger'), fGaz: on('gazetteer'), fUnk: on('unknown'), fDict: on('dictionary'),
  };
}

/**
 * Feature hashes for every token of one sentence. `bucketMask` folds hashes into the weight table.
 * Returns offsets (n+1) into a flat array of bucket ids.
 */
export function sentenceFeatures(tokens: readonly string[], gaz: Gazetteer, groups: number, bucketMask: number, docBits?: Uint16Array, cache?: Map<string, WordInfo>): { offsets: Int32Array; buckets: Int32Array; lexEnd: Int32Array } {
  const n = tokens.length;
  const info = tokens.map((t) => {
    if (!cache) return wordInfo(t, gaz);
    let wi = cache.get(t);
    if (!wi) cache.set(t, (wi = wordInfo(t, gaz)));
    return wi;
  });
  const at = (i: number): WordInfo => (i < 0 || i >= n ? PAD : (info[i] as WordInfo));
  const on = (g: FeatureGroup): boolean => (groups & (1 << FEATURE_GROUPS.indexOf(g))) !== 0;
  const flags = flagsOf(groups);
  const { fCluster, fShape, fTrig, fGaz, fUnk } = flags;
  const fCtx = on('context'), fDoc = on('document');
  const phrase = fGaz ? phraseMatches(info, gaz) : new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const lexEnd = new Int32Array(n);
  const out = sink;
  out.reset(bucketMask);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.len;
    const w = at(i);
    const p1 = at(i - 1), p2 = at(i - 2), n1 = at(i + 1), n2 = at(i + 2);
    const cw = contextHashes(w), cp1 = contextHashes(p1), cp2 = contextHashes(p2), cn1 = contextHashes(n1), cn2 = contextHashes(n2);
    let own = w.feats;
    if (!own || own.groups !== groups) {
      own = { groups, ...wordOnlyFeatures(w, flags) };
      if (cache) w.feats = own;
    }
    // Word-identity features come first so training can drop them (see lexEnd).
    for (const h of own.lex) out.push(h);
    lexEnd[i] = out.len;
    for (const h of own.local) out.push(h);
    if (fCtx) {
      out.push(cp1.norm50); out.push(cp2.norm51); out.push(cn1.norm52); out.push(cn2.norm53);
      out.push(cp1.stem54); out.push(cn1.stem55);
      out.push(extendHash(cp1.pair56, w.norm)); out.push(extendHash(cw.pair57, n1.norm)); out.push(extendHash(cp2.pair58, p1.norm));
    }
    if (fCluster) {
      // Neighbours' classes (256-way and 2,048-way) and the class pair around the word.
      out.push(cp1.class142p); out.push(cn1.class142n); out.push(cp1.class143p); out.push(cn1.class143n);
      out.push(extendHash(cp1.pair144, cn1.class3));
    }
    if (fShape) {
      out.push(extendHash(cp1.shape61, n1.shape));
      if (p1.punctAfter) out.push(mix(64));
      if (i === 0) out.push(mix(65));
    }
    if (fTrig) {
      bitsList(p1.gaz | p1.gazStem, TRIGGER_BITS, out, 80);
      bitsList(p2.gaz | p2.gazStem, TRIGGER_BITS, out, 81);
      bitsList(n1.gaz | n1.gazStem, TRIGGER_BITS, out, 83);
    }
    if (fGaz) {
      bitsList(p1.gaz | p1.gazStem, CURATED_NAME_BITS | TRAIN_BITS, out, 92);
      bitsList(n1.gaz | n1.gazStem, CURATED_NAME_BITS | TRAIN_BITS, out, 93);
      bitsList(phrase[i] ?? 0, 0xff, out, 94);
      bitsList(i > 0 ? (phrase[i - 1] ?? 0) : 0, 0xff, out, 95);
      bitsList(phrase[i + 1] ?? 0, 0xff, out, 96);
    }
    if (fUnk && isUnknown(w)) {
      // Words never seen in training behave differently (often names): conjoin with context.
      const sh = w.shape;
      out.push(extendHash(cp1.unk121, sh)); out.push(extendHash(cn1.unk122, sh)); out.push(extendHash(cp2.unk123, p1.stem));
      bitsList(p1.gaz | p1.gazStem, TRIGGER_BITS | CURATED_NAME_BITS | TRAIN_BITS, out, 125);
      bitsList(n1.gaz | n1.gazStem, CURATED_NAME_BITS | TRAIN_BITS, out, 126);
      if (p1.stem.length > 3 && /(ي|يه|يون|يين)$/.test(p1.stem)) out.push(mix(127));
    }
    if (fDoc && docBits) pushDocumentFeatures(docBits, i, n, out);
  }
  offsets[n] = out.len;
  const buckets = out.take();
  return { offsets, buckets, lexEnd };
}

function pushDocumentFeatures(docBits: Uint16Array, i: number, n: number, out: BucketSink): void {
  const d0 = docBits[i] ?? 0, dp = i > 0 ? (docBits[i - 1] ?? 0) : 0, dn = docBits[i + 1] ?? 0;
  bitsList(d0, 0xff, out, 110);
  bitsList(dp, 0xff, out, 111);
  bitsList(dn, 0xff, out, 112);
  if (!(d0 & 0xff)) out.push(mix(113));
  // First-pass tags of this word and its neighbours (stacking).
  const own = d0 >>> 8, prev = i > 0 ? dp >>> 8 : 15, next = i + 1 < n ? dn >>> 8 : 15;
  out.push(mix(114 * 256 + own));
  out.push(mix(115 * 4096 + prev * 16 + own));
  out.push(mix(116 * 4096 + own * 16 + next));
  out.push(mix(117 * 65536 + prev * 256 + own * 16 + next));
}

/** Only the document features of a sentence (the second pass adds them to the shared base ones). */
export function documentFeatures(docBits: Uint16Array, bucketMask: number): { offsets: Int32Array; buckets: Int32Array } {
  const n = docBits.length;
  const offsets = new Int32Array(n + 1);
  const out = sink;
  out.reset(bucketMask);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.len;
    pushDocumentFeatures(docBits, i, n, out);
  }
  offsets[n] = out.len;
  const buckets = out.take();
  return { offsets, buckets };
}

/**
 * For each token, how the first pass tagged the same stem elsewhere in the document: bit 2k for
 * B- and 2k+1 for I- of type k; bits 8-11 hold the token's own first-pass tag. `window` limits "the document"
 * to that many sentences on each side (0 = all).
 */
export function documentBits(sentences: ReadonlyArray<readonly string[]>, tags: ReadonlyArray<ArrayLike<number>>, window: number, cache?: ReadonlyMap<string, WordInfo>): Uint16Array[] {
  const stems = sentences.map((s) => s.map((t) => cache?.get(t)?.stem ?? stripProclitics(cleanWord(t)).stem));
  // Only tagged occurrences are indexed, so frequent function words cost nothing.
  const seen = new Map<string, Array<{ s: number; i: number; tag: number }>>();
  stems.forEach((ss, s) => ss.forEach((stem, i) => {
    const tag = (tags[s] as ArrayLike<number>)[i] ?? 0;
    if (tag === 0 || stem.length < 2) return;
    let list = seen.get(stem);
    if (!list) seen.set(stem, (list = []));
    list.push({ s, i, tag });
  }));
  return stems.map((ss, s) => {
    const bits = new Uint16Array(ss.length);
    ss.forEach((stem, i) => {
      const list = seen.get(stem) ?? [];
      let b = 0;
      for (const e of list) {
        if ((e.s === s && e.i === i) || (window > 0 && Math.abs(e.s - s) > window)) continue;
        b |= 1 << (e.tag - 1);
      }
      bits[i] = b | (((tags[s] as ArrayLike<number>)[i] ?? 0) << 8);
    });
    return bits;
  });
}
