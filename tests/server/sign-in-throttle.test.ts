// @vitest-environment node
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncServer, type RunningSyncServer } from '../../server/sync-server';
import { SYNC_LIMITS } from '../../src/core/limits';
import { personalDocumentName } from '../../src/core/schema/sync-documents';
import { connectDevice } from './client';
import { freePort, PASSWORD, startDatabase, type TestDatabase } from './services';

/**
 * Nobody can lock a reader out: failed sign-ins slow down per (user, address) with a growing delay,
 * a stranger's guesses from another address change nothing for the reader, many failures from one
 * address (an office behind one NAT) do not lock its other users, and a device holding a valid token
 * is never turned away. Addresses are distinct loopback addresses (127.0.0.x).
 */
let database: TestDatabase;
let server: RunningSyncServer;

interface Answer {
  readonly status: number;
  readonly retryAfter: number | null;
  /** Response headers a page on another origin may read. */
  readonly exposed: string;
  readonly body: Record<string, unknown>;
}

function signIn(from: string, user: string, password: string, token?: string): Promise<Answer> {
  const body = JSON.stringify({ user, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/login`,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          const header = res.headers['retry-after'];
          const exposed = String(res.headers['access-control-expose-headers'] ?? '');
          resolve({ status: res.statusCode ?? 0, retryAfter: header ? Number(header) : null, exposed, body: JSON.parse(text) as Record<string, unknown> });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const STRANGER = '127.0.0.2';
const READER = '127.0.0.3';
const OFFICE = '127.0.0.4';

beforeAll(async () => {
  database = await startDatabase(['amal', 'badr', 'carim']);
  server = await startSyncServer({ sql: database.sql, port: await freePort(), host: '0.0.0.0' });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.stop();
}, 30_000);

it('slows a stranger guessing a reader’s password from one address, with a growing delay, and not the reader at another', async () => {
  for (let i = 0; i < SYNC_LIMITS.signInFreeFailures; i += 1) expect((await signIn(STRANGER, 'amal', `guess ${i}`)).status).toBe(401);
  const slowed = await signIn(STRANGER, 'amal', PASSWORD);
  expect(slowed.status).toBe(429);
  expect(slowed.retryAfter).toBe(Math.ceil(SYNC_LIMITS.signInDelayMs / 1_000));
  // The app (another origin) reads it to say how long to wait.
  expect(slowed.exposed).toMatch(/retry-after/i);
  expect((await signIn(READER, 'amal', PASSWORD)).status).toBe(200);

  // After the delay, one more guess; the next delay is twice as long.
  await new Promise((r) => setTimeout(r, SYNC_LIMITS.signInDelayMs + 100));
  expect((await signIn(STRANGER, 'amal', 'another guess')).status).toBe(401);
  expect((await signIn(STRANGER, 'amal', PASSWORD)).retryAfter).toBe(Math.ceil((2 * SYNC_LIMITS.signInDelayMs) / 1_000));
  expect((await signIn(READER, 'amal', PASSWORD)).status).toBe(200);
});

it('does not lock an office out: fifty failures from one address leave its other users alone', async () => {
  const failures = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(OFFICE, `visitor${i}`, 'wrong password')));
  expect(failures.map((f) => f.status)).toEqual(Array(50).fill(401));
  expect((await signIn(OFFICE, 'badr', PASSWORD)).status).toBe(200);
});

it('never locks out a device that holds a valid token', async () => {
  const { body } = await signIn(READER, 'carim', PASSWORD);
  const token = body.token as string;
  for (const address of [STRANGER, READER, OFFICE]) {
    for (let i = 0; i < SYNC_LIMITS.signInFreeFailures + 1; i += 1) await signIn(address, 'carim', `guess ${i}`);
    expect((await signIn(address, 'carim', PASSWORD)).status).toBe(429);
  }
  // Its sessions go on…
  expect((await fetch(`${server.url}/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  const device = connectDevice(server.url, personalDocumentName('carim'), token);
  await device.ready;
  device.destroy();
  // …and signing in again from it (the token shown with the password) is never delayed.
  expect((await signIn(READER, 'carim', PASSWORD, token)).status).toBe(200);
});
