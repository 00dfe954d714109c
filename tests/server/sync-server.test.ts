// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { tokenSecret, type Sql } from '../../server/database';
import { addGroup, addMember, setPassword } from '../../server/accounts';
import { startSyncServer, type RunningSyncServer } from '../../server/sync-server';
import { issueToken } from '../../server/tokens';
import { ARTICLES_MAP, NOTES_MAP, groupArticlesDocumentName, groupDocumentName, libraryDocumentName, personalDocumentName, type NoteRecord } from '../../src/core/schema/sync-documents';
import { articleVersion } from '../../src/core/sync/library-sync';
import { summarize, type StoredArticle } from '../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../src/core/article/parse-text';
import { SYNC_LIMITS } from '../../src/core/limits';
import { CLOSE_REASONS } from '../../src/core/schema/sync-protocol';
import { connectDevice, eventually, login, noteRecord, type TestDevice } from './client';
import { freePort, PASSWORD, startDatabase, startRedis, type Service, type TestDatabase } from './services';

/** The sync server against a real PostgreSQL and a real Redis, each on a loopback port of its own. */

let database: TestDatabase;
let redis: Service;
let sql: Sql;
let server: RunningSyncServer;
const devices: TestDevice[] = [];

function device(url: string, name: string, token: string): TestDevice {
  const d = connectDevice(url, name, token);
  devices.push(d);
  return d;
}

async function tokenFor(user: string): Promise<string> {
  const { status, body } = await login(server.url, user, PASSWORD);
  expect(status).toBe(200);
  return body.token as string;
}

beforeAll(async () => {
  [database, redis] = await Promise.all([startDatabase(['amal', 'badr', 'carim', 'dalia', 'eid', 'eid2']), startRedis()]);
  sql = database.sql;
  await addGroup(sql, 'مكتب الأخبار');
  await addMember(sql, 'مكتب الأخبار', 'amal');
  await addMember(sql, 'مكتب الأخبار', 'badr');
  server = await startSyncServer({ sql, port: await freePort(), storeDebounceMs: 50 });
}, 60_000);

afterAll(async () => {
  for (const d of devices) d.destroy();
  await server?.stop();
  await Promise.all([database?.stop(), redis?.stop()]);
}, 30_000);

