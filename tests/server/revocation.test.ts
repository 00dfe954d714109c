// @vitest-environment node
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGroup, addMember, addUser, removeGroup, removeMember, removeUser, revokeSessions } from '../../server/accounts';
import { openDatabase, type Sql } from '../../server/database';
import { loadStoredDocument } from '../../server/document-store';
import { startSyncServer, type RunningSyncServer } from '../../server/sync-server';
import { groupArticlesDocumentName, groupDocumentName, libraryDocumentName, NOTES_MAP, personalDocumentName } from '../../src/core/schema/sync-documents';
import { CLOSE_REASONS, GROUPS_CHANGED } from '../../src/core/schema/sync-protocol';
import { closedWithin, connectDevice, eventually, login, noteRecord, type TestDevice } from './client';
import { freePort, PASSWORD, startDatabase, startRedis, type Service, type TestDatabase } from './services';

/**
 * Revocation reaches open connections: a password change, a token revocation, a user's removal and a
 * membership change close the affected connections within a second on every instance (two sharing
 * Redis, one alone), with a reason the app understands, and no write sent after the admin command
 * returned is kept. The admin side runs on a connection of its own, as the admin CLI does.
 */
const GROUP = 'مكتب الأخبار';
const WITHIN_MS = 1_000;
let database: TestDatabase;
let redis: Service;
/** The server instances' connection, and the admin's. */
let sql: Sql;
let admin: Sql;
let one: RunningSyncServer;
let two: RunningSyncServer;
let solo: RunningSyncServer;
const devices: TestDevice[] = [];

async function open(server: RunningSyncServer, name: string, user: string, password = PASSWORD): Promise<TestDevice> {
  const { status, body } = await login(server.url, user, password);
  expect(status).toBe(200);
  const device = connectDevice(server.url, name, body.token as string);
  devices.push(device);
  await device.ready;
  return device;
}

const notes = (d: TestDevice) => d.doc.getMap(NOTES_MAP);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedDocuments(user: string): Promise<string[]> {
  const rows = await admin.query<{ name: string }>(
    `SELECT name FROM sync_documents WHERE name LIKE '%' || $1 UNION SELECT doc FROM sync_updates WHERE doc LIKE '%' || $1`,
    [`:${user}`],
  );
  return rows.map((r) => r.name).sort();
}

