// @vitest-environment node
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SYNC_LIMITS } from '../../src/core/limits';
import { personalDocumentName } from '../../src/core/schema/sync-documents';
import { startSyncServer } from '../../server/sync-server';
import { connectDevice, eventually, login } from './client';
import { freePort, PASSWORD, residentMegabytes, spawnSyncServer, startDatabase, type SyncServerProcess, type TestDatabase } from './services';

/**
 * Sockets that do not play by the rules cost the server (its own process, so its memory can be read)
 * nothing lasting: nothing but authentication before authenticating, closed after 10 s without it,
 * no message above the document limit, a budget per connection, memory given back on close.
 */
const DOCUMENT = personalDocumentName('amal');
let database: TestDatabase;
let server: SyncServerProcess;
let url = '';

/** A Hocuspocus message: document name, type, then the type's payload. */
function message(type: number, write: (encoder: encoding.Encoder) => void, document = DOCUMENT): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, document);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A Yjs sync "update" message carrying `bytes` of payload (what it holds does not matter before authentication). */
const updateMessage = (bytes: number) => message(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array(bytes).fill(7))));
const authMessage = (token: string, document = DOCUMENT) => message(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, token)), document);
/** Sync step 1 with an empty state vector: the server answers each with its step 2 and its own step 1. */
const syncStepOne = () => message(0, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0]))));

interface RawSocket {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string; at: number }>;
  /** Messages the server sent. */
  received: number;
}

function rawSocket(at = url): RawSocket {
  const ws = new WebSocket(at.replace(/^http/, 'ws'));
  const socket: RawSocket = {
    ws,
    opened: new Promise((resolve) => ws.once('open', () => resolve())),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() }))),
    received: 0,
  };
  ws.on('message', () => (socket.received += 1));
  ws.on('error', () => {});
  return socket;
}

/** Sends each message once the previous one left, until the server closes the socket. */
async function sendAll(socket: RawSocket, messages: Iterable<Uint8Array>): Promise<number> {
  let sent = 0;
  for (const data of messages) {
    if (socket.ws.readyState !== WebSocket.OPEN) break;
    const ok = await new Promise<boolean>((resolve) => socket.ws.send(data, (error) => resolve(!error)));
    if (!ok) break;
    sent += 1;
  }
  return sent;
}

function* repeat(data: Uint8Array, times: number): Generator<Uint8Array> {
  for (let i = 0; i < times; i += 1) yield data;
}

async function settledMemory(): Promise<number> {
  await new Promise((r) => setTimeout(r, 1_500));
  return residentMegabytes(server.pid);
}

beforeAll(async () => {
  database = await startDatabase(['amal']);
  const port = await freePort();
  server = await spawnSyncServer(['--port', String(port)], { ...process.env, DATABASE_URL: database.postgres.url });
  url = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.stop();
}, 30_000);

it('closes a socket that sends anything but its authentication first, and keeps none of it (150 messages of 1 MB)', async () => {
  const before = await settledMemory();
  const socket = rawSocket();
  await socket.opened;
  const sent = await sendAll(socket, repeat(updateMessage(1024 * 1024), 150));
  const { code } = await socket.closed;
  expect(code).toBe(4401);
  expect(sent).toBeLessThan(150);
  expect((await settledMemory()) - before).toBeLessThan(40);
});

it('closes at once a socket that sends anything for a document before that document’s authentication, however small', async () => {
  const socket = rawSocket();
  await socket.opened;
  const sent = Date.now();
  socket.ws.send(updateMessage(10));
  const { code, at } = await socket.closed;
  expect(code).toBe(4401);
  // At once, not at the 10 s deadline.
  expect(at - sent).toBeLessThan(2_000);
});

it('closes a socket that sends more than its allowance before authenticating, even as authentications', async () => {
  const socket = rawSocket();
  await socket.opened;
  // Each authentication is under the 4 KB limit and names another document; together they pass 1 MB.
  const token = 'x'.repeat(SYNC_LIMITS.authMessageBytes - 200);
  const count = Math.ceil((1.2 * SYNC_LIMITS.preAuthBytes) / token.length);
  const started = Date.now();
  await sendAll(socket, Array.from({ length: count }, (_, i) => authMessage(token, personalDocumentName(`visitor${i}`))));
  const { code, at } = await socket.closed;
  expect(code).toBe(4401);
  expect(at - started).toBeLessThan(2_000);
});

it('refuses a message over the document limit without buffering it (90 MB)', async () => {
  const before = await settledMemory();
  const socket = rawSocket();
  await socket.opened;
  socket.ws.send(updateMessage(90 * 1024 * 1024));
  expect((await socket.closed).code).toBe(1009);
  expect((await settledMemory()) - before).toBeLessThan(40);
  const over = rawSocket();
  await over.opened;
  over.ws.send(authMessage('x'.repeat(SYNC_LIMITS.messageBytes + 1)));
  expect((await over.closed).code).toBe(1009);
});

it('closes a socket whose authentication is larger than a few KB', async () => {
  const socket = rawSocket();
  await socket.opened;
  socket.ws.send(authMessage('x'.repeat(64 * 1024)));
  expect((await socket.closed).code).toBe(4401);
});

it('closes a socket that has not authenticated after 10 s', async () => {
  const socket = rawSocket();
  await socket.opened;
  const opened = Date.now();
  const { code, at } = await socket.closed;
  expect(code).toBe(4401);
  expect(at - opened).toBeGreaterThanOrEqual(SYNC_LIMITS.authTimeoutMs - 100);
  expect(at - opened).toBeLessThan(SYNC_LIMITS.authTimeoutMs + 2_000);
}, 20_000);

it('holds an authenticated socket to its message budget instead of serving a flood at once', async () => {
  // A budget small enough that the server, however loaded the machine, would answer more without it.
  const budget = { burstBytes: SYNC_LIMITS.socketBurstBytes, bytesPerSecond: SYNC_LIMITS.socketBytesPerSecond, burstMessages: 100, messagesPerSecond: 20 };
  const budgeted = await startSyncServer({ sql: database.sql, port: await freePort(), socketBudget: budget });
  try {
    const { body } = await login(budgeted.url, 'amal', PASSWORD);
    const socket = rawSocket(budgeted.url);
    await socket.opened;
    socket.ws.send(authMessage(body.token as string));
    await new Promise((r) => setTimeout(r, 500));
    const started = Date.now();
    await sendAll(socket, repeat(syncStepOne(), 5_000));
    // Each step 1 is answered with two messages. Once the burst is answered (the server is running)…
    const answered = () => socket.received / 2;
    await eventually(() => answered() >= budget.burstMessages, 15_000);
    await new Promise((r) => setTimeout(r, 2_000));
    // …what it answered is the burst and the steady rate for the time it took, however long that was,
    // not the flood (5,000).
    const seconds = (Date.now() - started) / 1000;
    expect(answered()).toBeLessThan(budget.burstMessages + budget.messagesPerSecond * (seconds + 1) + 50);
    socket.ws.terminate();

    // The instance still serves everyone else.
    const device = connectDevice(budgeted.url, DOCUMENT, body.token as string);
    await device.ready;
    device.destroy();
  } finally {
    await budgeted.stop();
  }
});