describe('signing in', () => {
  it('gives a token for the right password and refuses a wrong one', async () => {
    const ok = await login(server.url, 'amal', PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user: 'amal', groups: [{ name: 'مكتب الأخبار', members: ['amal', 'badr'] }] });
    const wrong = await login(server.url, 'amal', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.token).toBeUndefined();
    expect((await login(server.url, 'nobody', PASSWORD)).status).toBe(401);
  });

  it('answers /me for a valid token and refuses a forged one', async () => {
    const token = await tokenFor('badr');
    const me = await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const forged = await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${token.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
  });

  it('names in /me the groups a reader joined after signing in, with the same token', async () => {
    const token = await tokenFor('eid2');
    const groups = async () => ((await (await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { groups: Array<{ name: string }> }).groups;
    expect(await groups()).toEqual([]);
    await addMember(sql, 'مكتب الأخبار', 'eid2');
    expect((await groups()).map((g) => g.name)).toEqual(['مكتب الأخبار']);
  });
});

describe('access to documents', () => {
  it('opens a reader’s own document', async () => {
    const d = device(server.url, personalDocumentName('amal'), await tokenFor('amal'));
    await expect(d.ready).resolves.toBeUndefined();
  });

  it('refuses a forged token, an expired token and a token from before a password change', async () => {
    const secret = await tokenSecret(sql);
    const forged = issueToken({ user: 'amal', exp: Date.now() + 60_000, ver: 1 }, 'not the secret');
    await expect(device(server.url, personalDocumentName('amal'), forged).ready).rejects.toThrow(/forged/);
    const expired = issueToken({ user: 'amal', exp: Date.now() - 1, ver: 1 }, secret);
    await expect(device(server.url, personalDocumentName('amal'), expired).ready).rejects.toThrow(/expired/);
    const before = await tokenFor('dalia');
    await setPassword(sql, 'dalia', 'a new password');
    await expect(device(server.url, personalDocumentName('dalia'), before).ready).rejects.toThrow(CLOSE_REASONS.signedOut);
  });

  it('refuses another reader’s document and a group document to a non-member', async () => {
    const token = await tokenFor('carim');
    await expect(device(server.url, personalDocumentName('amal'), token).ready).rejects.toThrow(/not your document/);
    await expect(device(server.url, groupDocumentName('مكتب الأخبار', 'amal'), token).ready).rejects.toThrow(/not a member/);
    await expect(device(server.url, groupDocumentName('مكتب الأخبار', 'carim'), token).ready).rejects.toThrow(/not a member/);
    await expect(device(server.url, 'somewhere-else', token).ready).rejects.toThrow(/unknown document/);
    await expect(device(server.url, libraryDocumentName('amal'), token).ready).rejects.toThrow(/not your document/);
    await expect(device(server.url, groupArticlesDocumentName('مكتب الأخبار', 'amal'), token).ready).rejects.toThrow(/not a member/);
  });

  it('lets members read each other’s group notes but write only their own', async () => {
    const name = groupDocumentName('مكتب الأخبار', 'amal');
    const author = device(server.url, name, await tokenFor('amal'));
    const member = device(server.url, name, await tokenFor('badr'));
    await Promise.all([author.ready, member.ready]);
    author.doc.getMap(NOTES_MAP).set('g1', noteRecord('g1', 'from amal'));
    await eventually(() => member.doc.getMap(NOTES_MAP).has('g1'));
    member.doc.getMap(NOTES_MAP).set('g2', noteRecord('g2', 'badr writing into amal’s notes'));
    const third = device(server.url, name, await tokenFor('badr'));
    await third.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect([...author.doc.getMap(NOTES_MAP).keys()]).toEqual(['g1']);
    expect([...third.doc.getMap(NOTES_MAP).keys()]).toEqual(['g1']);
  });
});

describe('what a client may send', () => {
  it('refuses an invalid note, markup in a nested type and an oversize update, and keeps the document as it was', async () => {
    const token = await tokenFor('carim');
    const name = personalDocumentName('carim');
    const good = device(server.url, name, token);
    await good.ready;
    good.doc.getMap(NOTES_MAP).set('ok', noteRecord('ok', 'fine'));

    const invalid = device(server.url, name, token);
    await invalid.ready;
    invalid.doc.getMap(NOTES_MAP).set('bad', { annotation: { ...noteRecord('bad', '').annotation, color: 'javascript:alert(1)' }, parent: null });
    expect(await invalid.closed).toMatch(/invalid value at annotation.color/);

    const nested = device(server.url, name, token);
    await nested.ready;
    nested.doc.getMap(NOTES_MAP).set('text', new Y.Text('<img src=x onerror=alert(1)>'));
    expect(await nested.closed).toMatch(/only plain values/);

    const huge = device(server.url, name, token);
    await huge.ready;
    huge.doc.getMap(NOTES_MAP).set('big', noteRecord('big', 'x'.repeat(SYNC_LIMITS.messageBytes)));
    // Over the websocket's largest message: the socket is closed as "message too big".
    expect(await huge.closed).toBe('code 1009');

    const check = device(server.url, name, token);
    await check.ready;
    await eventually(() => check.doc.getMap(NOTES_MAP).has('ok'));
    expect([...check.doc.getMap(NOTES_MAP).keys()]).toEqual(['ok']);
  });
});

describe('imported articles', () => {
  const item: StoredArticle = {
    article: parsePlainTextArticle('عنوان المقال\n\nفقرة من نص المقال المستورد.', { id: 'imp-server' }),
    importedAt: '2026-05-01T08:00:00.000Z',
    origin: 'import',
    tags: [],
    archived: false,
  };

  it('carries an article between a reader’s devices and refuses an invalid or oversize one', async () => {
    const token = await tokenFor('amal');
    const name = libraryDocumentName('amal');
    const phone = device(server.url, name, token);
    const laptop = device(server.url, name, token);
    await Promise.all([phone.ready, laptop.ready]);
    phone.doc.getMap(ARTICLES_MAP).set(item.article.id, { item, version: articleVersion(summarize(item)) });
    await eventually(() => laptop.doc.getMap(ARTICLES_MAP).has(item.article.id));

    const invalid = device(server.url, name, token);
    await invalid.ready;
    invalid.doc.getMap(ARTICLES_MAP).set('bad', { item: { ...item, article: { ...item.article, dir: 'sideways' } }, version: 'v' });
    expect(await invalid.closed).toMatch(/invalid value/);

    const huge = device(server.url, name, token);
    await huge.ready;
    const blocks = Array.from({ length: 120 }, (_, i) => ({ ...item.article.blocks[1]!, id: `p-${i}`, text: 'كلمة '.repeat(2_000) }));
    huge.doc.getMap(ARTICLES_MAP).set('big', { item: { ...item, article: { ...item.article, id: 'big', blocks } }, version: 'v' });
    expect(await huge.closed).toBe('code 1009');

    const check = device(server.url, name, token);
    await check.ready;
    await eventually(() => check.doc.getMap(ARTICLES_MAP).size > 0);
    expect([...check.doc.getMap(ARTICLES_MAP).keys()]).toEqual([item.article.id]);
  });

  it('lets members read the articles a member shares with the group, and only the author write them', async () => {
    const name = groupArticlesDocumentName('مكتب الأخبار', 'amal');
    const author = device(server.url, name, await tokenFor('amal'));
    const member = device(server.url, name, await tokenFor('badr'));
    await Promise.all([author.ready, member.ready]);
    author.doc.getMap(ARTICLES_MAP).set(item.article.id, { item, version: 'v1' });
    await eventually(() => member.doc.getMap(ARTICLES_MAP).has(item.article.id));
    member.doc.getMap(ARTICLES_MAP).set('imp-other', { item: { ...item, article: { ...item.article, id: 'imp-other' } }, version: 'v1' });
    const later = device(server.url, name, await tokenFor('badr'));
    await later.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect([...later.doc.getMap(ARTICLES_MAP).keys()]).toEqual([item.article.id]);
  });
});

describe('persistence and scale-out', () => {
  it('keeps documents across a restart (PostgreSQL)', async () => {
    const token = await tokenFor('badr');
    const name = personalDocumentName('badr');
    const first = device(server.url, name, token);
    await first.ready;
    first.doc.getMap(NOTES_MAP).set('kept', noteRecord('kept', 'survives a restart'));
    await eventually(() => !first.provider.hasUnsyncedChanges);
    first.destroy();
    await server.stop();
    server = await startSyncServer({ sql, port: await freePort(), storeDebounceMs: 50 });
    const again = device(server.url, name, await tokenFor('badr'));
    await again.ready;
    expect((again.doc.getMap(NOTES_MAP).get('kept') as NoteRecord).annotation.note).toBe('survives a restart');
  });

  it('serves one document from two instances sharing Redis', async () => {
    const [one, two] = await Promise.all([
      startSyncServer({ sql, port: await freePort(), redisUrl: redis.url, storeDebounceMs: 50 }),
      startSyncServer({ sql, port: await freePort(), redisUrl: redis.url, storeDebounceMs: 50 }),
    ]);
    try {
      const { body } = await login(one.url, 'amal', PASSWORD);
      const name = personalDocumentName('amal');
      const phone = device(one.url, name, body.token as string);
      const laptop = device(two.url, name, body.token as string);
      await Promise.all([phone.ready, laptop.ready]);
      phone.doc.getMap(NOTES_MAP).set('across', noteRecord('across', 'written through instance one'));
      await eventually(() => laptop.doc.getMap(NOTES_MAP).has('across'));
      laptop.doc.getMap(NOTES_MAP).set('back', noteRecord('back', 'written through instance two'));
      await eventually(() => phone.doc.getMap(NOTES_MAP).has('back'));
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});
