import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listAllAnnotations, saveAnnotation, deleteAnnotation } from '../../../src/core/annotations/annotation-store';
import { createStore, type Store } from '../../../src/core/storage/storage';
import { NOTES_MAP } from '../../../src/core/schema/sync-documents';
import { syncNotesPass } from '../../../src/core/sync/notes-sync';
import { readProgress, writeProgress } from '../../../src/core/settings/progress-store';
import { MemoryStorage } from '../../helpers/memory-storage';
import { edit, note } from './fixtures';

/** Two devices, each with its own local storage and Yjs document, and a document standing for the server. */
function device(): { store: Store; doc: Y.Doc } {
  return { store: createStore(new MemoryStorage(), null), doc: new Y.Doc() };
}

/** Connecting = exchanging everything both sides have (what the provider does on connect). */
function connect(server: Y.Doc, doc: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)));
}

type Device = ReturnType<typeof device>;

/** `from` runs a pass and both devices meet the server; then `to` runs a pass (what the app does on a change). */
function relay(server: Y.Doc, from: Device, to: Device, articles?: ReadonlySet<string>) {
  syncNotesPass(from.store, from.doc, 'amal', new Date(), articles);
  connect(server, from.doc);
  connect(server, to.doc);
  return syncNotesPass(to.store, to.doc, 'amal');
}

const notes = (store: Store) => listAllAnnotations(store).map((a) => [a.id, a.note, a.conflictOf ?? null]);

describe('syncNotesPass', () => {
  it('carries notes, edits and deletes from one device to another', () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    const first = note('n1', 'from the phone', '2026-05-01T08:00:00Z');
    saveAnnotation(phone.store, first);
    expect(relay(server, phone, laptop).receivedNotes).toBe(1);
    expect(notes(laptop.store)).toEqual([['n1', 'from the phone', null]]);

    saveAnnotation(laptop.store, edit(first, 'edited on the laptop', '2026-05-01T09:00:00Z'));
    relay(server, laptop, phone);
    expect(notes(phone.store)).toEqual([['n1', 'edited on the laptop', null]]);

    deleteAnnotation(phone.store, 'article-1', 'n1');
    relay(server, phone, laptop);
    expect(notes(laptop.store)).toEqual([]);
  });

  it('keeps both texts when two devices send their edits of one note at the same moment', () => {
    for (const laptopFirst of [false, true]) {
      const server = new Y.Doc();
      const phone = device();
      const laptop = device();
      const first = note('n1', 'original', '2026-05-01T08:00:00Z');
      saveAnnotation(phone.store, first);
      relay(server, phone, laptop);
      saveAnnotation(phone.store, edit(first, 'phone, earlier', '2026-05-01T09:00:00Z'));
      saveAnnotation(laptop.store, edit(first, 'laptop, later', '2026-05-01T10:00:00Z'));
      // Both send before either hears of the other; the document keeps only one of the two writes.
      syncNotesPass(phone.store, phone.doc, 'amal');
      syncNotesPass(laptop.store, laptop.doc, 'amal');
      for (const d of laptopFirst ? [laptop, phone] : [phone, laptop]) connect(server, d.doc);
      for (let round = 0; round < 3; round += 1) {
        for (const d of [phone, laptop]) {
          connect(server, d.doc);
          syncNotesPass(d.store, d.doc, 'amal');
          connect(server, d.doc);
        }
      }
      for (const d of [phone, laptop]) expect(notes(d.store).map(([, text]) => text).sort()).toEqual(['laptop, later', 'phone, earlier']);
    }
  });

  it('keeps both texts of a note edited offline on two devices', () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    const first = note('n1', 'original', '2026-05-01T08:00:00Z');
    saveAnnotation(phone.store, first);
    relay(server, phone, laptop);

    // Both offline: each edits the same note.
    saveAnnotation(phone.store, edit(first, 'phone, earlier', '2026-05-01T09:00:00Z'));
    saveAnnotation(laptop.store, edit(first, 'laptop, later', '2026-05-01T10:00:00Z'));

    expect(relay(server, phone, laptop).conflicts).toBe(1);
    connect(server, laptop.doc);
    connect(server, phone.doc);
    syncNotesPass(phone.store, phone.doc, 'amal');

    for (const d of [phone, laptop]) {
      const all = listAllAnnotations(d.store);
      expect(all.find((a) => a.id === 'n1')?.note).toBe('laptop, later');
      expect(all.filter((a) => a.conflictOf === 'n1').map((a) => a.note)).toEqual(['phone, earlier']);
    }
  });

  it('limits a pass to the articles it is given and keeps what was agreed for the others', () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    const a = note('a', 'in article one', '2026-05-01T08:00:00Z', 'one');
    const b = note('b', 'in article two', '2026-05-01T08:00:00Z', 'two');
    saveAnnotation(phone.store, a);
    saveAnnotation(phone.store, b);
    syncNotesPass(phone.store, phone.doc, 'amal');
    deleteAnnotation(phone.store, 'two', 'b');
    saveAnnotation(phone.store, edit(a, 'edited', '2026-05-01T09:00:00Z'));
    // Only article one is looked at: b's deletion waits for a pass that covers article two.
    relay(server, phone, laptop, new Set(['one']));
    expect(notes(laptop.store)).toEqual([['a', 'edited', null], ['b', 'in article two', null]]);
    relay(server, phone, laptop, new Set(['two']));
    expect(notes(laptop.store)).toEqual([['a', 'edited', null]]);
  });

  it('refuses invalid values in the document without touching local notes', () => {
    const d = device();
    const kept = note('mine', 'kept', '2026-05-01T08:00:00Z');
    saveAnnotation(d.store, kept);
    d.doc.getMap(NOTES_MAP).set('evil', { annotation: { ...note('evil', 'x', '2026-05-01T08:00:00Z'), color: '<script>' }, parent: null });
    d.doc.getMap(NOTES_MAP).set('renamed', { annotation: note('other-id', 'x', '2026-05-01T08:00:00Z'), parent: null });
    const result = syncNotesPass(d.store, d.doc, 'amal');
    expect(result.refused).toBe(2);
    expect(notes(d.store)).toEqual([['mine', 'kept', null]]);
  });

  it('syncs reading progress, the later position winning', () => {
    const server = new Y.Doc();
    const phone = device();
    const laptop = device();
    writeProgress(phone.store, 'a1', { blockId: 'p-1', fraction: 0.2, updated: '2026-05-01T08:00:00Z' });
    writeProgress(laptop.store, 'a1', { blockId: 'p-9', fraction: 0.9, updated: '2026-05-01T09:00:00Z' });
    relay(server, phone, laptop);
    connect(server, laptop.doc);
    connect(server, phone.doc);
    syncNotesPass(phone.store, phone.doc, 'amal');
    expect(readProgress(phone.store, 'a1')?.blockId).toBe('p-9');
  });
});
