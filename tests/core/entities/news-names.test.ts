import { readFileSync } from 'node:fs';
import { readModel } from 'arabic-ner';
import { tagTexts } from '../../../src/core/entities/entities.ts';
import { MODEL_PATH } from '../../../scripts/ner/conll.ts';
import { NEWS_NAMES_ARTICLE, NEWS_NAMES_EXPECTED } from '../../fixtures/news-names-article.ts';

// The shipped model and rule layers on an article in today's news style (issue 10): names behind
// clitics, spelling variants and multi-word names come out whole and typed right.
const blocks = NEWS_NAMES_ARTICLE.split(/\n\s*\n/);
const { mentions } = tagTexts(readModel(readFileSync(MODEL_PATH)), blocks);

describe('names in today’s news', () => {
  it.each(NEWS_NAMES_EXPECTED.map((e) => [e.text, e.type, e.count ?? 1] as const))('finds %s as %s (%i×)', (text, type, count) => {
    const found = mentions.filter((m) => m.text === text);
    expect(found.map((m) => m.type)).toEqual(Array.from({ length: count }, () => type));
  });
  it('marks no part of a longer expected name on its own', () => {
    for (const m of mentions) {
      const block = blocks[m.block] ?? '';
      for (const e of NEWS_NAMES_EXPECTED) {
        const at = block.indexOf(e.text, Math.max(0, m.start - e.text.length));
        if (at >= 0 && at <= m.start && m.end <= at + e.text.length && m.text !== e.text) {
          // A shorter mention inside a longer expected name is a split (غزة inside قطاع غزة) …
          // … unless the shorter one is itself expected (ترمب inside دونالد ترمب is another mention).
          expect(NEWS_NAMES_EXPECTED.some((x) => x.text === m.text) && !(at === m.start && m.end === at + e.text.length)).toBe(true);
        }
      }
    }
  });
  it('does not take the Erez crossing or a foundation for people', () => {
    expect(mentions.filter((m) => m.type === 'PERS' && /إيريز|فريدريش|إيبرت/.test(m.text))).toEqual([]);
  });
});
