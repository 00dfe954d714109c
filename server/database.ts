import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * The sync server's SQL: PostgreSQL through `pg` when DATABASE_URL is set, otherwise an embedded
 * PostgreSQL (PGlite) in the data folder. Both speak the same SQL, so everything above this file is
 * written once. PGlite keeps the folder open exclusively: the admin CLI uses it while the server is
 * stopped.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Sql extends Queryable {
  /** Runs `work` in one transaction (committed when it resolves, rolled back when it throws). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` with each NOTIFY payload on `channel`. With PostgreSQL the listening connection
   * reconnects by itself; `onReconnect` then runs, since notices sent meanwhile were lost.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect: () => void): Promise<() => Promise<void>>;
  /** Whether the database answers (for /health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface DatabaseOptions {
  /** A postgres:// URL; wins over dataDir. */
  readonly url?: string | undefined;
  /** The embedded database's folder (created when missing). */
  readonly dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Sql> {
  const sql = options.url ? await openPostgres(options.url) : await openEmbedded(options.dataDir);
  await migrate(sql);
  return sql;
}

const PING_TIMEOUT_MS = 2_000;

async function openPostgres(url: string): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 5_000 });
  // An idle client whose server went away (restart, failover) emits 'error' on the pool; unhandled,
  // that would end the process. The pool drops that client and the next query reconnects.
  pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await pool.query(text, [...params]);
      return result.rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <Row>(text: string, params: readonly unknown[] = []) => (await client.query(text, [...params])).rows as Row[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage, onReconnect) {
      let client: InstanceType<typeof pg.Client> | null = null;
      let stopped = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const connect = async (again: boolean): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        next.on('notification', (n) => n.channel === channel && n.payload !== undefined && onMessage(n.payload));
        // A lost listening connection is replaced; what was announced meanwhile is re-checked by onReconnect.
        next.on('error', () => {});
        next.on('end', () => {
          if (stopped || client !== next) return;
          client = null;
          retry = setTimeout(() => void connect(true).catch(() => {}), 1_000);
        });
        try {
          await next.connect();
          await next.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
        } catch (error) {
          await next.end().catch(() => {});
          if (!again) throw error;
          retry = setTimeout(() => void connect(true).catch(() => {}), 1_000);
          return;
        }
        client = next;
        if (again) onReconnect();
      };
      await connect(false);
      const stop = async () => {
        stopped = true;
        clearTimeout(retry);
        listeners.delete(stop);
        await client?.end().catch(() => {});
      };
      listeners.add(stop);
      return stop;
    },
    ping: () => withTimeout(pool.query('SELECT 1').then(() => true), PING_TIMEOUT_MS, false),
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string | undefined): Promise<Sql> {
  if (!dataDir) throw new Error('no database: give --data DIR (embedded PostgreSQL) or set DATABASE_URL');
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    // PGlite holds its folder exclusively: most likely the server is running on it.
    throw new Error(`cannot open the embedded database in ${dataDir} (is the sync server running on it? stop it first): ${String(error)}`, { cause: error });
  }
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(text, [...params])).rows;
    },
    transaction: (work) => db.transaction((tx) => work({ query: async <Row>(text: string, params: readonly unknown[] = []) => (await tx.query<Row>(text, [...params])).rows })),
    async listen(channel, onMessage) {
      const stop = await db.listen(channel, onMessage);
      return () => stop();
    },
    ping: async () => true,
    close: () => db.close(),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(fallback)),
    );
  });
}

/**
 * Idempotent schema, applied in one transaction under an advisory lock so several instances starting
 * at once on one PostgreSQL take turns. Users and groups carry an `id` that a later user or group of
 * the same name does not share, so nothing stored for a removed one is handed on.
 */
async function migrate(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7463001)');
    const statements = [
      `CREATE TABLE IF NOT EXISTS sync_users (
         name text PRIMARY KEY,
         password_hash text NOT NULL,
         token_version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now())`,
      `ALTER TABLE sync_users ADD COLUMN IF NOT EXISTS id bigserial`,
      `CREATE TABLE IF NOT EXISTS sync_groups (name text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`,
      `ALTER TABLE sync_groups ADD COLUMN IF NOT EXISTS id bigserial`,
      `CREATE TABLE IF NOT EXISTS sync_group_members (
         group_name text NOT NULL REFERENCES sync_groups(name) ON DELETE CASCADE,
         user_name text NOT NULL REFERENCES sync_users(name) ON DELETE CASCADE,
         PRIMARY KEY (group_name, user_name))`,
      // A document's snapshot; `version` goes up with each write, so an instance sees another's.
      `CREATE TABLE IF NOT EXISTS sync_documents (
         name text PRIMARY KEY,
         state bytea NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now())`,
      `ALTER TABLE sync_documents ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1`,
      // Every update acknowledged since the snapshot, appended before the client is told it is synced.
      `CREATE TABLE IF NOT EXISTS sync_updates (
         id bigserial PRIMARY KEY,
         doc text NOT NULL,
         data bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now())`,
      `CREATE INDEX IF NOT EXISTS sync_updates_doc ON sync_updates (doc, id)`,
      `CREATE TABLE IF NOT EXISTS sync_secrets (name text PRIMARY KEY, value text NOT NULL)`,
    ];
    for (const statement of statements) await tx.query(statement);
    await tx.query(`INSERT INTO sync_secrets (name, value) VALUES ('token', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
  });
}

/** The key that signs session tokens: made once per database, so every instance on it agrees. */
export async function tokenSecret(sql: Queryable): Promise<string> {
  const rows = await sql.query<{ value: string }>(`SELECT value FROM sync_secrets WHERE name = 'token'`);
  const value = rows[0]?.value;
  if (!value) throw new Error('token secret missing');
  return value;
}
