import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/article/article';
import type { TagResult } from '../../../src/core/entities/entities';
import { buildReaderEntities, groupByType, mentionsFromTagResult, readerKey, wikipediaSearchUrl } from '../../../src/core/entities/reader-entities';
import { toggleType } from '../../../src/core/entities/entity-display-store';

const blocks: Block[] = [
  { id: 't', kind: 'title', text: 'بوتين وطهران' },
  { id: 'p', kind: 'paragraph', text: 'التقى بوتين في طهران ثم عاد بوتين إلى موسكو.' },
];
const p = blocks[1]!.text;
const span = (block: number, text: string, from = 0) => {
  const src = blocks[block]!.text;
  const start = src.indexOf(text, from);
  return { block, start, end: start + text.length, text };
};
const result: TagResult = {
  mentions: [
    { ...span(1, 'بوتين'), type: 'PERS', key: 'PERS:بوتين', source: 'model', confidence: 1 },
    { ...span(0, 'بوتين'), type: 'PERS', key: 'PERS:بوتين', source: 'model', confidence: 1 },
    { ...span(1, 'طهران'), type: 'LOC', key: 'LOC:طهران', source: 'model', confidence: 1 },
    { ...span(1, 'بوتين', p.indexOf('عاد')), type: 'PERS', key: 'PERS:بوتين', source: 'model', confidence: 1 },
    { ...span(1, 'موسكو'), type: 'LOC', key: 'LOC:موسكو', source: 'reader', confidence: 1 },
    { block: 1, start: 0, end: 3, type: 'LOC', text: 'wrong', key: 'LOC:x', source: 'model', confidence: 1 },
  ],
  entities: [],
};

describe('reader entities', () => {
  it('anchors mentions by block id, dropping ones whose text does not match', () => {
    const mentions = mentionsFromTagResult(blocks, result);
    expect(mentions).toHaveLength(5);
    expect(mentions.every((m) => blocks.find((b) => b.id === m.blockId)!.text.slice(m.start, m.end) === m.text)).toBe(true);
  });

  it('groups in reading order, most mentioned first, counts per type, decorations per block', () => {
    const model = buildReaderEntities(blocks, mentionsFromTagResult(blocks, result));
    expect(model.entities.map((e) => [e.key, e.mentions.length])).toEqual([
      ['PERS:بوتين', 3],
      ['LOC:طهران', 1],
      ['LOC:موسكو', 1],
    ]);
    expect(model.entities[0]!.mentions.map((m) => m.blockId)).toEqual(['t', 'p', 'p']);
    expect(model.mentionCounts).toEqual({ PERS: 3, LOC: 2, ORG: 0, MISC: 0, DATE: 0 });
    expect(model.decorations.get('p')!.filter((d) => d.id === 'PERS:بوتين').map((d) => d.mentionIndex)).toEqual([1, 2]);
    expect(model.byKey.get('LOC:موسكو')!.fromReader).toBe(true);
    expect(groupByType(model.entities).map((g) => g.type)).toEqual(['PERS', 'LOC']);
  });

  it('keys a name the reader typed without diacritics and clitics', () => {
    expect(readerKey('LOC', 'وطَهران')).toBe('LOC:طهران');
  });

  it('links a Wikipedia search and toggles types in legend order', () => {
    expect(wikipediaSearchUrl('فلاديمير بوتين')).toBe('https://ar.wikipedia.org/w/index.php?search=%D9%81%D9%84%D8%A7%D8%AF%D9%8A%D9%85%D9%8A%D8%B1%20%D8%A8%D9%88%D8%AA%D9%8A%D9%86');
    expect(toggleType(['DATE'], 'PERS')).toEqual(['PERS', 'DATE']);
    expect(toggleType(['PERS', 'DATE'], 'PERS')).toEqual(['DATE']);
  });
});
