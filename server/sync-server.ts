import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@hocuspocus/server';
import { SYNC_LIMITS } from '../src/core/limits';
import { isAccountName } from '../src/core/schema/account';
import { SOCKET_CLOSE } from '../src/core/schema/sync-protocol';
import { ACCOUNT_CHANNEL, readAccountChange, type AccountChange } from './account-events';
import { findUser, groupsOf } from './accounts';
import { tokenSecret, type Sql } from './database';
import { DurableDocuments } from './durable-documents';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { RedisBus } from './redis-bus';
import { applyAccountChange, authorize, Refusal, sessionOf, type Access, type ConnectionContext, type Session } from './sessions';
import { SignInThrottle } from './sign-in-throttle';
import { guardSocket, type SocketBudget, type SocketGuard } from './socket-guard';
import { issueToken, readToken } from './tokens';

/**
 * One sync server instance: Hocuspocus for the Yjs documents, with
 * - access decided in sessions.ts (on authentication, and again when an account change announced by
 *   the admin side may end it: account-events.ts),
 * - durable documents (durable-documents.ts: every acknowledged update is in the database),
 * - other instances reached through Redis when there are several (redis-bus.ts; optional),
 * - every websocket guarded before authentication and held to a budget after (socket-guard.ts),
 * plus three small HTTP endpoints on the same port:
 *   POST /login {user, password} → {user, token, expires, groups}   (401 wrong, 429 wait: Retry-After)
 *   GET  /me   (Authorization: Bearer TOKEN) → the same, with the same token
 *   GET  /health → {status, database, redis, documents, connections} (503 when it cannot serve)
 */
export interface SyncServerOptions {
  readonly sql: Sql;
  readonly port: number;
  readonly host?: string;
  /** redis://host:port — join the other instances using this Redis. */
  readonly redisUrl?: string | undefined;
  /** How long after the last change the update log is folded into the document's snapshot (5 s; at most 6 times that, 30 s or more, under constant change). */
  readonly storeDebounceMs?: number;
  /** Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry. */
  readonly trustProxy?: boolean;
  /** Each socket's budget after authentication (SYNC_LIMITS by default). */
  readonly socketBudget?: SocketBudget;
  readonly now?: () => number;
}

export interface Health {
  readonly status: 'ok' | 'degraded' | 'failing' | 'stopping';
  readonly database: 'ok' | 'unreachable';
  readonly redis: 'ok' | 'unreachable' | 'not configured';
  readonly documents: number;
  readonly connections: number;
}

export interface RunningSyncServer {
  readonly url: string;
  readonly port: number;
  health(): Promise<Health>;
  /** Stops accepting, stores every open document, closes every connection (clients reconnect elsewhere). */
  stop(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    // Tokens travel in the body and the Authorization header, never in cookies, so any origin may ask.
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    // The app reads how long to wait after a 429 (sign-in delays).
    'Access-Control-Expose-Headers': 'Retry-After',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(status === 204 ? undefined : JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > SYNC_LIMITS.loginBytes) throw new HttpError(413, 'request too large');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'request is not JSON');
  }
}

