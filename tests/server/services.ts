import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser } from '../../server/accounts';
import { openDatabase, type Sql } from '../../server/database';

/**
 * Real PostgreSQL and Redis for the server tests, each on a free loopback port of its own, in a
 * temporary folder, stopped by the test. PostgreSQL refuses to run as root, so when we are root it
 * runs as the `postgres` system user (Debian's package creates it).
 */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listening on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export interface Service {
  readonly url: string;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}

export function postgresBinaries(): string | null {
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    return versions.length ? `/usr/lib/postgresql/${versions[0]}/bin` : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const isRoot = process.getuid?.() === 0;
const asPostgres = (command: string, args: string[]): [string, string[]] => (isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);

export interface PostgresService extends Service {
  /** Stops the server (fast shutdown) and keeps its data: `start` brings it back on the same port. */
  halt(): Promise<void>;
  start(): Promise<void>;
}

/**
 * `durable: true` keeps PostgreSQL's own durability settings (fsync, synchronous commit), as a real
 * deployment has them: for the load bench. The tests turn them off for speed (a test database is thrown away).
 */
export async function startPostgres({ durable = false } = {}): Promise<PostgresService> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCommand, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const fast = durable ? [] : ['-F', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  let child: ChildProcess;
  const start = async () => {
    const [command, args] = asPostgres(`${bin}/postgres`, ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'max_connections=200', ...fast]);
    child = spawn(command, args, { stdio: 'ignore' });
    await waitForPort(port, 20_000);
    // The port opens a moment before connections are accepted.
    const { default: pg } = await import('pg');
    for (let tries = 0; ; tries += 1) {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        break;
      } catch (error) {
        await client.end().catch(() => {});
        if (tries > 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const halt = async () => {
    // runuser does not always pass signals on: stop the postmaster itself (fast shutdown) by its pid file.
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (postmaster > 0) process.kill(postmaster, 'SIGINT');
    await stopProcess(child);
    for (let waited = 0; postmaster > 0 && waited < 10_000 && isRunning(postmaster); waited += 50) await new Promise((r) => setTimeout(r, 50));
  };
  await start();
  return {
    url,
    halt,
    start,
    async stop() {
      await halt().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisService extends Service {
  readonly port: number;
  /** Kills the process outright (SIGKILL), as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** Starts Redis again on the same port (after kill or stop). */
  restart(): Promise<void>;
}

export async function startRedis(): Promise<RedisService> {
  const port = await freePort();
  let child: ChildProcess;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitForPort(port, 10_000);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopProcess(child),
    kill: () => stopProcess(child, 'SIGKILL'),
    restart: start,
  };
}

/** A sync server process started with the documented command; resolves once it printed its address line. */
export interface SyncServerProcess {
  readonly addressLine: string;
  readonly pid: number;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, as a service manager stops it; waits for the exit. */
  stop(): Promise<void>;
  /** Sends a signal without waiting. */
  kill(signal: NodeJS.Signals): void;
}

/**
 * Runs `server/main.ts` in one Node process (`node --import tsx`, not the tsx wrapper, which would
 * put a second process between the test and the server: a SIGKILL would then miss the server).
 */
export function spawnSyncServer(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<SyncServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.SYNC_SERVER_STDERR) process.stderr.write(chunk);
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  // A test that fails (or times out) before stopping its server must not leave it running after the run.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('listening on '));
      if (line)
        resolve({
          addressLine: line,
          pid: child.pid!,
          stderr: () => errors,
          exited,
          stop: () => stopProcess(child, 'SIGTERM'),
          kill: (signal) => child.kill(signal),
        });
    });
    void exited.then((code) => reject(new Error(`sync server exited with ${code}: ${output}${errors}`)));
  });
}

/** Resident memory of a process in MB (Linux). */
export function residentMegabytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/** The password every test user gets. */
export const PASSWORD = 'correct horse';

export interface TestDatabase {
  readonly postgres: PostgresService;
  /** A connection to it (the tests' own: admin commands, or an in-process server's). */
  readonly sql: Sql;
  stop(): Promise<void>;
}

/** A PostgreSQL of its own, migrated, with these users (password PASSWORD). */
export async function startDatabase(users: readonly string[]): Promise<TestDatabase> {
  const postgres = await startPostgres();
  const sql = await openDatabase({ url: postgres.url });
  await Promise.all(users.map((user) => addUser(sql, user, PASSWORD)));
  return {
    postgres,
    sql,
    async stop() {
      await sql.close();
      await postgres.stop();
    },
  };
}
