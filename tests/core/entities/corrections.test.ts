import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/article/article';
import { applyCorrections, listsWith, toTagOptions, validCorrections, type Correction } from '../../../src/core/entities/corrections';
import { correctionsSpec, deleteCorrection, readCorrections, readPersonalLists, saveCorrection } from '../../../src/core/entities/correction-store';
import { buildReaderEntities, type ReaderMention } from '../../../src/core/entities/reader-entities';
import { createStore } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

const blocks: Block[] = [
  { id: 't-1', kind: 'title', text: 'بوتين يهاتف رئيسي' },
  { id: 'p-1', kind: 'paragraph', text: 'قال الرئيس فلاديمير بوتين إن روسيا وإيران تتعاونان في طهران.' },
];
const p = blocks[1]!.text;
const at = (text: string) => p.indexOf(text);
const mention = (text: string, type: ReaderMention['type'], key: string, blockId = 'p-1', from = 0): ReaderMention => {
  const src = blocks.find((b) => b.id === blockId)!.text;
  const start = src.indexOf(text, from);
  return { blockId, start, end: start + text.length, text, type, key, source: 'model' };
};
const tagged: ReaderMention[] = [
  mention('بوتين', 'PERS', 'PERS:بوتين', 't-1'),
  mention('فلاديمير بوتين', 'PERS', 'PERS:بوتين'),
  mention('روسيا', 'LOC', 'LOC:روسيا'),
  mention('إيران', 'LOC', 'LOC:ايران'),
  mention('طهران', 'LOC', 'LOC:طهران'),
];
let n = 0;
const correction = (c: Omit<Correction, 'id' | 'created' | 'scope'> & Partial<Correction>): Correction => ({ id: `c${++n}`, created: n, scope: 'article', ...c });

describe('applyCorrections', () => {
  it('retypes a mention and regroups it under its own key', () => {
    const c = correction({ kind: 'retype', blockId: 'p-1', start: at('طهران'), end: at('طهران') + 5, text: 'طهران', type: 'ORG' });
    const out = applyCorrections(blocks, tagged, [c]);
    const tehran = out.find((m) => m.text === 'طهران')!;
    expect(tehran).toMatchObject({ type: 'ORG', source: 'reader', correctionId: c.id, key: 'ORG:طهران' });
    const model = buildReaderEntities(blocks, out);
    expect(model.mentionCounts).toMatchObject({ PERS: 2, LOC: 2, ORG: 1 });
    expect(model.byKey.get('ORG:طهران')?.fromReader).toBe(true);
    expect(model.byKey.get('LOC:طهران')).toBeUndefined();
  });

  it('removes the mentions a "not an entity" covers', () => {
    const c = correction({ kind: 'remove', blockId: 'p-1', start: at('روسيا'), end: at('روسيا') + 5, text: 'روسيا' });
    const out = applyCorrections(blocks, tagged, [c]);
    expect(out.map((m) => m.text)).not.toContain('روسيا');
    expect(out).toHaveLength(4);
  });

  it('adds a span, replacing what it overlaps, and joins an entity of the same type and name', () => {
    const title = correction({ kind: 'add', blockId: 't-1', start: 0, end: 5, text: 'بوتين', type: 'PERS' });
    const added = correction({ kind: 'add', blockId: 'p-1', start: at('الرئيس فلاديمير'), end: at('الرئيس فلاديمير') + 'الرئيس فلاديمير بوتين'.length, text: 'الرئيس فلاديمير بوتين', type: 'PERS' });
    const out = applyCorrections(blocks, tagged, [title, added]);
    const model = buildReaderEntities(blocks, out);
    expect(model.byKey.get('PERS:بوتين')!.mentions.map((m) => [m.blockId, m.text, m.source])).toEqual([['t-1', 'بوتين', 'reader']]);
    const full = out.find((m) => m.text === 'الرئيس فلاديمير بوتين')!;
    expect(full.source).toBe('reader');
    expect(out.filter((m) => m.text === 'فلاديمير بوتين')).toHaveLength(0);
  });

  it('ignores a correction whose text no longer matches the article', () => {
    const stale = correction({ kind: 'remove', blockId: 'p-1', start: at('روسيا'), end: at('روسيا') + 5, text: 'موسكو' });
    const gone = correction({ kind: 'remove', blockId: 'p-zzz', start: 0, end: 5, text: 'روسيا' });
    expect(validCorrections(blocks, [stale, gone])).toEqual([]);
    expect(applyCorrections(blocks, tagged, [stale, gone])).toEqual(tagged);
  });

  it('applies corrections in the order they were made', () => {
    const span = { blockId: 'p-1', start: at('طهران'), end: at('طهران') + 5, text: 'طهران' };
    const first = correction({ ...span, kind: 'retype', type: 'ORG', created: 1 });
    const second = correction({ ...span, kind: 'retype', type: 'MISC', created: 2 });
    expect(applyCorrections(blocks, tagged, [second, first]).find((m) => m.text === 'طهران')?.type).toBe('MISC');
  });
});

