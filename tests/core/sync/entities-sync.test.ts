import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Correction } from '../../../src/core/entities/corrections';
import { deleteCorrection, readCorrections, readPersonalLists, saveCorrection } from '../../../src/core/entities/correction-store';
import { SYNC_LIMITS } from '../../../src/core/limits';
import { createStore, type Store } from '../../../src/core/storage/storage';
import { CORRECTIONS_MAP, NAMES_MAP } from '../../../src/core/schema/sync-documents';
import { syncEntitiesPass } from '../../../src/core/sync/entities-sync';
import { MemoryStorage } from '../../helpers/memory-storage';

interface Device {
  readonly store: Store;
  readonly doc: Y.Doc;
}

const device = (): Device => ({ store: createStore(new MemoryStorage(), null), doc: new Y.Doc() });

function connect(server: Y.Doc, doc: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
}

function relay(server: Y.Doc, from: Device, to: Device) {
  syncEntitiesPass(from.store, from.doc, 'amal@s');
  connect(server, from.doc);
  connect(server, to.doc);
  return syncEntitiesPass(to.store, to.doc, 'amal@s');
}

function correction(id: string, text: string, overrides: Partial<Correction> = {}): Correction {
  return { id, kind: 'add', blockId: 'p-abc', start: 0, end: text.length, text, type: 'PERS', scope: 'article', created: 1_700_000_000_000, ...overrides };
}

describe('syncEntitiesPass', () => {
  it('carries corrections and the personal lists to another device, and their removal', () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    saveCorrection(phone.store, 'article-1', correction('c1', 'سعيد الإدريسي'));
    saveCorrection(phone.store, 'article-2', correction('c2', 'المسيّرات', { kind: 'remove', type: undefined, scope: 'everywhere' }));
    const result = relay(server, phone, laptop);
    expect(result).toMatchObject({ received: 3, changedArticles: ['article-1', 'article-2'], listsChanged: true });
    expect(readCorrections(laptop.store, 'article-1')).toEqual(readCorrections(phone.store, 'article-1'));
    expect(readPersonalLists(laptop.store)).toEqual({ names: [], nonNames: ['المسيّرات'] });

    deleteCorrection(laptop.store, 'article-2', 'c2');
    relay(server, laptop, phone);
    expect(readCorrections(phone.store, 'article-2')).toEqual([]);
    expect(readPersonalLists(phone.store)).toEqual({ names: [], nonNames: [] });
    expect(readCorrections(phone.store, 'article-1')).toHaveLength(1);
  });

  it("gives a name typed differently on two devices offline to the version the server holds (the first to reach it)", () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    saveCorrection(phone.store, 'article-1', correction('c1', 'الرباط', { type: 'LOC', scope: 'everywhere' }));
    relay(server, phone, laptop);
    saveCorrection(phone.store, 'article-1', correction('c2', 'الرباط', { type: 'ORG', scope: 'everywhere' }));
    saveCorrection(laptop.store, 'article-1', correction('c3', 'الرباط', { type: 'PERS', scope: 'everywhere' }));
    relay(server, phone, laptop);
    expect(readPersonalLists(laptop.store).names).toEqual([{ text: 'الرباط', type: 'ORG' }]);
    relay(server, laptop, phone);
    expect(readPersonalLists(phone.store).names).toEqual(readPersonalLists(laptop.store).names);
  });

  it('refuses invalid values from the document and keeps over-long local entries on their device', () => {
    const laptop = device();
    laptop.doc.getMap(CORRECTIONS_MAP).set('article-1/evil', { articleId: 'article-1', correction: { ...correction('evil', 'x'), end: 0 } });
    laptop.doc.getMap(CORRECTIONS_MAP).set('article-9/c1', { articleId: 'article-1', correction: correction('c1', 'اسم') });
    laptop.doc.getMap(NAMES_MAP).set('wrong key', { text: 'اسم', type: 'LOC' });
    laptop.doc.getMap(NAMES_MAP).set('اسم', { text: 'اسم', type: '<b>' });
    const long = 'ا'.repeat(SYNC_LIMITS.nameTextLength + 1);
    saveCorrection(laptop.store, 'article-1', correction('c-long', long, { scope: 'everywhere' }));
    const result = syncEntitiesPass(laptop.store, laptop.doc, 'amal@s');
    expect(result.refused).toBe(4);
    expect(result.sent).toBe(0);
    expect(readPersonalLists(laptop.store).names).toEqual([{ text: long, type: 'PERS' }]);
    expect(readCorrections(laptop.store, 'article-1').map((c) => c.id)).toEqual(['c-long']);
  });
});
