// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteAnnotation, listAllAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { deleteImported, getImported, listSummaries, saveImported, setArticleGroups } from '../../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { readCorrections, readPersonalLists, saveCorrection } from '../../../src/core/entities/correction-store';
import { readProgress, writeProgress } from '../../../src/core/settings/progress-store';
import { createIdbStore, type IdbStore } from '../../../src/core/storage/idb-store';
import { createStore, type Store } from '../../../src/core/storage/storage';
import { readSyncAccount, saveSyncAccount } from '../../../src/core/sync/account-store';
import { startSyncEngine, type SyncEngine, type SyncStatus } from '../../../src/core/sync/engine';
import { MemoryStorage } from '../../helpers/memory-storage';
import { edit, note } from './fixtures';
import { MemoryServer, type MemoryTransport } from './memory-server';
import { CLOSE_REASONS } from '../../../src/core/schema/sync-protocol';

/**
 * The sync engine end to end, in Node: each device has its own localStorage (in memory) and
 * IndexedDB (fake-indexeddb), the server is in memory (memory-server.ts, with the real server's
 * access rules and update checks). What a reader does is written to the device's stores, as the
 * app does; the engine must notice it from the stores' own announcements and carry it over.
 */

interface Device {
  readonly user: string;
  readonly store: Store;
  readonly db: IdbStore;
  readonly transport: MemoryTransport;
  engine: SyncEngine;
  readonly statuses: SyncStatus[];
  restarts: number;
  /** GET /me asked. */
  sessionChecks: number;
}

const running: Device[] = [];
let dbs = 0;

function start(server: MemoryServer, device: Omit<Device, 'engine'> & { engine?: SyncEngine }): Device {
  const account = readSyncAccount(device.store)!;
  device.engine = startSyncEngine({
    store: device.store,
    db: device.db,
    account,
    transport: device.transport,
    fetchSession: async () => {
      device.sessionChecks += 1;
      return { ok: true, session: server.session(device.user) };
    },
    onStatus: (status) => device.statuses.push(status),
    onGroupsChanged: () => (device.restarts += 1),
    timing: { passDelayMs: 2, periodicPassMs: 3_600_000, markIntervalMs: 0, groupsRefreshMs: 3_600_000 },
  });
  return device as Device;
}

function device(server: MemoryServer, user: string): Device {
  const store = createStore(new MemoryStorage(), null);
  saveSyncAccount(store, 'https://sync.example.org', server.session(user));
  dbs += 1;
  const made = start(server, {
    user,
    store,
    db: createIdbStore({ factory: new IDBFactory(), name: `engine-test-${dbs}` }),
    transport: server.connect(user),
    statuses: [],
    restarts: 0,
    sessionChecks: 0,
  });
  running.push(made);
  return made;
}

/** Until every device's engine has nothing left to do (a pass on one may start passes on others). */
async function settle(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const d of devices) await d.engine.idle();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const notes = (store: Store) => listAllAnnotations(store).map((a) => [a.id, a.note, a.conflictOf === undefined ? null : 'copy'] as const);
const lastState = (d: Device) => d.statuses[d.statuses.length - 1]?.state;

let articles = 0;
function article(title: string) {
  articles += 1;
  return parsePlainTextArticle(`${title}\n\nفقرة أولى من نص المقال. وجملة ثانية فيه.`, { id: `imp-engine-${articles}` });
}

afterEach(() => {
  for (const d of running.splice(0)) {
    d.engine.stop();
    d.db.close();
  }
});

