import { serveAdmin } from './admin-socket';
import { openDatabase } from './database';
import { parseArgs } from './cli-args';
import { startSyncServer } from './sync-server';

/**
 * npm run sync:server -- --port P --data DIR [--host H] [--trust-proxy] [--store-debounce MS]
 * Embedded PostgreSQL in DIR unless DATABASE_URL is set (then `sync:admin --data DIR` commands are run
 * by this process, live); joins other instances when REDIS_URL is set.
 * SIGTERM and SIGINT stop it gracefully: it stops accepting, stores every open document and closes
 * its connections (clients reconnect, to another instance if there is one), then exits.
 */
const { options } = parseArgs(process.argv.slice(2));
const port = Number(options.get('port') ?? 8787);
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = options.get('data');
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error('--port must be a port number');

const sql = await openDatabase({ url: databaseUrl, dataDir });
const server = await startSyncServer({
  sql,
  port,
  host: options.get('host') ?? '127.0.0.1',
  redisUrl: process.env.REDIS_URL || undefined,
  trustProxy: options.get('trust-proxy') !== undefined,
  ...(options.has('store-debounce') ? { storeDebounceMs: Number(options.get('store-debounce')) } : {}),
});
// The embedded database is this process's alone: the admin CLI hands its commands to it.
const stopAdmin = sql.kind === 'pglite' && dataDir ? await serveAdmin(dataDir, sql).catch((error: unknown) => (console.warn(`admin commands need the server stopped: ${String(error)}`), null)) : null;
console.log(`listening on ${options.get('host') ? `http://${options.get('host')}:${server.port}` : server.url}`);
console.log(`database: ${sql.kind === 'pglite' ? `embedded in ${dataDir}` : 'PostgreSQL (DATABASE_URL)'}${process.env.REDIS_URL ? ', Redis (REDIS_URL)' : ''}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping (storing open documents, closing connections)`);
  await server.stop();
  await stopAdmin?.();
  await sql.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