function bearer(request: IncomingMessage): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { sql } = options;
  const now = options.now ?? Date.now;
  const secret = await tokenSecret(sql);
  const throttle = new SignInThrottle(now);
  const durable = new DurableDocuments(sql);
  const bus = options.redisUrl ? new RedisBus(options.redisUrl) : null;
  const guards = new WeakMap<IncomingMessage, SocketGuard>();
  let stopping = false;

  function clientAddress(request: IncomingMessage): string {
    const forwarded = options.trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
    return forwarded || request.socket.remoteAddress || 'unknown';
  }

  async function sessionAnswer(session: Session, token?: string) {
    const expires = now() + SYNC_LIMITS.tokenLifetimeMs;
    const check = token ? readToken(token, secret, now()) : null;
    return {
      user: session.user,
      token: token ?? issueToken({ user: session.user, exp: expires, ver: session.tokenVersion, uid: session.userId }, secret),
      expires: new Date(check?.ok ? check.claims.exp : expires).toISOString(),
      groups: await groupsOf(sql, session.user),
    };
  }

  async function tokenSession(token: string): Promise<Session> {
    return sessionOf(sql, token, secret, now()).catch((error: unknown) => {
      throw new HttpError(401, error instanceof Refusal ? error.reason : 'not signed in');
    });
  }

  async function login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readJson(request)) as { user?: unknown; password?: unknown } | null;
    const name = typeof body?.user === 'string' ? body.user.normalize('NFC').trim() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!isAccountName(name) || !password || password.length > SYNC_LIMITS.passwordLength) throw new HttpError(400, 'user name and password required');
    const address = clientAddress(request);
    // A device that already holds a valid token for this user is never made to wait.
    const holdsToken = bearer(request) !== '' && (await tokenSession(bearer(request)).then((s) => s.user === name, () => false));
    const wait = holdsToken ? 0 : throttle.wait(name, address);
    if (wait > 0) throw new HttpError(429, 'too many failed sign-ins from here: wait before trying again', { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const user = await findUser(sql, name);
    // Hash even for unknown users so timing does not tell which names exist.
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !valid) {
      throttle.fail(name, address);
      throw new HttpError(401, 'wrong user name or password');
    }
    throttle.succeed(name, address);
    send(response, 200, await sessionAnswer({ user: user.name, userId: user.id, tokenVersion: user.token_version }));
  }

  async function me(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const token = bearer(request);
    send(response, 200, await sessionAnswer(await tokenSession(token), token));
  }

  async function health(): Promise<Health> {
    const database = (await sql.ping()) ? 'ok' : 'unreachable';
    const redis = bus ? bus.state() : 'not configured';
    const instance = server.hocuspocus;
    return {
      status: stopping ? 'stopping' : database !== 'ok' ? 'failing' : redis === 'unreachable' ? 'degraded' : 'ok',
      database,
      redis,
      documents: instance.getDocumentsCount(),
      connections: instance.getConnectionsCount(),
    };
  }

  const server = new Server(
    {
      port: options.port,
      address: options.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      // Durability does not wait for this: every acknowledged update is already in the log.
      debounce: options.storeDebounceMs ?? 5_000,
      maxDebounce: Math.max(30_000, 6 * (options.storeDebounceMs ?? 5_000)),
      extensions: [durable, ...(bus ? [bus] : [])],

      async onAuthenticate({ token, documentName, request, connectionConfig, instance }): Promise<ConnectionContext> {
        if (stopping) throw new Refusal(SOCKET_CLOSE.restarting.reason);
        let session: Session;
        let access: Access;
        try {
          session = await sessionOf(sql, token, secret, now());
          access = await authorize(sql, session, documentName);
        } catch (error) {
          if (error instanceof Refusal) {
            guards.get(request)?.refusedDocument(documentName);
            throw error;
          }
          // The database did not answer: not a refusal. Once Hocuspocus has sent this answer, close the
          // socket, so the device tries again later (a socket closed before any answer leaves the
          // provider's connection attempt pending).
          durable.storageFailed(error);
          const guard = guards.get(request);
          setTimeout(() => guard?.close(SOCKET_CLOSE.storageUnavailable), 50);
          throw new Refusal(SOCKET_CLOSE.storageUnavailable.reason);
        }
        // A removed user's document still unloading is never handed to a new user of the same name.
        const loaded = instance.documents.get(documentName);
        const loadedFor = loaded && durable.ownerOf(loaded);
        if (loadedFor && (loadedFor.userId !== access.owner.userId || loadedFor.groupId !== access.owner.groupId)) throw new Refusal('the document is being reset, try again');
        connectionConfig.readOnly = access.readOnly;
        guards.get(request)?.authenticatedOnce();
        return { session, access };
      },

      async onRequest({ request, response }) {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        try {
          if (request.method === 'OPTIONS') send(response, 204, null);
          else if (path === '/login' && request.method === 'POST') await login(request, response);
          else if (path === '/me' && request.method === 'GET') await me(request, response);
          else if (path === '/health' && request.method === 'GET') {
            const state = await health();
            send(response, state.status === 'failing' || state.status === 'stopping' ? 503 : 200, state);
          } else send(response, 404, { error: 'not found' });
        } catch (error) {
          if (error instanceof HttpError) send(response, error.status, { error: error.message }, error.headers);
          else {
            // Everything else these answers do is ask the database.
            durable.storageFailed(error);
            send(response, 503, { error: 'storage unavailable, try again' });
          }
        }
        // Handled: stop Hocuspocus from writing its default answer.
        throw null;
      },
    },
    { maxPayload: SYNC_LIMITS.messageBytes },
  );

  // The guard sees every socket before Hocuspocus does (this listener runs first).
  server.webSocketServer.prependListener('connection', (ws, request: IncomingMessage) => guards.set(request, guardSocket(ws, options.socketBudget)));

  const onChange = (change: AccountChange) =>
    applyAccountChange(sql, server.hocuspocus, change).catch((error: unknown) => console.error('applying an account change failed:', error));
  const stopListening = await sql.listen(
    ACCOUNT_CHANNEL,
    (payload) => {
      const change = readAccountChange(payload);
      if (change) void onChange(change);
    },
    // Notices sent while the listening connection was down are lost: check every connection.
    () => void onChange({ all: true }),
  );

  await server.listen();
  const port = server.address.port;
  let stopped: Promise<void> | null = null;

  async function stop(): Promise<void> {
    stopping = true;
    server.httpServer.close();
    const instance = server.hocuspocus;
    // Flush: every open document's log folded into its snapshot.
    await Promise.all([...instance.documents.values()].map((document) => document.saveMutex.runExclusive(() => durable.compact(document))));
    for (const ws of server.webSocketServer.clients) ws.close(SOCKET_CLOSE.restarting.code, SOCKET_CLOSE.restarting.reason);
    for (let waited = 0; instance.getDocumentsCount() > 0 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    for (const ws of server.webSocketServer.clients) ws.terminate();
    server.webSocketServer.close();
    await instance.hooks('onDestroy', { instance });
    await stopListening();
  }

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    health,
    stop: () => (stopped ??= stop()),
  };
}
