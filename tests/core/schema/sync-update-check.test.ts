import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../../src/core/schema/sync-update-check';
import { NOTES_MAP, PROGRESS_MAP } from '../../../src/core/schema/sync-documents';
import { SYNC_LIMITS } from '../../../src/core/limits';
import { note } from '../sync/fixtures';

function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

describe('checkUpdate', () => {
  it('accepts valid notes and progress, and edits of existing entries', () => {
    const doc = new Y.Doc();
    doc.getMap(NOTES_MAP).set('n1', { annotation: note('n1', 'a', '2026-05-01T08:00:00Z'), parent: null });
    const before = Y.encodeStateVector(doc);
    doc.getMap(NOTES_MAP).set('n1', { annotation: note('n1', 'b', '2026-05-01T09:00:00Z'), parent: '2026-05-01T08:00:00.000Z' });
    doc.getMap(PROGRESS_MAP).set('a1', { blockId: 'p-1', fraction: 0.5, updated: '2026-05-01T08:00:00Z' });
    expect(checkUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true });
    expect(checkUpdate(Y.encodeStateAsUpdate(doc, before))).toEqual({ ok: true });
  });

  it('refuses unknown maps, nested types, text, invalid notes and oversize updates', () => {
    expect(checkUpdate(updateOf((d) => d.getMap('elsewhere').set('k', 1))).ok).toBe(false);
    expect(checkUpdate(updateOf((d) => d.getText('notes').insert(0, '<b>x</b>'))).ok).toBe(false);
    expect(checkUpdate(updateOf((d) => d.getMap(NOTES_MAP).set('k', new Y.Map()))).ok).toBe(false);
    expect(checkUpdate(updateOf((d) => d.getMap(NOTES_MAP).set('k', { annotation: { id: 'k' }, parent: null })))).toMatchObject({ ok: false });
    expect(checkUpdate(new Uint8Array(SYNC_LIMITS.messageBytes + 1))).toMatchObject({ ok: false });
    expect(checkUpdate(new Uint8Array([255, 255, 255]))).toMatchObject({ ok: false });
  });
});
