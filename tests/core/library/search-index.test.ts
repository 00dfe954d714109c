import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/article';
import { deleteImported, renameImported, saveImported } from '../../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { createSearchEngine } from '../../../src/core/library/search-engine';
import type { PassageMark } from '../../../src/core/library/passage';
import { SEARCH_LIMITS } from '../../../src/core/limits';
import { createLibraryIndex, indexTerms, queryTerm, type SearchHit } from '../../../src/core/library/search-index';
import { createIdbStore } from '../../../src/core/storage/idb-store';
import { bundledText } from '../article/helpers';

const seed = parsePlainTextArticle(bundledText('putin-raisi-call.txt'), { id: 'seed' });
const jerash = parsePlainTextArticle(bundledText('jerash-mosaic.txt'), { id: 'jerash' });

function article(id: string, title: string, ...paragraphs: string[]): Article {
  return {
    id,
    title,
    lang: 'ar',
    dir: 'rtl',
    blocks: [{ id: 'title', kind: 'title', text: title }, ...paragraphs.map((text, i) => ({ id: `p-${i + 1}`, kind: 'paragraph' as const, text }))],
  };
}

/** A hit's marks (the whole words), its exact matches, and its passage as one text. */
const marks = (hit: SearchHit) => hit.passage.filter((p): p is PassageMark => typeof p !== 'string');
const exactMatches = (hit: SearchHit) => marks(hit).map((m) => m.words.slice(m.exact.start, m.exact.end));
const passageText = (hit: SearchHit) => hit.passage.map((p) => (typeof p === 'string' ? p : p.words)).join('');

describe('Arabic-aware terms', () => {
  it('folds diacritics, alef and hamza forms, ta marbuta, alef maqsura and case', () => {
    expect(queryTerm('إِيرانَ')).toBe(queryTerm('ايران'));
    expect(queryTerm('مدرسة')).toBe(queryTerm('مدرسه'));
    expect(queryTerm('مستشفى')).toBe(queryTerm('مستشفي'));
    expect(queryTerm('Putin')).toBe('putin');
  });

  it('indexes a word as written and without its clitics; looks a query word up by its stem', () => {
    expect(indexTerms('وبالرئيس')).toEqual(['وبالرييس', 'رييس', '~رس']);
    expect(indexTerms('في')).toEqual(['في']);
    expect(queryTerm('الرئيس')).toBe('رييس');
    expect(indexTerms('ـ')).toBeNull();
  });
});