beforeAll(async () => {
  [database, redis] = await Promise.all([startDatabase(['amal', 'badr', 'carim', 'dalia', 'eid', 'farah']), startRedis()]);
  admin = database.sql;
  sql = await openDatabase({ url: database.postgres.url });
  await addGroup(admin, GROUP);
  for (const user of ['amal', 'badr', 'carim', 'eid']) await addMember(admin, GROUP, user);
  [one, two, solo] = await Promise.all([
    startSyncServer({ sql, port: await freePort(), redisUrl: redis.url }),
    startSyncServer({ sql, port: await freePort(), redisUrl: redis.url }),
    startSyncServer({ sql, port: await freePort() }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const d of devices) d.destroy();
  await Promise.all([one?.stop(), two?.stop(), solo?.stop()]);
  await sql?.close();
  await Promise.all([database?.stop(), redis?.stop()]);
}, 30_000);

describe('ending a user’s sessions', () => {
  it('a password change (the admin CLI) closes every open connection of the user on every instance within a second, and keeps no later write', async () => {
    const devicesOfAmal = await Promise.all([open(one, personalDocumentName('amal'), 'amal'), open(two, personalDocumentName('amal'), 'amal'), open(solo, libraryDocumentName('amal'), 'amal')]);
    const run = promisify(execFile);
    await run(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'user', 'passwd', 'amal', '--password', 'a new password'], { env: { ...process.env, DATABASE_URL: database.postgres.url } });
    const returned = Date.now();
    // Written the moment the command returned, before any notice could reach the instances.
    notes(devicesOfAmal[0]!).set('late', noteRecord('late', 'sent after the password change'));
    expect(await closedWithin(WITHIN_MS, ...devicesOfAmal)).toEqual(Array(3).fill(CLOSE_REASONS.signedOut));
    expect(Date.now() - returned).toBeLessThan(WITHIN_MS);

    const fresh = await open(two, personalDocumentName('amal'), 'amal', 'a new password');
    await pause(300);
    expect(notes(fresh).has('late')).toBe(false);
  });

  it('revoking a user’s tokens closes their connections and refuses the old token, while the password still works', async () => {
    const phone = await open(one, personalDocumentName('badr'), 'badr');
    const laptop = await open(two, personalDocumentName('badr'), 'badr');
    const token = (await login(one.url, 'badr', PASSWORD)).body.token as string;
    await revokeSessions(admin, 'badr');
    notes(laptop).set('late', noteRecord('late', 'sent after the revocation'));
    expect(await closedWithin(WITHIN_MS, phone, laptop)).toEqual([CLOSE_REASONS.signedOut, CLOSE_REASONS.signedOut]);
    await expect(connectDevice(one.url, personalDocumentName('badr'), token).ready).rejects.toThrow(CLOSE_REASONS.signedOut);
    const fresh = await open(one, personalDocumentName('badr'), 'badr');
    await pause(300);
    expect(notes(fresh).has('late')).toBe(false);
  });
});

describe('removing a user', () => {
  it('closes their connections and the group’s views of their notes, deletes their documents for good, and a later user of the same name starts empty', async () => {
    const own = await open(one, personalDocumentName('carim'), 'carim');
    const library = await open(two, libraryDocumentName('carim'), 'carim');
    const inGroup = await open(one, groupDocumentName(GROUP, 'carim'), 'carim');
    const shelf = await open(solo, groupArticlesDocumentName(GROUP, 'carim'), 'carim');
    notes(own).set('private', noteRecord('private', 'carim’s private note'));
    notes(inGroup).set('shared', noteRecord('shared', 'carim’s group note'));
    const colleague = await open(two, groupDocumentName(GROUP, 'carim'), 'eid');
    await eventually(() => notes(colleague).has('shared') && !own.provider.hasUnsyncedChanges);

    await removeUser(admin, 'carim');
    // The open sockets keep writing: none of it may come back.
    notes(own).set('late', noteRecord('late', 'after the removal'));
    notes(inGroup).set('late', noteRecord('late', 'after the removal'));
    const reasons = await closedWithin(WITHIN_MS, own, library, inGroup, shelf, colleague);
    expect(reasons.slice(0, 4)).toEqual(Array(4).fill(CLOSE_REASONS.accountRemoved));
    expect(reasons[4]).toBe(CLOSE_REASONS.authorRemoved);
    await pause(1_500);
    expect(await storedDocuments('carim')).toEqual([]);

    await addUser(admin, 'carim', 'another password');
    await addMember(admin, GROUP, 'carim');
    const newcomer = await open(two, personalDocumentName('carim'), 'carim', 'another password');
    const newcomersGroup = await open(one, groupDocumentName(GROUP, 'carim'), 'carim', 'another password');
    const colleagueAgain = await open(solo, groupDocumentName(GROUP, 'carim'), 'eid');
    await pause(300);
    expect([...notes(newcomer).keys(), ...notes(newcomersGroup).keys(), ...notes(colleagueAgain).keys()]).toEqual([]);
  });
});

describe('group membership', () => {
  it('a member taken out of a group loses its documents within a second on every instance; later group notes do not reach them and their later writes are not kept', async () => {
    const reading = await open(two, groupDocumentName(GROUP, 'amal'), 'eid');
    const writing = await open(one, groupDocumentName(GROUP, 'eid'), 'eid');
    const personal = await open(solo, personalDocumentName('eid'), 'eid');
    const author = await open(one, groupDocumentName(GROUP, 'amal'), 'amal', 'a new password');

    await removeMember(admin, GROUP, 'eid');
    notes(writing).set('late', noteRecord('late', 'after leaving'));
    expect(await closedWithin(WITHIN_MS, reading, writing)).toEqual([CLOSE_REASONS.notInGroup, CLOSE_REASONS.notInGroup]);
    // Told on the document that stays open (the reader's own) that their groups changed.
    await eventually(() => personal.stateless.includes(GROUPS_CHANGED), WITHIN_MS);

    notes(author).set('after', noteRecord('after', 'written after eid left'));
    await eventually(() => !author.provider.hasUnsyncedChanges);
    await pause(500);
    expect(notes(reading).has('after')).toBe(false);
    expect((await loadStoredDocument(admin, groupDocumentName(GROUP, 'eid'))).getMap(NOTES_MAP).has('late')).toBe(false);
  });

  it('tells signed-in members at once when their groups change', async () => {
    const joining = await open(two, personalDocumentName('dalia'), 'dalia');
    const member = await open(solo, personalDocumentName('badr'), 'badr');
    const outsider = await open(one, personalDocumentName('farah'), 'farah');
    await addMember(admin, GROUP, 'dalia');
    await eventually(() => joining.stateless.includes(GROUPS_CHANGED) && member.stateless.includes(GROUPS_CHANGED), WITHIN_MS);
    await pause(300);
    expect(outsider.stateless).toEqual([]);
  });
});

describe('removing a group', () => {
  it('closes every member’s group documents, deletes them, and a later group of the same name starts empty', async () => {
    await addGroup(admin, 'قسم الاقتصاد');
    for (const user of ['badr', 'farah']) await addMember(admin, 'قسم الاقتصاد', user);
    const author = await open(one, groupDocumentName('قسم الاقتصاد', 'badr'), 'badr');
    const reader = await open(two, groupDocumentName('قسم الاقتصاد', 'badr'), 'farah');
    notes(author).set('kept', noteRecord('kept', 'a note in the group'));
    await eventually(() => notes(reader).has('kept'));

    await removeGroup(admin, 'قسم الاقتصاد');
    expect(await closedWithin(WITHIN_MS, author, reader)).toEqual([CLOSE_REASONS.notInGroup, CLOSE_REASONS.notInGroup]);
    await addGroup(admin, 'قسم الاقتصاد');
    for (const user of ['badr', 'farah']) await addMember(admin, 'قسم الاقتصاد', user);
    await pause(1_500);
    const again = await open(solo, groupDocumentName('قسم الاقتصاد', 'badr'), 'farah');
    expect([...notes(again).keys()]).toEqual([]);
  });
});
