import { describe, expect, it } from 'vitest';
import { planNotesSync, conflictCopyId } from '../../../src/core/sync/reconcile';
import type { NoteRecord } from '../../../src/core/schema/sync-documents';
import type { Annotation } from '../../../src/core/annotations/annotation';
import { edit, note } from './fixtures';

const NOW = new Date('2026-05-01T12:00:00Z');
const byId = (...as: Annotation[]) => new Map(as.map((a) => [a.id, a]));
const records = (...rs: NoteRecord[]) => new Map(rs.map((r) => [r.annotation.id, r]));

describe('planNotesSync', () => {
  const original = note('n1', 'first', '2026-05-01T08:00:00Z');
  const base = { n1: original.modified };

  it('sends a new local note and takes a new remote one', () => {
    const mine = note('mine', 'here', '2026-05-01T09:00:00Z');
    const theirs = note('theirs', 'there', '2026-05-01T09:00:00Z');
    const plan = planNotesSync({ local: byId(mine), remote: records({ annotation: theirs, parent: null }), tombstones: new Map(), base: {} }, NOW);
    expect(plan.remotePuts.get('mine')).toEqual({ annotation: mine, parent: null });
    expect(plan.localPuts).toEqual([theirs]);
    expect(plan.base).toEqual({ mine: mine.modified, theirs: theirs.modified });
  });

  it('takes the side that changed when only one did', () => {
    const edited = edit(original, 'edited there', '2026-05-01T09:00:00Z');
    const pull = planNotesSync({ local: byId(original), remote: records({ annotation: edited, parent: original.modified }), tombstones: new Map(), base }, NOW);
    expect(pull.localPuts).toEqual([edited]);
    expect(pull.remotePuts.size).toBe(0);

    const push = planNotesSync({ local: byId(edited), remote: records({ annotation: original, parent: null }), tombstones: new Map(), base }, NOW);
    expect(push.remotePuts.get('n1')).toEqual({ annotation: edited, parent: original.modified });
    expect(push.localPuts).toEqual([]);
  });

  it('keeps both texts when both devices edited the same note: the later wins, the other becomes a conflict copy', () => {
    const phone = edit(original, 'phone text', '2026-05-01T09:00:00Z');
    const laptop = edit(original, 'laptop text', '2026-05-01T10:00:00Z');
    // The laptop reconnects after the phone already sent its edit.
    const plan = planNotesSync({ local: byId(laptop), remote: records({ annotation: phone, parent: original.modified }), tombstones: new Map(), base }, NOW);
    const copyId = conflictCopyId('n1', phone);
    expect(plan.conflicts).toBe(1);
    expect(plan.remotePuts.get('n1')).toEqual({ annotation: laptop, parent: phone.modified });
    expect(plan.localPuts).toEqual([{ ...phone, id: copyId, conflictOf: 'n1' }]);
    expect(plan.remotePuts.get(copyId)?.annotation).toEqual({ ...phone, id: copyId, conflictOf: 'n1' });

    // The phone then receives the laptop's winner, made from its own version: no second conflict.
    const phonePlan = planNotesSync(
      { local: byId(phone), remote: records({ annotation: laptop, parent: phone.modified }, { annotation: { ...phone, id: copyId, conflictOf: 'n1' }, parent: null }), tombstones: new Map(), base: { n1: phone.modified } },
      NOW,
    );
    expect(phonePlan.conflicts).toBe(0);
    expect(phonePlan.localPuts.map((a) => [a.id, a.note])).toEqual([
      ['n1', 'laptop text'],
      [copyId, 'phone text'],
    ]);
  });

  it('takes the remote winner locally and copies the local text when the remote edit is later', () => {
    const mine = edit(original, 'mine, earlier', '2026-05-01T09:00:00Z');
    const theirs = edit(original, 'theirs, later', '2026-05-01T10:00:00Z');
    const plan = planNotesSync({ local: byId(mine), remote: records({ annotation: theirs, parent: original.modified }), tombstones: new Map(), base }, NOW);
    expect(plan.localPuts.map((a) => [a.id, a.note, a.conflictOf])).toEqual([
      ['n1', 'theirs, later', undefined],
      [conflictCopyId('n1', mine), 'mine, earlier', 'n1'],
    ]);
  });

  it('sends a local note again rather than take an older version from the document', () => {
    const edited = edit(original, 'sent, then lost by the server', '2026-05-01T09:00:00Z');
    const plan = planNotesSync({ local: byId(edited), remote: records({ annotation: original, parent: null }), tombstones: new Map(), base: { n1: edited.modified } }, NOW);
    expect(plan.localPuts).toEqual([]);
    expect(plan.remotePuts.get('n1')?.annotation).toEqual(edited);
  });

  it('makes no copy when both sides made the same change', () => {
    const a = edit(original, 'same', '2026-05-01T09:00:00Z');
    const b = edit(original, 'same', '2026-05-01T09:30:00Z');
    const plan = planNotesSync({ local: byId(a), remote: records({ annotation: b, parent: original.modified }), tombstones: new Map(), base }, NOW);
    expect(plan.conflicts).toBe(0);
    expect(plan.localPuts).toEqual([b]);
  });

  it('spreads a delete made on one side when the other side did not change the note', () => {
    const deletedHere = planNotesSync({ local: new Map(), remote: records({ annotation: original, parent: null }), tombstones: new Map(), base }, NOW);
    expect([...deletedHere.remoteDeletes.keys()]).toEqual(['n1']);
    expect(deletedHere.base).toEqual({});

    const deletedThere = planNotesSync({ local: byId(original), remote: new Map(), tombstones: new Map([['n1', { deleted: NOW.toISOString() }]]), base }, NOW);
    expect(deletedThere.localDeletes).toEqual([original]);
  });

  it('brings a note back when it was deleted on one side and edited on the other: no note is lost', () => {
    const edited = edit(original, 'edited', '2026-05-01T09:00:00Z');
    const deletedHere = planNotesSync({ local: new Map(), remote: records({ annotation: edited, parent: original.modified }), tombstones: new Map(), base }, NOW);
    expect(deletedHere.localPuts).toEqual([edited]);
    expect(deletedHere.remoteDeletes.size).toBe(0);

    const deletedThere = planNotesSync({ local: byId(edited), remote: new Map(), tombstones: new Map([['n1', { deleted: NOW.toISOString() }]]), base }, NOW);
    expect(deletedThere.localDeletes).toEqual([]);
    expect(deletedThere.remotePuts.get('n1')?.annotation).toEqual(edited);
  });
});
