/**
 * Load mode of `npm run bench:sync -- --load`: for 200, 500, 1,000 and 2,000 connected devices (two per
 * reader, each making an edit every 10 s), the time from an edit to its arrival on the reader's other
 * device, p50/p95/p99, on one instance and on two instances sharing Redis (the two devices of a
 * reader then sit on different instances, so every edit crosses Redis), with the server processes'
 * CPU and memory. The devices run in several worker processes (sync-load-worker.ts), the servers in
 * their own processes (the documented command), PostgreSQL with its durability settings on.
 *
 *   npm run bench:sync -- --load [--clients 200,500,1000,2000] [--instances 1,2] [--workers 4] [--seconds 30] [--fast-db]
 *
 * --fast-db runs PostgreSQL without fsync (what the disk costs the figures, nothing else).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../../server/cli-args';
import { openDatabase, tokenSecret, type Sql } from '../../server/database';
import { hashPassword } from '../../server/passwords';
import { issueToken } from '../../server/tokens';
import { personalDocumentName } from '../../src/core/schema/sync-documents';
import { freePort, residentMegabytes, spawnSyncServer, startPostgres, startRedis, type SyncServerProcess } from '../../tests/server/services';
import type { FromWorker, ToWorker, WorkerDevice } from './sync-load-worker';

const INTERVAL_MS = 10_000;
/** One interval before measuring: every device has edited once and every document is loaded. */
const WARM_UP_MS = INTERVAL_MS;
/** Linux clock ticks per second in /proc/<pid>/stat. */
const TICKS = 100;

const now = () => performance.timeOrigin + performance.now();

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

interface Worker {
  readonly child: ChildProcess;
  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>>;
  send(message: ToWorker): void;
}