describe('stored corrections and personal lists', () => {
  it('saves per article, replaces a correction on the same span, survives a new store over the same storage', () => {
    const storage = new MemoryStorage();
    const store = createStore(storage, null);
    const span = { blockId: 'p-1', start: 10, end: 15, text: 'بوتين' };
    saveCorrection(store, 'a1', correction({ ...span, kind: 'retype', type: 'ORG' }));
    saveCorrection(store, 'a1', correction({ ...span, kind: 'remove' }));
    saveCorrection(store, 'a2', correction({ ...span, kind: 'add', type: 'PERS' }));
    const again = createStore(storage, null);
    expect(readCorrections(again, 'a1').map((c) => c.kind)).toEqual(['remove']);
    expect(readCorrections(again, 'a2')).toHaveLength(1);
    expect(readPersonalLists(again)).toEqual({ names: [], nonNames: [] });
  });

  it('"in every article" fills the personal lists and removing the correction takes it back', () => {
    const store = createStore(new MemoryStorage(), null);
    const name = correction({ kind: 'add', blockId: 'p-1', start: 0, end: 5, text: 'مجموعة العشرين', type: 'ORG', scope: 'everywhere' });
    const non = correction({ kind: 'remove', blockId: 'p-2', start: 0, end: 5, text: 'الرئيس', scope: 'everywhere' });
    saveCorrection(store, 'a1', name);
    saveCorrection(store, 'a1', non);
    expect(readPersonalLists(store)).toEqual({ names: [{ text: 'مجموعة العشرين', type: 'ORG' }], nonNames: ['الرئيس'] });
    expect(toTagOptions(readPersonalLists(store))).toEqual({ names: [{ text: 'مجموعة العشرين', type: 'ORG' }], nonNames: ['الرئيس'] });
    deleteCorrection(store, 'a1', name.id);
    expect(readPersonalLists(store).names).toEqual([]);
    expect(readCorrections(store, 'a1').map((c) => c.id)).toEqual([non.id]);
  });

  it('a name and a non-name for the same text (any spelling) replace each other', () => {
    const base = { names: [{ text: 'طهران', type: 'LOC' as const }], nonNames: [] };
    const next = listsWith(base, correction({ kind: 'remove', blockId: 'b', start: 0, end: 1, text: 'وطَهران' }));
    expect(next).toEqual({ names: [], nonNames: ['وطَهران'] });
  });

  it('drops invalid stored corrections instead of trusting them', () => {
    const storage = new MemoryStorage();
    const store = createStore(storage, null);
    storage.setItem(correctionsSpec('a1').key, JSON.stringify({ v: 1, data: [{ id: 'x', kind: 'retype', blockId: 'p', start: 5, end: 2, text: 'a', scope: 'article', created: 1 }] }));
    expect(readCorrections(store, 'a1')).toEqual([]);
    expect(store.problems()[0]?.kind).toBe('corrupt');
  });
});
