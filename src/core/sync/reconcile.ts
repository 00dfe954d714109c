import type { Annotation } from '../annotations/annotation';
import { ANNOTATION_LIMITS } from '../limits';
import { hash, idRecord } from '../storage/storage';
import type { NoteRecord, Tombstone } from '../schema/sync-documents';

/**
 * Merging a device's notes with a synced document, note by note, with no note ever lost.
 *
 * `base[id]` is the `modified` stamp of the version this device and the document last agreed on.
 * Against it each side is either unchanged or changed:
 * - one side changed → it wins;
 * - both changed (two devices edited the same note offline) → the later edit keeps the id, the other
 *   survives as a conflict copy (a normal note with `conflictOf: <id>`), on both sides;
 * - deleted on one side while unchanged on the other → deleted on both; deleted on one side while
 *   edited on the other → the edit wins and the note comes back.
 * Every record written to the document names its parent (the version it replaces), so a device that
 * receives a record made from its own current version takes it without calling it a conflict.
 */

export interface NotesState {
  readonly local: ReadonlyMap<string, Annotation>;
  readonly remote: ReadonlyMap<string, NoteRecord>;
  readonly tombstones: ReadonlyMap<string, Tombstone>;
  readonly base: Readonly<Record<string, string>>;
}

export interface NotesPlan {
  /** Notes to write to local storage (new, changed, conflict copies, resurrected). */
  readonly localPuts: Annotation[];
  readonly localDeletes: Annotation[];
  /** Records to write to the document, by id. */
  readonly remotePuts: Map<string, NoteRecord>;
  /** Ids to remove from the document, with their tombstone. */
  readonly remoteDeletes: Map<string, Tombstone>;
  readonly base: Record<string, string>;
  /** How many conflict copies were made. */
  readonly conflicts: number;
}

function sameContent(a: Annotation, b: Annotation): boolean {
  return a.note === b.note && a.color === b.color && a.tags.join('\u0000') === b.tags.join('\u0000') && JSON.stringify(a.target) === JSON.stringify(b.target);
}

/** Later `modified` wins; a tie goes to the larger note text so both devices pick the same one. */
function later(a: Annotation, b: Annotation): Annotation {
  if (a.modified !== b.modified) return a.modified > b.modified ? a : b;
  return a.note >= b.note ? a : b;
}

/** The same copy id on every device that meets the same conflict. */
export function conflictCopyId(id: string, loser: Annotation): string {
  const suffix = `~${hash(`${loser.modified}\u0000${loser.note}\u0000${loser.color}`)}`;
  return `${id.slice(0, ANNOTATION_LIMITS.id - suffix.length)}${suffix}`;
}

export function planNotesSync(state: NotesState, now: Date): NotesPlan {
  const { local, remote, tombstones, base } = state;
  const plan = { localPuts: [] as Annotation[], localDeletes: [] as Annotation[], remotePuts: new Map<string, NoteRecord>(), remoteDeletes: new Map<string, Tombstone>(), base: idRecord<string>(), conflicts: 0 };
  const nextBase = plan.base;
  const ids = new Set([...local.keys(), ...remote.keys(), ...Object.keys(base)]);

  for (const id of ids) {
    const mine = local.get(id);
    const record = remote.get(id);
    const theirs = record?.annotation;
    const agreed = base[id];

    if (mine && theirs) {
      // Never replace a note by an older version: if the document lost an edit this device had
      // sent (a server restored from backup, a page closed before the server confirmed), send it again.
      const mineUnchanged = mine.modified === agreed;
      // A record built on a version older than this device's was written without seeing it: when two
      // devices send at the same moment, one write replaces the other in the document, and the
      // replaced edit must come out as a conflict copy, not vanish.
      const wroteOverMine = record.parent !== null && record.parent !== undefined && record.parent < mine.modified;
      if (mine.modified === theirs.modified) nextBase[id] = mine.modified;
      else if (record.parent === mine.modified || (mineUnchanged && theirs.modified > mine.modified && !wroteOverMine)) {
        plan.localPuts.push(theirs);
        nextBase[id] = theirs.modified;
      } else if (theirs.modified === agreed || (mineUnchanged && !wroteOverMine)) {
        plan.remotePuts.set(id, { annotation: mine, parent: theirs.modified });
        nextBase[id] = mine.modified;
      } else {
        const winner = later(mine, theirs);
        const loser = winner === mine ? theirs : mine;
        if (winner === mine) plan.remotePuts.set(id, { annotation: mine, parent: theirs.modified });
        else plan.localPuts.push(theirs);
        nextBase[id] = winner.modified;
        if (!sameContent(mine, theirs)) {
          const copyId = conflictCopyId(id, loser);
          const copy: Annotation = { ...loser, id: copyId, conflictOf: id };
          if (!local.has(copyId)) plan.localPuts.push(copy);
          if (!remote.has(copyId)) plan.remotePuts.set(copyId, { annotation: copy, parent: null });
          nextBase[copyId] = copy.modified;
          plan.conflicts += 1;
        }
      }
    } else if (mine) {
      // Deleted elsewhere while unchanged here: delete here too. Otherwise (new, or edited here) send it.
      if (tombstones.has(id) && mine.modified === agreed) plan.localDeletes.push(mine);
      else {
        plan.remotePuts.set(id, { annotation: mine, parent: null });
        nextBase[id] = mine.modified;
      }
    } else if (theirs) {
      // Deleted here since the last sync, and not edited elsewhere since: delete it there too.
      if (agreed !== undefined && theirs.modified === agreed) plan.remoteDeletes.set(id, { deleted: now.toISOString() });
      else {
        plan.localPuts.push(theirs);
        nextBase[id] = theirs.modified;
      }
    }
  }
  return plan satisfies NotesPlan;
}
