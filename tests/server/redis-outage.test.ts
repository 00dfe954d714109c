// @vitest-environment node
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NOTES_MAP, personalDocumentName } from '../../src/core/schema/sync-documents';
import { connectDevice, eventually, login, noteRecord, type TestDevice } from './client';
import { freePort, PASSWORD, spawnSyncServer, startDatabase, startRedis, type RedisService, type SyncServerProcess, type TestDatabase } from './services';

/**
 * Redis is an optimisation, not a single point of failure: two instances (separate processes, the
 * documented command) on one PostgreSQL and one Redis; Redis is killed for longer than a client's
 * retries (12 s) while devices write on both instances, then started again.
 */
const OUTAGE_MS = 12_000;
let database: TestDatabase;
let redis: RedisService;
const servers: SyncServerProcess[] = [];
const devices: TestDevice[] = [];

async function instance(): Promise<string> {
  const port = await freePort();
  // Snapshots are not written during the test: only Redis can bring the instances back in step.
  servers.push(await spawnSyncServer(['--port', String(port), '--store-debounce', '120000'], { ...process.env, DATABASE_URL: database.postgres.url, REDIS_URL: redis.url }));
  return `http://127.0.0.1:${port}`;
}

function device(url: string, token: string): TestDevice {
  const d = connectDevice(url, personalDocumentName('amal'), token);
  devices.push(d);
  return d;
}

async function health(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
}

const notes = (d: TestDevice) => d.doc.getMap(NOTES_MAP);
const alive = async (server: SyncServerProcess) => (await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('running'), 50))])) === 'running';

beforeAll(async () => {
  [database, redis] = await Promise.all([startDatabase(['amal']), startRedis()]);
}, 60_000);

afterAll(async () => {
  for (const d of devices) d.destroy();
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all([database?.stop(), redis?.stop()]);
}, 30_000);

it('keeps serving each instance’s clients through a Redis outage, reports itself degraded, and brings both back in step when Redis returns', async () => {
  const [one, two] = await Promise.all([instance(), instance()]);
  const { body } = await login(one, 'amal', PASSWORD);
  const token = body.token as string;
  const phone = device(one, token);
  const laptop = device(two, token);
  await Promise.all([phone.ready, laptop.ready]);
  notes(phone).set('before', noteRecord('before', 'before the outage'));
  await eventually(() => notes(laptop).has('before'));
  expect(await health(one)).toMatchObject({ status: 'ok', database: 'ok', redis: 'ok' });

  await redis.kill();
  // Both instances keep accepting (and acknowledging) their own clients' edits for the whole outage.
  for (let second = 0; second < OUTAGE_MS / 1_000; second += 1) {
    notes(phone).set(`phone-${second}`, noteRecord(`phone-${second}`, `phone during the outage ${second}`));
    notes(laptop).set(`laptop-${second}`, noteRecord(`laptop-${second}`, `laptop during the outage ${second}`));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(phone.provider.hasUnsyncedChanges || laptop.provider.hasUnsyncedChanges, `acknowledged at second ${second}`).toBe(false);
  }
  expect(await alive(servers[0]!), 'instance one alive').toBe(true);
  expect(await alive(servers[1]!), 'instance two alive').toBe(true);
  expect(await health(one)).toMatchObject({ status: 'degraded', database: 'ok', redis: 'unreachable', documents: 1, connections: 1 });
  expect(await health(two)).toMatchObject({ status: 'degraded', database: 'ok', redis: 'unreachable' });
  // One line when Redis went away, not one per message.
  for (const server of servers) expect(server.stderr().split('\n').filter((l) => /redis/i.test(l)).length).toBeLessThanOrEqual(1);

  // What was acknowledged during the outage is in the database: an instance started now (without
  // Redis) serves all of it to a fresh device.
  const three = await instance();
  const fresh = device(three, token);
  await fresh.ready;
  for (let second = 0; second < OUTAGE_MS / 1_000; second += 1) {
    expect(notes(fresh).has(`phone-${second}`) && notes(fresh).has(`laptop-${second}`), `second ${second} stored`).toBe(true);
  }

  await redis.restart();
  let healthy = false;
  for (let tries = 0; tries < 50 && !healthy; tries += 1) {
    healthy = (await Promise.all([health(one), health(two)])).every((h) => h.status === 'ok' && h.redis === 'ok');
    if (!healthy) await new Promise((r) => setTimeout(r, 200));
  }
  expect(healthy, 'both instances report Redis back').toBe(true);
  const inStep = () => [...notes(fresh).keys()].every((key) => notes(phone).has(key) && notes(laptop).has(key));
  await eventually(() => inStep(), 10_000);
  notes(laptop).set('after', noteRecord('after', 'after the outage'));
  await eventually(() => notes(phone).has('after') && notes(fresh).has('after'));
}, 90_000);
