import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listSummaries, saveImported, getImported, deleteImported, setArticleGroups, setArticleTags } from '../../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { SYNC_LIMITS } from '../../../src/core/limits';
import { createIdbStore, type IdbStore } from '../../../src/core/storage/idb-store';
import { createStore, type Store } from '../../../src/core/storage/storage';
import { ARTICLES_MAP } from '../../../src/core/schema/sync-documents';
import { mirrorGroupArticles, publishGroupArticles, syncLibraryPass } from '../../../src/core/sync/library-sync';
import { MemoryStorage } from '../../helpers/memory-storage';

interface Device {
  readonly store: Store;
  readonly db: IdbStore;
  readonly doc: Y.Doc;
}

function device(): Device {
  return { store: createStore(new MemoryStorage(), null), db: createIdbStore({ factory: new IDBFactory() }), doc: new Y.Doc() };
}

function connect(server: Y.Doc, doc: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
}

async function relay(server: Y.Doc, from: Device, to: Device) {
  await syncLibraryPass(from.store, from.db, from.doc, 'amal@s');
  connect(server, from.doc);
  connect(server, to.doc);
  return syncLibraryPass(to.store, to.db, to.doc, 'amal@s');
}

let articles = 0;
function article(title: string, body = 'فقرة أولى من نص المقال. وجملة ثانية فيه.') {
  articles += 1;
  return parsePlainTextArticle(`${title}\n\n${body}`, { id: `imp-${articles}` });
}

const titles = async (db: IdbStore) => (await listSummaries(db)).map((s) => s.title).sort();

describe('syncLibraryPass', () => {
  it('carries an imported article, its tags and its deletion to another device', async () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    const first = article('مقال من الهاتف');
    await saveImported(phone.db, first, 'import', { name: 'a.txt', now: new Date('2026-05-01T08:00:00Z') });
    expect((await relay(server, phone, laptop)).received).toBe(1);
    expect(await getImported(laptop.db, first.id)).toEqual(await getImported(phone.db, first.id));

    await setArticleTags(laptop.db, first.id, ['اقتصاد']);
    await relay(server, laptop, phone);
    expect((await getImported(phone.db, first.id))?.tags).toEqual(['اقتصاد']);

    await deleteImported(phone.db, first.id);
    const result = await relay(server, phone, laptop);
    expect(result.removed).toBe(1);
    expect(await titles(laptop.db)).toEqual([]);
    expect(server.getMap(ARTICLES_MAP).size).toBe(0);
  });

  it('brings back an article deleted on one device and changed on the other', async () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    const first = article('مقال');
    await saveImported(phone.db, first, 'import');
    await relay(server, phone, laptop);
    await deleteImported(phone.db, first.id);
    await setArticleTags(laptop.db, first.id, ['مهم']);
    await relay(server, laptop, phone);
    expect((await getImported(phone.db, first.id))?.tags).toEqual(['مهم']);
  });

  it('refuses a document value that is not a valid article, and stores nothing of it', async () => {
    const laptop = device();
    const good = article('مقال سليم');
    const phone = device();
    await saveImported(phone.db, good, 'import');
    await syncLibraryPass(phone.store, phone.db, phone.doc, 'amal@s');
    const record = phone.doc.getMap(ARTICLES_MAP).get(good.id) as { item: { article: object }; version: string };
    laptop.doc.getMap(ARTICLES_MAP).set('evil', { ...record, item: { ...record.item, article: { ...record.item.article, id: 'evil', title: '' } } });
    laptop.doc.getMap(ARTICLES_MAP).set('stolen-id', record);
    laptop.doc.getMap(ARTICLES_MAP).set('no-version', { item: record.item });
    const result = await syncLibraryPass(laptop.store, laptop.db, laptop.doc, 'amal@s');
    expect(result.refused).toBe(3);
    expect(await titles(laptop.db)).toEqual([]);
  });

  it('keeps an article over the size limit on its device and says so, once per version', async () => {
    const phone = device();
    const paragraph = 'كلمة '.repeat(3_000);
    const big = article('مقال طويل جدا', Array.from({ length: Math.ceil(SYNC_LIMITS.articleBytes / new TextEncoder().encode(paragraph).byteLength) + 5 }, () => paragraph).join('\n\n'));
    await saveImported(phone.db, big, 'import');
    const oversized = new Set<string>();
    const result = await syncLibraryPass(phone.store, phone.db, phone.doc, 'amal@s', oversized);
    expect(result).toMatchObject({ sent: 0, tooLarge: 1 });
    expect(phone.doc.getMap(ARTICLES_MAP).size).toBe(0);
    expect(oversized.size).toBe(1);
    expect((await syncLibraryPass(phone.store, phone.db, phone.doc, 'amal@s', oversized)).tooLarge).toBe(1);
  });
});

