import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../src/core/annotations/annotation';
import type { Article } from '../../../src/core/article/article';
import { articleRevision, saveImported } from '../../../src/core/article/article-store';
import type { Correction } from '../../../src/core/entities/corrections';
import type { TagResult } from '../../../src/core/entities/entities';
import {
  articleMentions,
  articlesByEntity,
  entitiesRecordSpec,
  mentionsOverTime,
  mergeLibraryEntities,
  namedWith,
  notesNearMentions,
  type CachedMention,
} from '../../../src/core/library/library-entities';
import { createIdbStore } from '../../../src/core/storage/idb-store';

const m = (key: string, text: string, blockId = 'p-1', start = 0): CachedMention => ({ blockId, start, end: start + text.length, type: key.slice(0, key.indexOf(':')) as CachedMention['type'], key, text });

describe('merging names across articles', () => {
  const perArticle = [
    { articleId: 'a', mentions: [m('PERS:بوتين', 'بوتين'), m('PERS:بوتين', 'فلاديمير بوتين', 'p-2'), m('LOC:طهران', 'طهران')] },
    { articleId: 'b', mentions: [m('PERS:بوتين', 'لبوتين'), m('LOC:موسكو', 'موسكو'), m('LOC:طهران', 'بطهران')] },
    { articleId: 'c', mentions: [m('LOC:موسكو', 'موسكو'), m('DATE:2024', '2024')] },
  ];
  const merged = mergeLibraryEntities(perArticle);

  it('groups by the reader’s key, most mentioned first, names each entity by its longest form', () => {
    expect(merged.map((e) => [e.key, e.mentionCount, e.articles.length])).toEqual([
      ['PERS:بوتين', 3, 2],
      ['LOC:طهران', 2, 2],
      ['LOC:موسكو', 2, 2],
      ['DATE:2024', 1, 1],
    ]);
    expect(merged[0]!.name).toBe('فلاديمير بوتين');
    expect(merged[0]!.articles[0]).toMatchObject({ articleId: 'a' });
  });

  it('finds who is named with whom, by shared articles, dates left out', () => {
    expect(namedWith(merged, 'PERS:بوتين').map((x) => [x.entity.key, x.articles])).toEqual([
      ['LOC:طهران', 2],
      ['LOC:موسكو', 1],
    ]);
    expect(namedWith(merged, 'nobody')).toEqual([]);
  });

  it('counts mentions per month by the articles’ dates', () => {
    const refs = new Map([
      ['a', { id: 'a', title: 'a', lang: 'ar', dir: 'rtl' as const, date: '2024-09-19' }],
      ['b', { id: 'b', title: 'b', lang: 'ar', dir: 'rtl' as const, date: '2024-01-02' }],
    ]);
    expect(mentionsOverTime(merged[0]!, refs)).toEqual([
      { month: '2024-01', mentions: 1 },
      { month: '2024-09', mentions: 2 },
    ]);
  });

  it('keeps the notes in the blocks where the entity is named', () => {
    const note = (id: string, blockId: string) => ({ id, target: { blockId } }) as unknown as Annotation;
    expect(notesNearMentions([note('n1', 'p-2'), note('n2', 'p-9')], merged[0]!.articles[0]!.mentions).map((n) => n.id)).toEqual(['n1']);
  });
});

describe('per-article cache', () => {
  const article: Article = {
    id: 'art',
    title: 'بوتين في موسكو',
    lang: 'ar',
    dir: 'rtl',
    blocks: [
      { id: 'title', kind: 'title', text: 'بوتين في موسكو' },
      { id: 'p-1', kind: 'paragraph', text: 'وصل بوتين إلى موسكو.' },
    ],
  };
  const result: TagResult = {
    mentions: [
      { block: 0, start: 0, end: 5, type: 'PERS', text: 'بوتين', key: 'PERS:بوتين', source: 'model', confidence: 1 },
      { block: 1, start: 4, end: 9, type: 'PERS', text: 'بوتين', key: 'PERS:بوتين', source: 'model', confidence: 1 },
      { block: 1, start: 14, end: 19, type: 'LOC', text: 'موسكو', key: 'LOC:موسكو', source: 'model', confidence: 1 },
    ],
    entities: [],
  };
  const context = { lists: { names: [], nonNames: [] }, corrections: [] as Correction[], modelId: 'model-1' };

  it('tags once, then reads the cache until the text, lists, corrections or model change; corrections applied', async () => {
    const db = createIdbStore({ factory: new IDBFactory() });
    const tag = vi.fn(async () => result);
    const source = { id: 'art', textRevision: articleRevision(article), load: async () => article };
    const first = await articleMentions(db, tag, source, context, undefined);
    expect(first?.map((x) => x.key)).toEqual(['PERS:بوتين', 'PERS:بوتين', 'LOC:موسكو']);
    const cached = await db.get(entitiesRecordSpec, 'art');
    expect(await articleMentions(db, tag, source, context, cached)).toEqual(first);
    expect(tag).toHaveBeenCalledTimes(1);

    // The reader said «موسكو» in the paragraph is not a name: re-tagged, the correction applied.
    const notAName: Correction = { id: 'c1', kind: 'remove', blockId: 'p-1', start: 14, end: 19, text: 'موسكو', scope: 'article', created: 1 };
    const corrected = await articleMentions(db, tag, source, { ...context, corrections: [notAName] }, cached);
    expect(corrected?.map((x) => x.key)).toEqual(['PERS:بوتين', 'PERS:بوتين']);
    expect(tag).toHaveBeenCalledTimes(2);
    await articleMentions(db, tag, source, { ...context, modelId: 'model-2' }, await db.get(entitiesRecordSpec, 'art'));
    await articleMentions(db, tag, source, { ...context, lists: { names: [{ text: 'وصل', type: 'MISC' }], nonNames: [] } }, await db.get(entitiesRecordSpec, 'art'));
    expect(tag).toHaveBeenCalledTimes(4);

    expect([...((await articlesByEntity(db)).byKey.get('PERS:بوتين') ?? [])]).toEqual(['art']);
  });

  it('says the counts are incomplete while a stored article has no cached names', async () => {
    const db = createIdbStore({ factory: new IDBFactory() });
    const article: Article = { id: 'imp-1', title: 'عنوان', lang: 'ar', dir: 'rtl', blocks: [{ id: 'p-1', kind: 'title', text: 'عنوان' }] };
    expect((await articlesByEntity(db)).complete).toBe(true);
    await saveImported(db, article, 'import');
    expect((await articlesByEntity(db)).complete).toBe(false);
    await db.put(entitiesRecordSpec, 'imp-1', { revision: 'r', mentions: [] });
    expect((await articlesByEntity(db)).complete).toBe(true);
  });
});
