import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../src/core/article/article-store';
import { continueReading, filterLibrary, libraryItems, readingState, tagsInUse } from '../../../src/core/library/library-view';

const summary = (id: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  title: `title ${id}`,
  lang: 'ar',
  dir: 'rtl',
  lead: '',
  words: 10,
  importedAt: `2024-01-0${id.length}T00:00:00.000Z`,
  origin: 'import',
  tags: [],
  archived: false,
  ...extra,
});

const summaries = [
  summary('a', { title: 'ب', published: '2023-05-01', tags: ['اقتصاد'] }),
  summary('bb', { title: 'أ', published: '2024-05-01', tags: ['سياسة', 'إقتصاد'] }),
  summary('ccc', { title: 'ج', archived: true, tags: ['أرشيف'] }),
  summary('dddd', { title: 'د' }),
];
const progress = {
  a: { fraction: 0.4, updated: '2024-03-01T00:00:00.000Z' },
  bb: { fraction: 0.95, updated: '2024-03-05T00:00:00.000Z' },
  ccc: { fraction: 0.2, updated: '2024-03-09T00:00:00.000Z' },
};
const items = libraryItems(summaries, progress, new Map([['dddd', 3]]));
const ids = (list: ReturnType<typeof filterLibrary>) => list.map((i) => i.summary.id);

describe('library view', () => {
  it('derives the reading state from the saved position', () => {
    expect(readingState(undefined)).toBe('unread');
    expect(readingState({ fraction: 0.5, updated: '' })).toBe('in-progress');
    expect(readingState({ fraction: 0.9, updated: '' })).toBe('finished');
    expect(items.map((i) => i.state)).toEqual(['in-progress', 'finished', 'in-progress', 'unread']);
  });

  it('filters by reading state, notes, tag (folded) and keeps the archive apart', () => {
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'all' }))).toEqual(['dddd', 'bb', 'a']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'unread' }))).toEqual(['dddd']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'in-progress' }))).toEqual(['a']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'finished' }))).toEqual(['bb']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'has-notes' }))).toEqual(['dddd']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'archived' }))).toEqual(['ccc']);
    expect(ids(filterLibrary(items, { sort: 'imported', state: 'all', tag: 'اقتصاد' }))).toEqual(['bb', 'a']);
  });

  it('sorts by date read, published and title', () => {
    expect(ids(filterLibrary(items, { sort: 'read', state: 'all' }))).toEqual(['bb', 'a', 'dddd']);
    expect(ids(filterLibrary(items, { sort: 'published', state: 'all' }))).toEqual(['bb', 'a', 'dddd']);
    expect(ids(filterLibrary(items, { sort: 'title', state: 'all' }))).toEqual(['bb', 'a', 'dddd']);
  });

  it('offers the most recently read unfinished, unarchived article to continue', () => {
    expect(continueReading(items)?.summary.id).toBe('a');
    expect(continueReading(items.filter((i) => i.summary.id !== 'a'))).toBeUndefined();
  });

  it('lists each tag once', () => {
    expect(tagsInUse(summaries)).toEqual(['أرشيف', 'اقتصاد', 'سياسة']);
  });
});
