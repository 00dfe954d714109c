import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/core/storage/storage';
import { matchesOwner, readSyncAccount, readSyncBase, refreshGroups, saveSyncAccount, signOut, writeSyncBase } from '../../../src/core/sync/account-store';
import { MemoryStorage } from '../../helpers/memory-storage';

const session = { user: 'amal', token: 'abc.def', expires: '2026-06-01T00:00:00.000Z', groups: [{ name: 'مكتب الأخبار', members: ['amal', 'badr'] }] };

describe('sync account', () => {
  it('keeps the session (never a password) and signing out removes it and every record of what was agreed', () => {
    const backend = new MemoryStorage();
    const store = createStore(backend, null);
    expect(saveSyncAccount(store, 'https://sync.example.org/', session).ok).toBe(true);
    expect(readSyncAccount(store)?.server).toBe('https://sync.example.org');
    writeSyncBase(store, 'amal@https://sync.example.org', { n1: '2026-05-01T08:00:00.000Z' });
    writeSyncBase(store, 'amal@https://sync.example.org|group:مكتب الأخبار:amal', { g1: '2026-05-01T08:00:00.000Z' });
    writeSyncBase(store, 'badr@https://sync.example.org', { n2: '2026-05-01T08:00:00.000Z' });
    signOut(store);
    expect(readSyncAccount(store)).toBeNull();
    expect(readSyncBase(store, 'amal@https://sync.example.org')).toEqual({});
    expect(readSyncBase(store, 'amal@https://sync.example.org|group:مكتب الأخبار:amal')).toEqual({});
    expect(readSyncBase(store, 'badr@https://sync.example.org')).toEqual({ n2: '2026-05-01T08:00:00.000Z' });
    expect([...backend.map.values()].join('')).not.toContain('abc.def');
  });

  it('takes the groups the server names now, and only for the same reader', () => {
    const store = createStore(new MemoryStorage(), null);
    saveSyncAccount(store, 'https://sync.example.org', session);
    expect(refreshGroups(store, { ...session, groups: [{ name: 'مكتب الأخبار', members: ['badr', 'amal'] }] })).toBe(false);
    const joined = [...session.groups, { name: 'قسم الاقتصاد', members: ['amal'] }];
    expect(refreshGroups(store, { ...session, token: 'other', groups: joined })).toBe(true);
    expect(readSyncAccount(store)?.session).toEqual({ ...session, groups: joined });
    expect(refreshGroups(store, { ...session, user: 'badr', groups: [] })).toBe(false);
    expect(refreshGroups(store, { ...session, groups: [] })).toBe(true);
    expect(readSyncAccount(store)?.session.groups).toEqual([]);
  });

  it('refuses a stored account that is not valid (a server address that is not http)', () => {
    const backend = new MemoryStorage();
    backend.setItem('hashiya:sync', JSON.stringify({ v: 1, data: { server: 'javascript:alert(1)', session, lastSynced: null } }));
    expect(readSyncAccount(createStore(backend, null))).toBeNull();
  });

  it('filters notes by owner', () => {
    const mine = {};
    const ownGroup = { group: 'g', author: 'amal' };
    const theirs = { group: 'g', author: 'badr' };
    expect([mine, ownGroup, theirs].filter((a) => matchesOwner(a, 'mine', 'amal'))).toEqual([mine, ownGroup]);
    expect([mine, ownGroup, theirs].filter((a) => matchesOwner(a, 'group', 'amal'))).toEqual([ownGroup, theirs]);
    expect([mine, ownGroup, theirs].filter((a) => matchesOwner(a, 'all', 'amal'))).toHaveLength(3);
  });
});
