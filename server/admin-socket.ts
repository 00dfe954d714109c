import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { AccountError } from './accounts';
import { runAdminCommand } from './admin-commands';
import type { Sql } from './database';

/**
 * The embedded database (PGlite) is held by the running server alone, so the admin CLI hands its
 * command to the server through a Unix socket in the data folder (readable by the folder's owner
 * only) and the server runs it: a password change or a removal then takes effect at once, on the
 * open connections too, without stopping the server. With the server stopped the CLI opens the
 * folder itself.
 */
export const adminSocketPath = (dataDir: string) => join(dataDir, 'admin.sock');

interface AdminRequest {
  readonly argv: readonly string[];
  readonly password: string;
}

export interface AdminAnswer {
  readonly ok: boolean;
  readonly output: string;
}

/** Serves admin commands on the folder's socket; resolves with a function that stops serving. */
export async function serveAdmin(dataDir: string, sql: Sql): Promise<() => Promise<void>> {
  const path = adminSocketPath(dataDir);
  // Left behind by a server that was killed: nobody answers on it (PGlite's own lock says we hold the folder).
  if (existsSync(path)) rmSync(path);
  const server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > 64 * 1024) socket.destroy();
      if (!input.includes('\n')) return;
      void (async () => {
        let answer: AdminAnswer;
        try {
          const request = JSON.parse(input.slice(0, input.indexOf('\n'))) as AdminRequest;
          answer = { ok: true, output: await runAdminCommand(sql, request.argv, request.password) };
        } catch (error) {
          answer = { ok: false, output: error instanceof AccountError ? error.message : String(error) };
        }
        socket.end(`${JSON.stringify(answer)}\n`);
      })();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return () =>
    new Promise((resolve) =>
      server.close(() => {
        rmSync(path, { force: true });
        resolve();
      }),
    );
}

/** The running server's answer to an admin command, or null when no server holds the folder. */
export function askRunningServer(dataDir: string, request: AdminRequest): Promise<AdminAnswer | null> {
  const path = adminSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (output += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(output) as AdminAnswer);
      } catch {
        resolve({ ok: false, output: 'the running server gave no answer' });
      }
    });
    socket.on('error', () => resolve(null));
  });
}
