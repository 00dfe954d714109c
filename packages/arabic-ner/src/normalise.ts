// Arabic normalisation shared by features, gazetteers and entity grouping.

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel

/** Removes diacritics and tatweel, unifies alef / ya / ta marbuta, maps digits, lowercases Latin. */
export function normaliseArabic(text: string): string {
  let out = '';
  const stripped = text.replace(DIACRITICS, '');
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped.charCodeAt(i);
    if (c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0671) out += '\u0627'; // أ إ آ ٱ → ا
    else if (c === 0x0649) out += '\u064A'; // ى → ي
    else if (c === 0x0629) out += '\u0647'; // ة → ه
    else if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 48);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 48);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else out += stripped[i];
  }
  return out;
}

const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Normalised word with surrounding punctuation removed (ANERcorp tokens keep "(" or "," glued on). */
export function cleanWord(token: string): string {
  return normaliseArabic(token).replace(EDGE_PUNCT, '');
}

/** The word-vector key of a token: the normalised word with every digit read as 0 ('' for punctuation). */
export function embeddingKey(token: string): string {
  return cleanWord(token).replace(/[0-9]/g, '0');
}

const WAW = 0x0648, FA = 0x0641, LAM = 0x0644, BA = 0x0628, KAF = 0x0643, ALEF = 0x0627;

export interface CliticSplit { prefix: string; stem: string }

/**
 * Strips proclitics و ف (conjunction), ب ل ك (prepositions), لل and ال (article) from a normalised
 * word, keeping a stem of at least two letters. Returns the longest plausible strip.
 */
export function stripProclitics(word: string): CliticSplit {
  // Char codes, not a closure per call: this runs for every distinct word the tagger sees.
  let i = 0;
  const n = word.length;
  const c0 = word.charCodeAt(0);
  if ((c0 === WAW || c0 === FA) && n > 3) i++;
  if (word.charCodeAt(i) === LAM && word.charCodeAt(i + 1) === LAM && n - i > 4) i += 2; // لل = ل + ال
  else {
    const c = word.charCodeAt(i);
    if ((c === BA || c === LAM || c === KAF) && n - i > 3) i++;
    if (word.charCodeAt(i) === ALEF && word.charCodeAt(i + 1) === LAM && n - i > 3) i += 2;
  }
  return { prefix: word.slice(0, i), stem: word.slice(i) };
}
/** Conjunction/preposition clitics only (keeps ال): what a reader trims off a visible name. */
export function stripOuterClitics(word: string): CliticSplit {
  let i = 0;
  const n = word.length;
  const at = (k: number): string => word[k] ?? '';
  if ((at(i) === 'و' || at(i) === 'ف') && n - i > 3) i++;
  if (at(i) === 'ل' && at(i + 1) === 'ل' && n - i > 4) return { prefix: word.slice(0, i + 1), stem: word.slice(i + 1) };
  if ((at(i) === 'ب' || at(i) === 'ل' || at(i) === 'ك') && n - i > 3 && at(i + 1) === 'ا' && at(i + 2) === 'ل') i++;
  return { prefix: word.slice(0, i), stem: word.slice(i) };
}
