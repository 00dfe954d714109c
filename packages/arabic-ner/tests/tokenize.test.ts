import fc from 'fast-check';
import { readFileSync, existsSync } from 'node:fs';
import { tokenize } from '../src/tokenize.ts';

function roundTrips(text: string): boolean {
  const toks = tokenize(text);
  let rebuilt = '';
  let pos = 0;
  for (const t of toks) {
    if (t.start < pos || text.slice(t.start, t.end) !== t.text || t.text.length === 0) return false;
    const gap = text.slice(pos, t.start);
    if (/\S/u.test(gap)) return false;
    rebuilt += gap + t.text;
    pos = t.end;
  }
  const tail = text.slice(pos);
  return !/\S/u.test(tail) && rebuilt + tail === text;
}

import { SAMPLE_ARTICLE as SEED } from './paths.ts';

describe('tokenize', () => {
  it('splits Arabic and Latin punctuation, keeps numbers and diacritics', () => {
    const toks = tokenize('قال «الرئيسُ»، (وطهران) 2.5% ١٢٣؟ لـ"العربي"… Putin!').map((t) => t.text);
    expect(toks).toEqual(['قال', '«', 'الرئيسُ', '»', '،', '(', 'وطهران', ')', '2.5', '%', '١٢٣', '؟', 'لـ', '"', 'العربي', '"', '…', 'Putin', '!']);
  });
  it('handles empty and punctuation-only input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \n ')).toEqual([]);
    expect(tokenize('«»،؛؟...!').map((t) => t.text)).toEqual(['«', '»', '،', '؛', '؟', '...', '!']);
  });
  it('round-trips offsets on hostile strings', () => {
    for (const s of ['', '..', 'a\u0301b', 'مرحباً world ١٢ 😀 test', '\u200fنص\u200e', 'ـــــ', 'x\uD800y']) expect(roundTrips(s)).toBe(true);
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => roundTrips(s)));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => roundTrips(s)));
  });
  it.skipIf(!existsSync(SEED))('round-trips the seed article', () => {
    expect(roundTrips(readFileSync(SEED, 'utf8'))).toBe(true);
  });
  it('round-trips 1 MB of mixed text', () => {
    const unit = 'وقال الرئيس الروسي فلاديمير بوتين، (اليوم) 19 Sep/2024: "نعم"… ';
    const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
    expect(roundTrips(big)).toBe(true);
  });
});
