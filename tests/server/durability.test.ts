// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTES_MAP, personalDocumentName } from '../../src/core/schema/sync-documents';
import { connectDevice, eventually, login, noteRecord, type TestDevice } from './client';
import { freePort, PASSWORD, spawnSyncServer, startDatabase, type PostgresService, type SyncServerProcess, type TestDatabase } from './services';

/**
 * An edit the server acknowledged is in the database even if the process dies the next instant:
 * the server runs as its own process (the documented command) and is killed with SIGKILL right after
 * the device saw its last change acknowledged; a new process must serve every one of them.
 */
const EDITS = 120;
let database: TestDatabase;
let postgres: PostgresService;
let server: SyncServerProcess | null = null;
let url = '';
const devices: TestDevice[] = [];

async function start(): Promise<void> {
  // One server at a time: one a test left running is ended first (a no-op for one already gone).
  if (server) {
    server.kill('SIGKILL');
    await server.exited;
  }
  const port = await freePort();
  server = await spawnSyncServer(['--port', String(port)], { ...process.env, DATABASE_URL: postgres.url });
  url = `http://127.0.0.1:${port}`;
}

async function connected(user: string): Promise<TestDevice> {
  const { body } = await login(url, user, PASSWORD);
  const device = connectDevice(url, personalDocumentName(user), body.token as string);
  devices.push(device);
  await device.ready;
  return device;
}

/** Each change in a transaction of its own: one update message each, as a reader's edits arrive. */
async function writeAcknowledged(device: TestDevice, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 1) device.doc.getMap(NOTES_MAP).set(`n${i}`, noteRecord(`n${i}`, `edit ${i}`));
  await eventually(() => !device.provider.hasUnsyncedChanges, 10_000);
}

async function notesOnAFreshDevice(user: string): Promise<number> {
  const reader = await connected(user);
  const count = reader.doc.getMap(NOTES_MAP).size;
  reader.destroy();
  return count;
}

beforeAll(async () => {
  database = await startDatabase(['amal', 'badr', 'carim']);
  postgres = database.postgres;
}, 60_000);

afterAll(async () => {
  for (const device of devices) device.destroy();
  server?.kill('SIGKILL');
  await server?.exited;
  await database?.stop();
}, 30_000);

it('keeps every acknowledged edit when the server is killed (SIGKILL) the moment the last one was acknowledged', async () => {
  await start();
  // Half of them are compacted into the document's snapshot (the device leaves, the server stores it)…
  const first = await connected('amal');
  await writeAcknowledged(first, 0, EDITS / 2);
  first.destroy();
  await new Promise((r) => setTimeout(r, 1_500));
  // …the other half are only acknowledged when the process dies: loading must merge snapshot and log.
  const second = await connected('amal');
  await writeAcknowledged(second, EDITS / 2, EDITS / 2);
  second.stopReconnecting();
  server!.kill('SIGKILL');
  expect(await server!.exited).toBe('SIGKILL');
  second.destroy();

  await start();
  expect(await notesOnAFreshDevice('amal')).toBe(EDITS);
}, 60_000);

it('stops gracefully on SIGTERM: stops accepting, stores every open document, exits', async () => {
  const device = await connected('badr');
  await writeAcknowledged(device, 0, EDITS);
  device.stopReconnecting();
  await server!.stop();
  expect(await server!.exited).toBe(0);
  device.destroy();

  await start();
  expect(await notesOnAFreshDevice('badr')).toBe(EDITS);
}, 60_000);

it('acknowledges nothing while the database is down, says so in /health, and takes the edit once it is back', async () => {
  await start();
  const device = await connected('carim');
  await writeAcknowledged(device, 0, 1);
  await postgres.halt();
  device.doc.getMap(NOTES_MAP).set('during', noteRecord('during', 'written while the database is down'));
  await new Promise((r) => setTimeout(r, 2_000));
  expect(device.provider.hasUnsyncedChanges).toBe(true);
  const health = await fetch(`${url}/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ status: 'failing', database: 'unreachable' });

  await postgres.start();
  // The device reconnects by itself and sends what the server lacks; it is stored this time.
  await eventually(() => device.provider.isSynced && device.provider.hasUnsyncedChanges === false, 20_000);
  await new Promise((r) => setTimeout(r, 1_000));
  // Said once in the log, however many messages it refused.
  expect(server!.stderr().split('\n').filter((l) => /database unreachable/.test(l)).length).toBe(1);
  device.stopReconnecting();
  server!.kill('SIGKILL');
  await server!.exited;
  device.destroy();
  await start();
  const reader = await connected('carim');
  expect(reader.doc.getMap(NOTES_MAP).has('during')).toBe(true);
  reader.destroy();
}, 60_000);
