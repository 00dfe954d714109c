import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * The sync server's one SQL connection: PostgreSQL through `pg` when DATABASE_URL is set, otherwise
 * an embedded PostgreSQL (PGlite) in the data folder. Both speak the same SQL, so everything above
 * this file is written once. PGlite keeps the folder open exclusively: the admin CLI uses it while
 * the server is stopped.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
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

async function openPostgres(url: string): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle client whose server went away (restart, failover) emits 'error' on the pool; unhandled,
  // that would end the process. The pool drops that client and the next query reconnects.
  pool.on('error', (error) => console.warn(`database connection lost: ${error.message}`));
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await pool.query(text, [...params]);
      return result.rows as Row[];
    },
    close: () => pool.end(),
  };
}

async function openEmbedded(dataDir: string | undefined): Promise<Sql> {
  if (!dataDir) throw new Error('no database: give --data DIR (embedded PostgreSQL) or set DATABASE_URL');
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, [...params]);
      return result.rows;
    },
    close: () => db.close(),
  };
}

/** Idempotent schema; safe for several instances starting at once on one PostgreSQL. */
async function migrate(sql: Sql): Promise<void> {
  const statements = [
    `CREATE TABLE IF NOT EXISTS sync_users (
       name text PRIMARY KEY,
       password_hash text NOT NULL,
       token_version integer NOT NULL DEFAULT 1,
       created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS sync_groups (name text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS sync_group_members (
       group_name text NOT NULL REFERENCES sync_groups(name) ON DELETE CASCADE,
       user_name text NOT NULL REFERENCES sync_users(name) ON DELETE CASCADE,
       PRIMARY KEY (group_name, user_name))`,
    `CREATE TABLE IF NOT EXISTS sync_documents (
       name text PRIMARY KEY,
       state bytea NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS sync_secrets (name text PRIMARY KEY, value text NOT NULL)`,
  ];
  for (const statement of statements) {
    try {
      await sql.query(statement);
    } catch (error) {
      // Two instances creating the same table at once: the loser sees a duplicate; the table exists.
      if (!String(error).includes('already exists') && !String(error).includes('duplicate key')) throw error;
    }
  }
  await sql.query(`INSERT INTO sync_secrets (name, value) VALUES ('token', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(32).toString('hex')]);
}

/** The key that signs session tokens: made once per database, so every instance on it agrees. */
export async function tokenSecret(sql: Sql): Promise<string> {
  const rows = await sql.query<{ value: string }>(`SELECT value FROM sync_secrets WHERE name = 'token'`);
  const value = rows[0]?.value;
  if (!value) throw new Error('token secret missing');
  return value;
}

export async function loadDocument(sql: Sql, name: string): Promise<Uint8Array | null> {
  const rows = await sql.query<{ state: Uint8Array }>('SELECT state FROM sync_documents WHERE name = $1', [name]);
  const state = rows[0]?.state;
  return state ? new Uint8Array(state) : null;
}

export async function storeDocument(sql: Sql, name: string, state: Uint8Array): Promise<void> {
  await sql.query(
    `INSERT INTO sync_documents (name, state, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
    [name, Buffer.from(state)],
  );
}