describe('the sync engine', () => {
  it('carries a note, its edit and its deletion from one device to another, from the stores’ own announcements', async () => {
    const server = new MemoryServer();
    const phone = device(server, 'amal');
    const laptop = device(server, 'amal');
    await settle(phone, laptop);
    const first = note('n1', 'from the phone', '2026-05-01T08:00:00Z');
    saveAnnotation(phone.store, first);
    await settle(phone, laptop);
    expect(notes(laptop.store)).toEqual([['n1', 'from the phone', null]]);

    saveAnnotation(laptop.store, edit(first, 'edited on the laptop', '2026-05-01T09:00:00Z'));
    await settle(phone, laptop);
    expect(notes(phone.store)).toEqual([['n1', 'edited on the laptop', null]]);

    deleteAnnotation(phone.store, 'article-1', 'n1');
    await settle(phone, laptop);
    expect(notes(laptop.store)).toEqual([]);
    expect(notes(phone.store)).toEqual([]);
    expect(lastState(phone)).toBe('synced');
    expect(readSyncAccount(phone.store)?.lastSynced).not.toBeNull();
  });

  it('keeps edits made offline and sends them on reconnecting; both sides’ edits of one note end as the note and a conflict copy', async () => {
    const server = new MemoryServer();
    const phone = device(server, 'amal');
    const laptop = device(server, 'amal');
    const first = note('n1', 'original', '2026-05-01T08:00:00Z');
    saveAnnotation(phone.store, first);
    await settle(phone, laptop);
    expect(notes(laptop.store)).toEqual([['n1', 'original', null]]);

    phone.transport.setOnline(false);
    await settle(phone, laptop);
    expect(lastState(phone)).toBe('offline');
    saveAnnotation(phone.store, edit(first, 'phone, offline', '2026-05-01T09:00:00Z'));
    saveAnnotation(phone.store, note('n2', 'new while offline', '2026-05-01T09:05:00Z'));
    saveAnnotation(laptop.store, edit(first, 'laptop, online', '2026-05-01T09:30:00Z'));
    await settle(phone, laptop);
    // Nothing left the phone while it was offline.
    expect(notes(laptop.store)).toEqual([['n1', 'laptop, online', null]]);

    phone.transport.setOnline(true);
    await settle(phone, laptop);
    for (const d of [phone, laptop]) {
      const all = notes(d.store);
      expect(all).toContainEqual(['n2', 'new while offline', null]);
      // The later edit is the note; the other text is kept as a conflict copy, on both devices.
      expect(all).toContainEqual(['n1', 'laptop, online', null]);
      expect(all.filter(([, text, copy]) => copy === 'copy' && text === 'phone, offline')).toHaveLength(1);
      expect(all).toHaveLength(3);
    }
    expect(phone.statuses.some((s) => s.conflicts > 0) || laptop.statuses.some((s) => s.conflicts > 0)).toBe(true);
  });

  it('a note deleted on one device while the other is offline is gone from both once it returns', async () => {
    const server = new MemoryServer();
    const phone = device(server, 'amal');
    const laptop = device(server, 'amal');
    saveAnnotation(phone.store, note('n1', 'to delete', '2026-05-01T08:00:00Z'));
    saveAnnotation(phone.store, note('n2', 'to keep', '2026-05-01T08:01:00Z'));
    await settle(phone, laptop);
    laptop.transport.setOnline(false);
    deleteAnnotation(phone.store, 'article-1', 'n1');
    await settle(phone, laptop);
    expect(notes(laptop.store)).toHaveLength(2);
    laptop.transport.setOnline(true);
    await settle(phone, laptop);
    expect(notes(laptop.store)).toEqual([['n2', 'to keep', null]]);
  });

  it('syncs reading positions, entity corrections and the personal lists through the reader’s own document', async () => {
    const server = new MemoryServer();
    const phone = device(server, 'amal');
    const laptop = device(server, 'amal');
    writeProgress(phone.store, 'article-1', { blockId: 'p-abc', fraction: 0.4, updated: '2026-05-01T08:00:00.000Z' });
    saveCorrection(phone.store, 'article-1', { id: 'c1', kind: 'add', blockId: 'p-abc', start: 0, end: 5, text: 'طهران', type: 'LOC', scope: 'everywhere', created: 1 });
    await settle(phone, laptop);
    expect(readProgress(laptop.store, 'article-1')?.fraction).toBe(0.4);
    expect(readCorrections(laptop.store, 'article-1').map((c) => c.id)).toEqual(['c1']);
    expect(readPersonalLists(laptop.store).names).toEqual([{ text: 'طهران', type: 'LOC' }]);
  });

  it('carries an imported article through the library document, and its deletion', async () => {
    const server = new MemoryServer();
    const phone = device(server, 'amal');
    const laptop = device(server, 'amal');
    const first = article('مقال من الهاتف');
    await saveImported(phone.db, first, 'import', { now: new Date('2026-05-01T08:00:00Z') });
    await settle(phone, laptop);
    expect((await getImported(laptop.db, first.id))?.article).toEqual(first);

    await deleteImported(laptop.db, first.id);
    await settle(phone, laptop);
    expect(await listSummaries(phone.db)).toEqual([]);
  });

  it('group channels: a member’s group note and shared article reach the other members, read-only', async () => {
    const server = new MemoryServer();
    server.groups.set('desk', ['amal', 'omar']);
    const amal = device(server, 'amal');
    const omar = device(server, 'omar');
    await settle(amal, omar);
    saveAnnotation(amal.store, { ...note('g1', 'for the desk', '2026-05-01T08:00:00Z'), group: 'desk', author: 'amal' });
    saveAnnotation(amal.store, note('p1', 'private', '2026-05-01T08:01:00Z'));
    const shared = article('مقال للمجموعة');
    await saveImported(amal.db, shared, 'import');
    await setArticleGroups(amal.db, shared.id, ['desk']);
    await settle(amal, omar);

    expect(notes(omar.store)).toEqual([['g1', 'for the desk', null]]);
    const mirrored = await getImported(omar.db, shared.id);
    expect(mirrored?.sharedBy).toEqual({ group: 'desk', author: 'amal' });

    // Omar's copy of Amal's note is hers: changing it here never reaches her, and the mirror puts it back.
    saveAnnotation(omar.store, edit(listAllAnnotations(omar.store)[0]!, 'changed by omar', '2026-05-01T09:00:00Z'));
    await settle(amal, omar);
    expect(notes(amal.store)).toContainEqual(['g1', 'for the desk', null]);
  });

  it('a change of groups on the server is saved and asks for a restart with the new documents', async () => {
    const server = new MemoryServer();
    const amal = device(server, 'amal');
    await settle(amal);
    server.groups.set('desk', ['amal', 'omar']);
    await amal.engine.refreshMembership();
    expect(amal.restarts).toBe(1);
    expect(readSyncAccount(amal.store)?.session.groups).toEqual([{ name: 'desk', members: ['amal', 'omar'] }]);
    await amal.engine.refreshMembership();
    expect(amal.restarts).toBe(1);
  });

  it('shows the reason the server gave for refusing a change, and a stopped engine does nothing more', async () => {
    const server = new MemoryServer();
    const amal = device(server, 'amal');
    await settle(amal);
    expect(lastState(amal)).toBe('synced');
    server.refusing.set('user:amal', 'document is over its size limit');
    saveAnnotation(amal.store, note('x1', 'refused', '2026-05-01T08:00:00Z'));
    await settle(amal);
    expect(amal.statuses[amal.statuses.length - 1]).toMatchObject({ state: 'error', reason: { key: 'refusedChange', detail: 'document is over its size limit' } });
    // Nothing was applied on the server; the note stays on the device.
    expect([...server.doc('user:amal').getMap('notes').keys()]).toEqual([]);
    expect(notes(amal.store)).toEqual([['x1', 'refused', null]]);
    // The connection going down is "offline", not the refusal.
    amal.transport.setOnline(false);
    await settle(amal);
    expect(lastState(amal)).toBe('offline');

    amal.engine.stop();
    expect(lastState(amal)).toBe('off');
    server.refusing.clear();
    saveAnnotation(amal.store, note('x2', 'after stop', '2026-05-01T08:05:00Z'));
    await settle(amal);
    expect([...server.doc('user:amal').getMap('notes').keys()]).toEqual([]);
  });
});

