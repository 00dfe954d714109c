import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignBlockIds, baseBlockId, isValidBlockId, normaliseForId } from '../../../src/core/article/block-id';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { bundledText } from './helpers';

const seed = bundledText('putin-raisi-call.txt');

describe('block ids', () => {
  it('normalise diacritics, tatweel, alef forms, whitespace and Latin case', () => {
    expect(normaliseForId('  الرئيسَين   إلى\tآخر  ')).toBe('الرئيسين الى اخر');
    expect(normaliseForId('مـــوسكو')).toBe('موسكو');
    expect(normaliseForId('GPU and Cloud')).toBe('gpu and cloud');
    expect(baseBlockId('أَحمد')).toBe(baseBlockId('احمد'));
  });

  it('never change: notes and links store them (the first ids of the sample, invisible marks and digits as they were)', () => {
    expect(parsePlainTextArticle(seed, { id: 'a' }).blocks.slice(0, 4).map((b) => b.id)).toEqual(['p-1p32lbg', 'p-1fbsfjr', 'p-155ic9e', 'p-1o93rtf']);
    expect(baseBlockId('الرئيس\u200f الروسي\u200b')).toBe('p-1poz5e1');
    expect(baseBlockId('Café ٢٠٢٤')).toBe('p-1xhzsyg');
  });

  it('are stable when other paragraphs are edited, added or removed', () => {
    const before = parsePlainTextArticle(seed, { id: 'a' });
    const edited = seed
      .replace('وقرر بوتين عدم حضور', 'وقرّر الرئيس بوتين عدم حضور')
      .replace('تعاون جديد\n', 'تعاون جديد\n\nفقرة جديدة أضيفت إلى الخبر لاحقًا.\n')
      .replace(/\nوتتهم كييف.*\n/, '\n');
    const after = parsePlainTextArticle(edited, { id: 'a' });
    const idsAfter = new Map(after.blocks.map((b) => [b.text, b.id]));
    let unchanged = 0;
    for (const block of before.blocks) {
      const id = idsAfter.get(block.text);
      if (id === undefined) continue;
      expect(id).toBe(block.id);
      unchanged += 1;
    }
    expect(unchanged).toBe(before.blocks.length - 2);
  });

  it('suffix repeats in document order', () => {
    const blocks = assignBlockIds([
      { kind: 'title', text: 'عنوان' },
      { kind: 'paragraph', text: 'فقرة مكررة.' },
      { kind: 'paragraph', text: 'فقرة أخرى.' },
      { kind: 'paragraph', text: 'فقرةٌ   مكررة.' },
      { kind: 'quote', text: 'فقرة مكررة.' },
    ]);
    const base = baseBlockId('فقرة مكررة.');
    expect(blocks.map((b) => b.id)).toEqual([baseBlockId('عنوان'), base, baseBlockId('فقرة أخرى.'), `${base}-2`, `${base}-3`]);
  });

  it('reuse the base of an id a block brings, numbering repeats anew', () => {
    const first = assignBlockIds([
      { kind: 'title', text: 'عنوان' },
      { kind: 'paragraph', text: 'فقرة مكررة.' },
      { kind: 'paragraph', text: 'فقرة أخرى.' },
      { kind: 'paragraph', text: 'فقرة مكررة.' },
    ]);
    // The reader cut the first paragraph: the repeat that was "-2" is now the first of its text.
    const again = assignBlockIds([first[0]!, first[2]!, first[3]!]);
    expect(again).toEqual(assignBlockIds([{ kind: 'title', text: 'عنوان' }, { kind: 'paragraph', text: 'فقرة أخرى.' }, { kind: 'paragraph', text: 'فقرة مكررة.' }]));
    expect(again[2]!.id).toBe(baseBlockId('فقرة مكررة.'));
    // An id that is not a block id is not trusted: the text is hashed.
    expect(assignBlockIds([{ kind: 'paragraph', text: 'فقرة أخرى.', id: 'x' }])[0]!.id).toBe(baseBlockId('فقرة أخرى.'));
  });

  it('are valid HTML ids and URL-safe for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 20 }), (texts) => {
        const blocks = assignBlockIds(texts.map((text) => ({ kind: 'paragraph' as const, text })));
        const ids = blocks.map((b) => b.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(isValidBlockId(id)).toBe(true);
          expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(encodeURIComponent(id)).toBe(id);
        }
      }),
    );
  });
});
