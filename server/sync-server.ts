import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { SYNC_LIMITS } from '../src/core/limits';
import { parseDocumentName } from '../src/core/schema/sync-documents';
import { isAccountName } from '../src/core/schema/account';
import { checkClientMessage } from '../src/core/schema/sync-update-check';
import { findUser, groupsOf, isMember } from './accounts';
import { loadDocument, storeDocument, tokenSecret, type Sql } from './database';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { FailureLimiter } from './rate-limit';
import { issueToken, readToken } from './tokens';

/**
 * One sync server instance: Hocuspocus for the Yjs documents (authentication hook = access control,
 * database extension = persistence, Redis extension = several instances serving one document), plus
 * two small HTTP endpoints on the same port for signing in:
 *   POST /login {user, password} → {user, token, expires, groups}   (401 wrong, 429 too many failures)
 *   GET  /me   (Authorization: Bearer TOKEN) → the same, with the same token
 */
export interface SyncServerOptions {
  readonly sql: Sql;
  readonly port: number;
  readonly host?: string;
  /** redis://host:port — join the other instances using this Redis. */
  readonly redisUrl?: string | undefined;
  /** How long after the last change a document is written to the database. */
  readonly storeDebounceMs?: number;
  readonly now?: () => number;
}

export interface RunningSyncServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Hocuspocus sends an error's `reason` to the client that was refused. */
function refusal(reason: string): Error {
  return Object.assign(new Error(reason), { reason });
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    // Tokens travel in the body and the Authorization header, never in cookies, so any origin may ask.
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
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

function redisOptions(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const { sql } = options;
  const now = options.now ?? Date.now;
  const secret = await tokenSecret(sql);
  const userLimiter = new FailureLimiter(SYNC_LIMITS.failedLoginsPerWindow, SYNC_LIMITS.failedLoginWindowMs, now);
  // One address may serve a whole desk (NAT): it gets more tries than one user name.
  const addressLimiter = new FailureLimiter(SYNC_LIMITS.failedLoginsPerAddress, SYNC_LIMITS.failedLoginWindowMs, now);
  /** Bytes held per open document: loaded state plus accepted updates, checked against the cap. */
  const documentBytes = new Map<string, number>();

  async function session(user: string, tokenVersion: number, token?: string) {
    const expires = now() + SYNC_LIMITS.tokenLifetimeMs;
    return {
      user,
      token: token ?? issueToken({ user, exp: expires, ver: tokenVersion }, secret),
      expires: new Date(token ? readTokenExpiry(token) : expires).toISOString(),
      groups: await groupsOf(sql, user),
    };
  }

  function readTokenExpiry(token: string): number {
    const check = readToken(token, secret, now());
    return check.ok ? check.claims.exp : now();
  }

  /** The user a token stands for, or why not. */
  async function authenticate(token: string): Promise<string> {
    const check = readToken(token, secret, now());
    if (!check.ok) throw new HttpError(401, `token ${check.reason}`);
    const user = await findUser(sql, check.claims.user);
    if (!user || user.token_version !== check.claims.ver) throw new HttpError(401, 'token revoked');
    return user.name;
  }

  async function login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = (await readJson(request)) as { user?: unknown; password?: unknown } | null;
    const name = typeof body?.user === 'string' ? body.user.normalize('NFC').trim() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!isAccountName(name) || !password || password.length > SYNC_LIMITS.passwordLength) throw new HttpError(400, 'user name and password required');
    const address = request.socket.remoteAddress ?? 'unknown';
    if (userLimiter.blocked(name) || addressLimiter.blocked(address)) throw new HttpError(429, 'too many failed sign-ins, wait a minute');
    const user = await findUser(sql, name);
    // Hash even for unknown users so timing does not tell which names exist.
    const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !valid) {
      userLimiter.fail(name);
      addressLimiter.fail(address);
      throw new HttpError(401, 'wrong user name or password');
    }
    userLimiter.succeed(name);
    send(response, 200, await session(user.name, user.token_version));
  }

  async function me(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const name = await authenticate(token);
    const user = await findUser(sql, name);
    send(response, 200, await session(name, user?.token_version ?? 0, token));
  }

  const extensions = [
    new Database({
      fetch: async ({ documentName }) => {
        const state = await loadDocument(sql, documentName);
        documentBytes.set(documentName, state?.byteLength ?? 0);
        return state;
      },
      store: async ({ documentName, state }) => {
        documentBytes.set(documentName, state.byteLength);
        await storeDocument(sql, documentName, state);
      },
    }),
    ...(options.redisUrl ? [new Redis({ ...redisOptions(options.redisUrl), disconnectDelay: 100 })] : []),
  ];

  const server = new Server({
    port: options.port,
    address: options.host ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    debounce: options.storeDebounceMs ?? 1_000,
    maxDebounce: 10_000,
    extensions,

    async onAuthenticate({ token, documentName, connectionConfig }) {
      const user = await authenticate(token).catch((error: unknown) => {
        throw refusal(error instanceof Error ? error.message : 'not authenticated');
      });
      const doc = parseDocumentName(documentName);
      if (!doc) throw refusal('unknown document');
      if ('user' in doc) {
        if (doc.user !== user) throw refusal('not your document');
      } else {
        if (!(await isMember(sql, doc.group, user))) throw refusal('not a member of this group');
        // Members read every member's notes (and shared articles) in the group and write only their own.
        if (doc.author !== user) connectionConfig.readOnly = true;
        else if (!(await isMember(sql, doc.group, doc.author))) throw refusal('not a member of this group');
      }
      return { user };
    },

    async beforeHandleMessage({ update, documentName }) {
      const check = checkClientMessage(update);
      if (!check.ok) throw Object.assign(new Error(check.reason), { code: 4413, reason: check.reason.slice(0, 100) });
      const held = (documentBytes.get(documentName) ?? 0) + update.byteLength;
      if (held > SYNC_LIMITS.documentBytes) throw Object.assign(new Error('document full'), { code: 4413, reason: 'document is over its size limit' });
      documentBytes.set(documentName, held);
    },

    async onRequest({ request, response }) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      try {
        if (request.method === 'OPTIONS') send(response, 204, null);
        else if (path === '/login' && request.method === 'POST') await login(request, response);
        else if (path === '/me' && request.method === 'GET') await me(request, response);
        else if (path === '/health') send(response, 200, { ok: true });
        else send(response, 404, { error: 'not found' });
      } catch (error) {
        if (error instanceof HttpError) send(response, error.status, { error: error.message });
        else {
          console.error(error);
          send(response, 500, { error: 'server error' });
        }
      }
      // Handled: stop Hocuspocus from writing its default answer.
      throw null;
    },
  });

  await server.listen();
  const port = server.address.port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () => server.destroy(),
  };
}