describe('articles shared with a group', () => {
  const from = { group: 'مكتب الأخبار', author: 'amal' };

  it("puts the author's shared articles, without their tags, in the members' libraries marked with the group, and takes them back when unshared", async () => {
    const amal = device();
    const badr = device();
    const groupDoc = new Y.Doc();
    const shared = article('مقال للمكتب');
    const kept = article('مقال خاص');
    await saveImported(amal.db, shared, 'import');
    await saveImported(amal.db, kept, 'import');
    await setArticleTags(amal.db, shared.id, ['خاص بي']);
    await setArticleGroups(amal.db, shared.id, [from.group, 'قسم آخر']);
    expect(await publishGroupArticles(amal.db, groupDoc, from.group)).toMatchObject({ sent: 1, removed: 0 });
    expect(await publishGroupArticles(amal.db, groupDoc, from.group)).toMatchObject({ sent: 0 });

    const memberDoc = new Y.Doc();
    Y.applyUpdate(memberDoc, Y.encodeStateAsUpdate(groupDoc));
    expect(await mirrorGroupArticles(badr.db, memberDoc, from)).toMatchObject({ received: 1, refused: 0 });
    const mirrored = await getImported(badr.db, shared.id);
    expect(mirrored).toMatchObject({ article: shared, tags: [], sharedBy: from });
    expect(mirrored?.groups).toBeUndefined();
    expect(await mirrorGroupArticles(badr.db, memberDoc, from)).toMatchObject({ received: 0 });
    // A member's library document never carries what others shared.
    await syncLibraryPass(badr.store, badr.db, badr.doc, 'badr@s');
    expect(badr.doc.getMap(ARTICLES_MAP).size).toBe(0);

    await setArticleGroups(amal.db, shared.id, ['قسم آخر']);
    expect(await publishGroupArticles(amal.db, groupDoc, from.group)).toMatchObject({ removed: 1 });
    Y.applyUpdate(memberDoc, Y.encodeStateAsUpdate(groupDoc));
    expect(await mirrorGroupArticles(badr.db, memberDoc, from)).toMatchObject({ removed: 1 });
    expect(await titles(badr.db)).toEqual([]);
  });

  it("leaves a member's own copy of the article alone and refuses invalid values", async () => {
    const badr = device();
    const own = article('نسخة بدر');
    await saveImported(badr.db, own, 'import');
    await setArticleTags(badr.db, own.id, ['لي']);
    const doc = new Y.Doc();
    const amal = device();
    await saveImported(amal.db, own, 'import');
    await setArticleGroups(amal.db, own.id, [from.group]);
    await publishGroupArticles(amal.db, doc, from.group);
    Y.applyUpdate(badr.doc, Y.encodeStateAsUpdate(doc));
    badr.doc.getMap(ARTICLES_MAP).set('evil', { item: { article: { id: 'evil' } }, version: 'v' });
    expect(await mirrorGroupArticles(badr.db, badr.doc, from)).toMatchObject({ received: 0, refused: 1 });
    expect((await getImported(badr.db, own.id))?.tags).toEqual(['لي']);
  });
});
