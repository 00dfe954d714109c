import { idRecord } from '../storage/storage';

/**
 * Merging a set of keyed entries (imported articles, entity corrections, name-list entries) between
 * local storage and a synced Y.Map, entry by entry, by version alone. An entry's version is a
 * digest of its content, so this needs no clocks: `base[key]` is the version this device and the
 * document last agreed on, and against it each side is unchanged, changed, added or removed.
 * - changed on one side → that side wins;
 * - changed on both (two devices offline) → the document's version wins: last writer wins per
 *   entry, where "last" is the order the server received them in;
 * - removed on one side while unchanged on the other → removed on both; removed on one side while
 *   changed on the other → the change wins and the entry comes back (as for notes).
 */

export interface KeyedState {
  /** key → version, as stored on this device. */
  readonly local: ReadonlyMap<string, string>;
  /** key → version, as the document holds it. */
  readonly remote: ReadonlyMap<string, string>;
  readonly base: Readonly<Record<string, string>>;
}

export interface KeyedPlan {
  /** Keys whose local entry goes to the document. */
  readonly toRemote: string[];
  /** Keys whose document entry is written locally. */
  readonly toLocal: string[];
  readonly removeRemote: string[];
  readonly removeLocal: string[];
  /** What is agreed once the plan is carried out. */
  readonly base: Record<string, string>;
}

export function planKeyedSync({ local, remote, base }: KeyedState): KeyedPlan {
  // Keys are names and ids from other devices: `__proto__` must be an ordinary key here too.
  const plan: KeyedPlan = { toRemote: [], toLocal: [], removeRemote: [], removeLocal: [], base: idRecord<string>() };
  for (const key of new Set([...local.keys(), ...remote.keys()])) {
    const mine = local.get(key);
    const theirs = remote.get(key);
    const agreed = base[key];
    if (mine !== undefined && theirs !== undefined) {
      if (mine === theirs) plan.base[key] = mine;
      else if (theirs === agreed) {
        plan.toRemote.push(key);
        plan.base[key] = mine;
      } else {
        plan.toLocal.push(key);
        plan.base[key] = theirs;
      }
    } else if (mine !== undefined) {
      // Gone from the document: removed elsewhere if this device had agreed on it and kept it unchanged.
      if (agreed === mine) plan.removeLocal.push(key);
      else {
        plan.toRemote.push(key);
        plan.base[key] = mine;
      }
    } else if (theirs !== undefined) {
      if (agreed === theirs) plan.removeRemote.push(key);
      else {
        plan.toLocal.push(key);
        plan.base[key] = theirs;
      }
    }
  }
  return plan;
}