describe('library index', () => {
  const index = createLibraryIndex();
  index.upsert(article('a', 'عنوان أول', 'التقى الرئيسُ الإيرانيُّ بنظيره في طهران.', 'Talks on oil prices.'));
  index.upsert(article('b', 'عنوان ثان', 'وصل الوفد إلى بطهران صباحًا للمشاركة في المدرسة.'));

  it('finds passages regardless of diacritics, hamza and clitics, with the match in context', () => {
    const hits = index.search('طهران');
    expect(hits.map((h) => `${h.articleId}/${h.blockId}`).sort()).toEqual(['a/p-1', 'b/p-1']);
    const a = hits.find((h) => h.articleId === 'a')!;
    // The marked words run from space to space (markup between a word and its full stop moves the
    // word in WebKit); the match itself is the exact span inside them.
    expect(marks(a).map((m) => m.words)).toEqual(['طهران.']);
    expect(exactMatches(a)).toEqual(['طهران']);
    expect(passageText(a)).toBe('التقى الرئيسُ الإيرانيُّ بنظيره في طهران.');
    const b = hits.find((h) => h.articleId === 'b')!;
    expect(exactMatches(b)).toEqual(['بطهران']);
    expect(a.title).toBe('عنوان أول');
    expect(index.search('الرئيس الايراني').map((h) => h.articleId)).toEqual(['a']);
    expect(index.search('مدرسه').map((h) => h.articleId)).toEqual(['b']);
  });

  it('finds the sample by a quote with a different clitic, as the whole phrase and word by word', () => {
    // The sample reads «للاستخدام في الحرب».
    const sample = createLibraryIndex();
    sample.upsert(seed);
    const block = (query: string) => sample.search(query).map((h) => h.blockId);
    const found = block('للاستخدام في الحرب');
    expect(found).toHaveLength(1);
    for (const query of ['الاستخدام في الحرب', 'استخدام في الحرب', 'والاستخدام في حرب']) expect(block(query), query).toEqual(found);
    for (const word of ['الاستخدام', 'للاستخدام', 'الحرب']) expect(block(word), word).toContain(found[0]);
    const hit = sample.search('الاستخدام في الحرب')[0]!;
    // The mark holds the whole word with its quotation mark; the exact match is inside it.
    expect(marks(hit)[0]!.words).toBe('"للاستخدام');
    // Every word of the query is marked, not only the first (issue 24).
    expect(exactMatches(hit).slice(0, 3)).toEqual(['للاستخدام', 'في', 'الحرب']);
  });

  it('marks every word of a two-word query in the passage (issue 24: only the first was)', () => {
    const un = createLibraryIndex();
    un.upsert(article('u', 'الأمم', 'دعت الأمم المتحدة أمس إلى وقف القتال، وقال الأمين العام للأمم المتحدة إن الوضع خطير.'));
    const [hit] = un.search('الامم المتحده');
    expect(exactMatches(hit!)).toEqual(['الأمم', 'المتحدة', 'للأمم', 'المتحدة']);
    expect(passageText(hit!)).toBe('دعت الأمم المتحدة أمس إلى وقف القتال، وقال الأمين العام للأمم المتحدة إن الوضع خطير.');
  });

  it('finds a name however transliteration spells its long vowels and doubled letters (issue 24)', () => {
    const names = createLibraryIndex();
    names.upsert(article('n', 'خبر', 'قال رئيس الوزراء بنيامين نتنياهو إن المحادثات مستمرة.', 'وصل حسان إلى عمان.'));
    for (const query of ['نتانياهو', 'نتنياهو', 'بنيامين نتانياهو', 'نتانياه']) {
      const [hit] = names.search(query);
      expect(hit?.blockId, query).toBe('p-1');
      expect(exactMatches(hit!), query).toContain('نتنياهو');
    }
    expect(names.search('حسّان').map((h) => h.blockId)).toEqual(['p-2']);
    // Every word still needed; a different name is not found.
    expect(names.search('نتانياهو ترامب')).toEqual([]);
    expect(names.search('شارون')).toEqual([]);
  });

  it('matches English regardless of case, every word required, the last as a prefix', () => {
    expect(index.search('OIL pri').map((h) => h.blockId)).toEqual(['p-2']);
    expect(index.search('oil طهران')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('reads only the first SEARCH_LIMITS words of a query (a pasted page is looked up as its start)', () => {
    const pasted = Array.from({ length: 12_000 }, (_, i) => (i % 2 === 0 ? 'oil' : 'prices')).join(' ');
    expect(pasted.length).toBeGreaterThan(60_000);
    expect(index.search(`${pasted} طهران`).map((h) => h.blockId)).toEqual(['p-2']);
    // A word past the limit is not required: the query still finds the passage.
    const within = Array.from({ length: SEARCH_LIMITS.words }, () => 'oil').join(' ');
    expect(index.search(`${within} طهران`).map((h) => h.blockId)).toEqual(index.search('oil').map((h) => h.blockId));
    expect(index.search(`oil طهران`)).toEqual([]);
  });

  it('replaces an article on upsert and forgets it on remove', () => {
    const local = createLibraryIndex();
    local.upsert(article('x', 'قديم', 'نص عن الزيتون'));
    local.upsert(article('x', 'جديد', 'نص عن القمح'));
    expect(local.search('زيتون')).toEqual([]);
    expect(local.search('قمح')[0]?.title).toBe('جديد');
    local.remove('x');
    expect(local.search('قمح')).toEqual([]);
    expect(local.size).toBe(0);
  });
});

describe('search engine over IndexedDB', () => {
  it('indexes what is stored, follows edits and deletes, and keeps articles added from outside', async () => {
    const db = createIdbStore({ factory: new IDBFactory() });
    await saveImported(db, seed, 'import');
    const engine = createSearchEngine(db);
    expect((await engine.sync()).articles).toBe(1);
    expect(engine.search('بوتين').length).toBeGreaterThan(0);
    expect(engine.search('فسيفساء')).toEqual([]);

    await saveImported(db, jerash, 'import');
    await engine.sync();
    expect(engine.search('فسيفساء')[0]?.articleId).toBe('jerash');

    await renameImported(db, 'seed', 'مكالمة هاتفية طويلة');
    await engine.refresh(['seed']);
    expect(engine.search('مكالمة هاتفية')[0]).toMatchObject({ articleId: 'seed', blockId: seed.blocks[0]!.id, title: 'مكالمة هاتفية طويلة' });

    await engine.addArticles([article('bundled', 'مرفق', 'نص عن الزعتر')]);
    await deleteImported(db, 'seed');
    await engine.sync();
    expect(engine.search('بوتين')).toEqual([]);
    expect(engine.search('زعتر')[0]?.articleId).toBe('bundled');
  });

  it('re-indexes an article whose text changed behind its back (another tab), by its revision', async () => {
    const db = createIdbStore({ factory: new IDBFactory() });
    await saveImported(db, seed, 'import');
    const engine = createSearchEngine(db);
    await engine.sync();
    await renameImported(db, 'seed', 'عنوان جديد تماما');
    await engine.sync();
    expect(engine.search('عنوان جديد')[0]?.articleId).toBe('seed');
  });
});
