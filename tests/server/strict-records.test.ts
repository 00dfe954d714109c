// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../server/sync-server';
import { ARTICLES_MAP, CORRECTIONS_MAP, DELETED_MAP, NAMES_MAP, NOTES_MAP, personalDocumentName, PROGRESS_MAP } from '../../src/core/schema/sync-documents';
import type { StoredArticle } from '../../src/core/schema/stored-article';
import { parsePlainTextArticle } from '../../src/core/article/parse-text';
import { SYNC_LIMITS } from '../../src/core/limits';
import { closedWithin, connectDevice, eventually, login, noteRecord, type TestDevice } from './client';
import { freePort, PASSWORD, startDatabase, type TestDatabase } from './services';

/**
 * The server validates every record with the same strict schemas as the app: an update carrying one
 * bad record is refused whole (the device is told why) and nothing of it is stored or reaches the
 * reader's other devices.
 */
const NAME = personalDocumentName('amal');
let database: TestDatabase;
let server: RunningSyncServer;
let token = '';
const devices: TestDevice[] = [];

async function device(): Promise<TestDevice> {
  const d = connectDevice(server.url, NAME, token);
  devices.push(d);
  await d.ready;
  return d;
}

beforeAll(async () => {
  database = await startDatabase(['amal']);
  server = await startSyncServer({ sql: database.sql, port: await freePort() });
  token = (await login(server.url, 'amal', PASSWORD)).body.token as string;
}, 60_000);

afterAll(async () => {
  for (const d of devices) d.destroy();
  await server?.stop();
  await database?.stop();
}, 30_000);

const good = noteRecord('good', 'a valid note sent with the bad record');
const article: StoredArticle = {
  article: parsePlainTextArticle('عنوان المقال\n\nفقرة من نص المقال المستورد.', { id: 'imp-strict' }),
  importedAt: '2026-05-01T08:00:00.000Z',
  origin: 'import',
  tags: [],
  archived: false,
};
const correction = { id: 'c1', kind: 'add', blockId: 'p-1', start: 0, end: 3, text: 'نصّ', type: 'PERS', scope: 'article', created: 1_700_000_000_000 };
const BAD_RECORDS: Array<{ what: string; map: string; key: string; value: unknown; reason: RegExp }> = [
  { what: 'an annotation with an extra 1.5 MB field', map: NOTES_MAP, key: 'extra', value: { ...noteRecord('extra', 'x'), annotation: { ...noteRecord('extra', 'x').annotation, padding: 'x'.repeat(1_500_000) } }, reason: /padding/ },
  { what: 'a note record with an unknown field', map: NOTES_MAP, key: 'unknown', value: { ...noteRecord('unknown', 'x'), script: '<img src=x>' }, reason: /script/ },
  { what: 'a reading position dated "not a date"', map: PROGRESS_MAP, key: 'article-1', value: { blockId: 'p-1', fraction: 0.5, updated: 'not a date' }, reason: /updated/ },
  { what: 'a deletion dated 31 February', map: DELETED_MAP, key: 'gone', value: { deleted: '2026-02-31T10:00:00.000Z' }, reason: /deleted/ },
  { what: 'a note whose parent stamp is 31 February', map: NOTES_MAP, key: 'parent', value: { ...noteRecord('parent', 'x'), parent: '2026-02-31T10:00:00.000Z' }, reason: /parent/ },
  { what: 'an article with an unknown field in a paragraph', map: ARTICLES_MAP, key: article.article.id, value: { item: { ...article, article: { ...article.article, blocks: article.article.blocks.map((b) => ({ ...b, style: 'x' })) } }, version: 'v1' }, reason: /blocks\.0\.style: unknown field/ },
  { what: 'an article imported on 31 February', map: ARTICLES_MAP, key: article.article.id, value: { item: { ...article, importedAt: '2026-02-31T08:00:00.000Z' }, version: 'v1' }, reason: /importedAt/ },
  { what: 'an entity correction with an unknown field', map: CORRECTIONS_MAP, key: 'article-1/c1', value: { articleId: 'article-1', correction: { ...correction, note: 'x' } }, reason: /correction\.note: unknown field/ },
  { what: 'a name longer than the limit', map: NAMES_MAP, key: 'name', value: { text: 'ن'.repeat(SYNC_LIMITS.nameTextLength + 1), type: 'PERS' }, reason: /text/ },
];

describe('refuses whole, says why, stores nothing', () => {
  for (const bad of BAD_RECORDS) {
    it(bad.what, async () => {
      const sender = await device();
      const other = await device();
      // One update: a good record and the bad one in the same transaction.
      sender.doc.transact(() => {
        sender.doc.getMap(NOTES_MAP).set(`good-${bad.key}`, good);
        sender.doc.getMap(bad.map).set(bad.key, bad.value);
      });
      const [reason] = await closedWithin(3_000, sender);
      expect(reason).toMatch(bad.reason);
      const fresh = await device();
      await new Promise((r) => setTimeout(r, 300));
      for (const d of [other, fresh]) {
        expect(d.doc.getMap(NOTES_MAP).has(`good-${bad.key}`)).toBe(false);
        expect(d.doc.getMap(bad.map).has(bad.key)).toBe(false);
      }
    });
  }

  it('an existing note overwritten with an unknown field (an update that does not name its map)', async () => {
    const sender = await device();
    sender.doc.getMap(NOTES_MAP).set('kept', noteRecord('kept', 'the valid version'));
    await eventually(() => !sender.provider.hasUnsyncedChanges);
    sender.doc.getMap(NOTES_MAP).set('kept', { ...noteRecord('kept', 'x'), annotation: { ...noteRecord('kept', 'x').annotation, onclick: 'alert(1)' } });
    expect((await closedWithin(3_000, sender))[0]).toMatch(/annotation\.onclick: unknown field/);
    const fresh = await device();
    expect((fresh.doc.getMap(NOTES_MAP).get('kept') as { annotation: { note: string } }).annotation.note).toBe('the valid version');
  });

  it('still accepts the same records when they are valid', async () => {
    const sender = await device();
    sender.doc.getMap(PROGRESS_MAP).set('article-1', { blockId: 'p-1', fraction: 0.5, updated: '2026-02-28T10:00:00.000Z' });
    sender.doc.getMap(DELETED_MAP).set('gone', { deleted: '2026-02-28T10:00:00.000Z' });
    sender.doc.getMap(ARTICLES_MAP).set(article.article.id, { item: article, version: 'v1' });
    sender.doc.getMap(CORRECTIONS_MAP).set('article-1/c1', { articleId: 'article-1', correction });
    await eventually(() => !sender.provider.hasUnsyncedChanges);
    const fresh = await device();
    expect(fresh.doc.getMap(PROGRESS_MAP).get('article-1')).toEqual({ blockId: 'p-1', fraction: 0.5, updated: '2026-02-28T10:00:00.000Z' });
    expect(fresh.doc.getMap(ARTICLES_MAP).has(article.article.id) && fresh.doc.getMap(CORRECTIONS_MAP).has('article-1/c1')).toBe(true);
  });
});