describe('what the server says about the session and the groups', () => {
  it('asks for the groups the moment the server says they changed, not at the next poll (20 s in the app, an hour here)', async () => {
    const server = new MemoryServer();
    const amal = device(server, 'amal');
    await settle(amal);
    server.setMembers('desk', ['amal', 'omar']);
    await settle(amal);
    expect(amal.restarts).toBe(1);
    expect(readSyncAccount(amal.store)?.session.groups).toEqual([{ name: 'desk', members: ['amal', 'omar'] }]);
  });

  it('a reader taken out of a group: its documents close, the groups are asked again at once (even without the notice), the status names the group left and is not an error', async () => {
    const server = new MemoryServer();
    server.groups.set('desk', ['amal', 'omar']);
    const amal = device(server, 'amal');
    const omar = device(server, 'omar');
    saveAnnotation(omar.store, { ...note('g1', 'for the desk', '2026-05-01T08:00:00Z'), group: 'desk', author: 'omar' });
    await settle(amal, omar);
    expect(notes(amal.store)).toEqual([['g1', 'for the desk', null]]);

    // The notice is lost: the documents' close reason alone must bring the change in (four of them close; one question).
    server.setMembers('desk', ['omar'], { notify: false });
    await settle(amal, omar);
    expect(amal.restarts).toBe(1);
    expect(amal.sessionChecks).toBe(1);
    expect(readSyncAccount(amal.store)?.session.groups).toEqual([]);
    const last = amal.statuses[amal.statuses.length - 1]!;
    expect(last.groupsLeft).toEqual(['desk']);
    expect(last.state).not.toBe('error');
    // What the group shared stays on the device.
    expect(notes(amal.store)).toEqual([['g1', 'for the desk', null]]);
    // The count of groups left survives the restart the change asks for, and a stop.
    amal.engine.stop();
    expect(amal.statuses[amal.statuses.length - 1]).toMatchObject({ state: 'off', groupsLeft: ['desk'] });
  });

  it.each([
    [CLOSE_REASONS.signedOut, 'signedOut'],
    [CLOSE_REASONS.accountRemoved, 'accountRemoved'],
  ])('the server ending the session (%s) shows as %s, sends nothing more, and keeps everything local', async (reason, key) => {
    const server = new MemoryServer();
    const amal = device(server, 'amal');
    saveAnnotation(amal.store, note('n1', 'kept', '2026-05-01T08:00:00Z'));
    await settle(amal);
    server.endSession('amal', reason);
    await settle(amal);
    expect(amal.statuses[amal.statuses.length - 1]).toEqual({ state: 'error', reason: { key }, conflicts: 0, tooLarge: 0 });

    saveAnnotation(amal.store, note('n2', 'written after', '2026-05-01T09:00:00Z'));
    // Reconnecting is refused with the same reason; the message stays and nothing is sent.
    amal.transport.setOnline(false);
    amal.transport.setOnline(true);
    await settle(amal);
    expect(amal.statuses[amal.statuses.length - 1]).toMatchObject({ state: 'error', reason: { key } });
    expect([...server.doc('user:amal').getMap('notes').keys()]).toEqual(['n1']);
    expect(notes(amal.store).map(([id]) => id)).toEqual(['n1', 'n2']);
  });

  it('a server restart is not an error: offline while it is away, synced once it is back', async () => {
    const server = new MemoryServer();
    const amal = device(server, 'amal');
    await settle(amal);
    amal.transport.serverRestarted();
    await settle(amal);
    expect(amal.statuses.some((s) => s.state === 'error')).toBe(false);
    expect(lastState(amal)).toBe('synced');
  });
});