function startWorker(): Worker {
  const child = fork(fileURLToPath(new URL('./sync-load-worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, { resolve: (message: FromWorker) => void; reject: (error: Error) => void }>();
  child.on('message', (message: FromWorker) => waiting.get(message.type)?.resolve(message));
  // A worker that dies ends the run with its exit, instead of a wait for an answer that never comes.
  child.on('exit', (code, signal) => {
    for (const { reject } of waiting.values()) reject(new Error(`a load worker exited (${signal ?? code})`));
  });
  return {
    child,
    next: (type) =>
      new Promise((resolve, reject) => {
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error('a load worker exited'));
        waiting.set(type, { resolve: resolve as (message: FromWorker) => void, reject });
      }),
    send: (message) => child.send(message),
  };
}

interface Readers {
  readonly names: string[];
  readonly tokens: Map<string, string>;
}

/** Readers load0…loadN-1 straight into the database (one password hash for all: the bench signs nobody in). */
async function readers(sql: Sql, count: number): Promise<Readers> {
  const hash = await hashPassword('load bench password');
  await sql.query(`INSERT INTO sync_users (name, password_hash) SELECT 'load' || g, $1 FROM generate_series(0, $2::int - 1) g ON CONFLICT DO NOTHING`, [hash, count]);
  const rows = await sql.query<{ name: string; id: string; token_version: number }>(`SELECT name, id::text AS id, token_version FROM sync_users WHERE name LIKE 'load%'`);
  const secret = await tokenSecret(sql);
  const exp = Date.now() + 24 * 3600_000;
  const tokens = new Map(rows.map((r) => [r.name, issueToken({ user: r.name, exp, ver: r.token_version, uid: r.id }, secret)]));
  return { names: Array.from({ length: count }, (_, i) => `load${i}`), tokens };
}

interface Row {
  readonly clients: number;
  readonly instances: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly delivered: string;
  readonly cpu: string;
  readonly generatorCpu: number;
  readonly memory: string;
  readonly connectSeconds: number;
  readonly load: string;
}

async function step(clients: number, instances: number, workerCount: number, measureMs: number, env: NodeJS.ProcessEnv, all: Readers): Promise<Row> {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const servers: SyncServerProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < instances; i += 1) {
    const port = await freePort();
    servers.push(await spawnSyncServer(['--port', String(port)], env));
    urls.push(`http://127.0.0.1:${port}`);
  }
  const workers = Array.from({ length: workerCount }, startWorker);
  try {
    return await measure(clients, instances, measureMs, servers, urls, workers, all, load);
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function measure(clients: number, instances: number, measureMs: number, servers: SyncServerProcess[], urls: string[], workers: Worker[], all: Readers, load: string): Promise<Row> {
  const workerCount = workers.length;
  const shares: WorkerDevice[][] = workers.map(() => []);
  for (let i = 0; i < clients / 2; i += 1) {
    const name = all.names[i]!;
    const token = all.tokens.get(name)!;
    const document = personalDocumentName(name);
    // The reader's two devices: in two different processes, and with two instances on two instances.
    shares[i % workerCount]!.push({ id: `a${i}`, peer: `b${i}`, url: urls[0]!, document, token });
    shares[(i + 1) % workerCount]!.push({ id: `b${i}`, peer: `a${i}`, url: urls[instances - 1]!, document, token });
  }
  const connectStart = now();
  const connected = await Promise.all(
    workers.map((worker, i) => {
      const done = worker.next('connected');
      worker.send({ type: 'connect', devices: shares[i]! });
      return done;
    }),
  );
  const connectSeconds = (now() - connectStart) / 1000;
  const failed = connected.reduce((sum, c) => sum + c.failed, 0);

  const startAt = now() + 1_000;
  const measureFrom = startAt + WARM_UP_MS;
  const measureUntil = measureFrom + measureMs;
  const results = workers.map((worker) => worker.next('result'));
  for (const worker of workers) worker.send({ type: 'run', startAt, intervalMs: INTERVAL_MS, measureFrom, measureUntil, stopAt: measureUntil });

  await new Promise((r) => setTimeout(r, measureFrom - now()));
  const cpuBefore = servers.map((s) => cpuTicks(s.pid));
  const workersBefore = workers.reduce((sum, w) => sum + cpuTicks(w.child.pid!), 0);
  const peak = servers.map(() => 0);
  const sampler = setInterval(() => servers.forEach((s, i) => (peak[i] = Math.max(peak[i]!, residentMegabytes(s.pid)))), 1_000);
  await new Promise((r) => setTimeout(r, measureUntil - now()));
  const cpu = servers.map((s, i) => ((cpuTicks(s.pid) - cpuBefore[i]!) / TICKS / (measureMs / 1000)) * 100);
  const generatorCpu = ((workers.reduce((sum, w) => sum + cpuTicks(w.child.pid!), 0) - workersBefore) / TICKS / (measureMs / 1000)) * 100;
  clearInterval(sampler);

  const finished = await Promise.all(results);
  const latencies = finished.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sent = finished.reduce((sum, r) => sum + r.sent, 0);
  const received = finished.reduce((sum, r) => sum + r.received, 0);
  for (const worker of workers) worker.send({ type: 'close' });
  return {
    clients,
    instances,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    delivered: `${received}/${sent}${failed ? ` (${failed} not connected)` : ''}`,
    cpu: cpu.map((c) => `${c.toFixed(0)}%`).join(' + '),
    generatorCpu,
    memory: peak.map((m) => `${m.toFixed(0)}`).join(' + '),
    connectSeconds,
    load,
  };
}

export async function benchLoad(argv: readonly string[]): Promise<void> {
  const { options } = parseArgs(argv);
  const list = (name: string, fallback: string) => (options.get(name) ?? fallback).split(',').map(Number);
  const clientSteps = list('clients', '200,500,1000,2000');
  const instanceSteps = list('instances', '1,2');
  const workerCount = Math.max(2, Number(options.get('workers') ?? 4));
  const measureMs = Number(options.get('seconds') ?? 30) * 1000;

  const postgres = await startPostgres({ durable: !options.has('fast-db') });
  const redis = await startRedis();
  const sql = await openDatabase({ url: postgres.url });
  const all = await readers(sql, Math.max(...clientSteps) / 2);
  console.log(`load: devices in ${workerCount} worker processes, each device editing every ${INTERVAL_MS / 1000} s; ${WARM_UP_MS / 1000} s warm-up, ${measureMs / 1000} s measured`);
  console.log(`PostgreSQL (Debian, loopback, ${options.has('fast-db') ? 'fsync off' : 'fsync and synchronous commit on'}); each server in its own process (the sync:server command)`);
  console.log('');
  console.log('| devices | instances | p50 | p95 | p99 | max | delivered | server CPU | server RSS MB | client processes CPU | connecting (with worker start) | load avg (1 5 15 min) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  try {
    for (const instances of instanceSteps) {
      const env = { ...process.env, DATABASE_URL: postgres.url, ...(instances > 1 ? { REDIS_URL: redis.url } : {}) };
      for (const clients of clientSteps) {
        const r = await step(clients, instances, workerCount, measureMs, env, all);
        const ms = (value: number) => `${value.toFixed(0)} ms`;
        console.log(`| ${r.clients} | ${r.instances} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.delivered} | ${r.cpu} | ${r.memory} | ${r.generatorCpu.toFixed(0)}% | ${r.connectSeconds.toFixed(1)} s | ${r.load} |`);
      }
    }
  } finally {
    await sql.close();
    await Promise.all([postgres.stop(), redis.stop()]);
  }
}
