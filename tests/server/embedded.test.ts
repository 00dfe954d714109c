// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { createAnnotation } from '../../src/core/annotations/annotation';
import { NOTES_MAP, personalDocumentName, type NoteRecord } from '../../src/core/schema/sync-documents';
import { CLOSE_REASONS } from '../../src/core/schema/sync-protocol';
import { closedWithin, connectDevice, eventually, login } from './client';
import { freePort, spawnSyncServer, type SyncServerProcess } from './services';

/**
 * The documented commands on the embedded default (PGlite in a data folder, nothing installed):
 * `sync:admin` while the server is stopped and while it runs (then the server runs the command, and a
 * password change ends the open sessions at once), `sync:server` printing its address, data kept
 * across a restart.
 */
const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'hashiya-sync-'));
const data = join(dir, 'data');
let server: SyncServerProcess | null = null;

async function admin(...args: string[]): Promise<string> {
  const { stdout } = await run(tsx, ['server/admin.ts', '--data', data, ...args]);
  return stdout.trim();
}

async function startServer(port: number): Promise<string> {
  server = await spawnSyncServer(['--port', String(port), '--data', data]);
  return server.addressLine;
}

async function stopServer(): Promise<void> {
  await server?.stop();
  server = null;
}

afterAll(async () => {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

it('runs on the embedded database: admin with the server stopped and running, the documented address line, data kept across a restart', async () => {
  expect(await admin('user', 'add', 'amal', '--password', 'correct horse')).toBe('user "amal" added');
  await admin('group', 'add', 'مكتب الأخبار');
  expect(await admin('group', 'member', 'مكتب الأخبار', 'amal')).toBe('"amal" is a member of "مكتب الأخبار"');

  const port = await freePort();
  expect(await startServer(port)).toBe(`listening on http://127.0.0.1:${port}`);
  const url = `http://127.0.0.1:${port}`;
  const { status, body } = await login(url, 'amal', 'correct horse');
  expect(status).toBe(200);
  expect(body.groups).toEqual([{ name: 'مكتب الأخبار', members: ['amal'] }]);

  const device = connectDevice(url, personalDocumentName('amal'), body.token as string);
  await device.ready;
  const annotation = createAnnotation({
    id: 'n1',
    articleId: 'a1',
    note: 'محفوظة',
    selectors: { blockId: 'p-1', quote: { type: 'TextQuoteSelector', exact: 'نص', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 2 } },
  });
  device.doc.getMap(NOTES_MAP).set('n1', { annotation, parent: null } satisfies NoteRecord);
  await eventually(() => !device.provider.hasUnsyncedChanges);

  // While the server runs (it holds the folder), the CLI hands the command to it: the session ends at once.
  expect(await admin('user', 'passwd', 'amal', '--password', 'another horse')).toMatch(/sessions ended/);
  expect(await closedWithin(1_000, device)).toEqual([CLOSE_REASONS.signedOut]);
  device.stopReconnecting();
  device.destroy();
  await stopServer();
  await startServer(port);
  const again = await login(url, 'amal', 'another horse');
  expect(again.status).toBe(200);
  const reader = connectDevice(url, personalDocumentName('amal'), again.body.token as string);
  await reader.ready;
  expect((reader.doc.getMap(NOTES_MAP).get('n1') as NoteRecord).annotation.note).toBe('محفوظة');
  reader.destroy();
}, 150_000);
