// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../server/sync-server';
import { DELETED_MAP, NOTES_MAP, personalDocumentName, PROGRESS_MAP } from '../../src/core/schema/sync-documents';
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
const BAD_RECORDS: Array<{ what: string; map: string; key: string; value: unknown; reason: RegExp }> = [
  { what: 'an annotation with an extra 1.5 MB field', map: NOTES_MAP, key: 'extra', value: { ...noteRecord('extra', 'x'), annotation: { ...noteRecord('extra', 'x').annotation, padding: 'x'.repeat(1_500_000) } }, reason: /padding/ },
  { what: 'a note record with an unknown field', map: NOTES_MAP, key: 'unknown', value: { ...noteRecord('unknown', 'x'), script: '<img src=x>' }, reason: /script/ },
  { what: 'a reading position dated "not a date"', map: PROGRESS_MAP, key: 'article-1', value: { blockId: 'p-1', fraction: 0.5, updated: 'not a date' }, reason: /updated/ },
  { what: 'a deletion dated 31 February', map: DELETED_MAP, key: 'gone', value: { deleted: '2026-02-31T10:00:00.000Z' }, reason: /deleted/ },
  { what: 'a note whose parent stamp is 31 February', map: NOTES_MAP, key: 'parent', value: { ...noteRecord('parent', 'x'), parent: '2026-02-31T10:00:00.000Z' }, reason: /parent/ },
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

  it('still accepts the same records when they are valid', async () => {
    const sender = await device();
    sender.doc.getMap(PROGRESS_MAP).set('article-1', { blockId: 'p-1', fraction: 0.5, updated: '2026-02-28T10:00:00.000Z' });
    sender.doc.getMap(DELETED_MAP).set('gone', { deleted: '2026-02-28T10:00:00.000Z' });
    await eventually(() => !sender.provider.hasUnsyncedChanges);
    const fresh = await device();
    expect(fresh.doc.getMap(PROGRESS_MAP).get('article-1')).toEqual({ blockId: 'p-1', fraction: 0.5, updated: '2026-02-28T10:00:00.000Z' });
  });
});
