import * as v from 'valibot';
import type * as Y from 'yjs';
import { hash53 } from '../article/hash';
import { correctionsSpec, personalListsSpec, readCorrections, readPersonalLists } from '../entities/correction-store';
import { nameWords } from '../entities/reader-entities';
import type { Correction, PersonalLists } from '../schema/correction';
import type { EntityType } from '../schema/entity-types';
import { CORRECTIONS_MAP, correctionRecordSchema, NAMES_MAP, nameEntrySchema, type CorrectionRecord, type NameEntry } from '../schema/sync-documents';
import { storageKeys } from '../storage/keys';
import type { Store } from '../storage/storage';
import { planKeyedSync, type KeyedPlan } from './keyed-sync';
import { LOCAL_ORIGIN } from './notes-sync';
import { readSyncBase, writeSyncBase } from './account-store';

/** Names are one entry per name as the tagger compares them (the lists keep one entry per such name). */
export function nameEntryKey(text: string): string {
  return nameWords(text).join(' ') || text;
}

/**
 * Entity corrections and the personal name lists, between local storage and the reader's own
 * document. Each correction is an entry of its own (`<article>/<correction id>`), and so is each
 * name of the lists (keyed by the name as the tagger compares names), merged with planKeyedSync:
 * last writer wins per entry, removals follow as notes' deletes do. Corrections never change once
 * made (a new one replaces an old one), so two devices can only clash on a name's type.
 */

export interface EntitiesPassResult {
  readonly sent: number;
  readonly received: number;
  readonly removed: number;
  readonly refused: number;
  /** Articles whose corrections changed here. */
  readonly changedArticles: string[];
  readonly listsChanged: boolean;
}

const correctionKey = (articleId: string, id: string) => `${articleId}/${id}`;
// Versions are digests: what was agreed is stored per entry in a few bytes.
const correctionVersion = (c: Correction) => hash53(JSON.stringify([c.id, c.kind, c.blockId, c.start, c.end, c.text, c.type ?? null, c.scope, c.created])).toString(36);
const nameVersion = (entry: NameEntry) => hash53(`${entry.text}\u0000${entry.type ?? ''}`).toString(36);

/** Valid values of a map, by key; a value whose key is not the one it should have is refused too. */
function readValid<T>(doc: Y.Doc, map: string, schema: v.GenericSchema<unknown, T>, keyOf: (value: T) => string): { values: Map<string, T>; refused: number } {
  const values = new Map<string, T>();
  let refused = 0;
  doc.getMap(map).forEach((raw, key) => {
    const parsed = v.safeParse(schema, raw);
    if (parsed.success && keyOf(parsed.output) === key) values.set(key, parsed.output);
    else refused += 1;
  });
  return { values, refused };
}

function versions<T>(values: ReadonlyMap<string, T>, version: (value: T) => string): Map<string, string> {
  return new Map([...values].map(([key, value]) => [key, version(value)]));
}

/** Writes the plan's document side: what this device sends and what it removes. */
function applyRemote<T>(doc: Y.Doc, map: string, plan: KeyedPlan, local: ReadonlyMap<string, T>): void {
  const target = doc.getMap(map);
  if (!plan.toRemote.length && !plan.removeRemote.length) return;
  doc.transact(() => {
    for (const key of plan.toRemote) target.set(key, local.get(key));
    for (const key of plan.removeRemote) target.delete(key);
  }, LOCAL_ORIGIN);
}

export function syncEntitiesPass(store: Store, doc: Y.Doc, baseKey: string): EntitiesPassResult {
  // Corrections: every article that has some here, and every one the document has.
  const localCorrections = new Map<string, CorrectionRecord>();
  for (const key of store.keys()) {
    if (!key.startsWith(storageKeys.entityCorrectionsPrefix)) continue;
    const articleId = key.slice(storageKeys.entityCorrectionsPrefix.length);
    for (const correction of readCorrections(store, articleId)) {
      // Only what the server accepts is sent (an over-long one stays on this device).
      const record = { articleId, correction };
      if (v.is(correctionRecordSchema, record)) localCorrections.set(correctionKey(articleId, correction.id), record);
    }
  }
  const remoteCorrections = readValid(doc, CORRECTIONS_MAP, correctionRecordSchema, (r) => correctionKey(r.articleId, r.correction.id));
  const correctionsBaseKey = `${baseKey}|corrections`;
  const correctionsPlan = planKeyedSync({
    local: versions(localCorrections, (r) => correctionVersion(r.correction)),
    remote: versions(remoteCorrections.values, (r) => correctionVersion(r.correction)),
    base: readSyncBase(store, correctionsBaseKey),
  });
  applyRemote(doc, CORRECTIONS_MAP, correctionsPlan, localCorrections);
  const byArticle = new Map<string, { put: Correction[]; remove: Set<string> }>();
  const forArticle = (articleId: string) => byArticle.get(articleId) ?? byArticle.set(articleId, { put: [], remove: new Set() }).get(articleId)!;
  for (const key of correctionsPlan.toLocal) {
    const { articleId, correction } = remoteCorrections.values.get(key)!;
    forArticle(articleId).put.push(correction);
  }
  for (const key of correctionsPlan.removeLocal) {
    const { articleId, correction } = localCorrections.get(key)!;
    forArticle(articleId).remove.add(correction.id);
  }
  const changedArticles: string[] = [];
  const correctionsBase = { ...correctionsPlan.base };
  for (const [articleId, change] of byArticle) {
    const replaced = new Set([...change.remove, ...change.put.map((c) => c.id)]);
    const next = [...readCorrections(store, articleId).filter((c) => !replaced.has(c.id)), ...change.put];
    if (store.write(correctionsSpec(articleId), next).ok) changedArticles.push(articleId);
    else {
      // Not written here: what was agreed before stays, so the next pass tries again.
      const before = readSyncBase(store, correctionsBaseKey);
      for (const [key, record] of [...localCorrections, ...remoteCorrections.values]) {
        if (record.articleId !== articleId) continue;
        if (before[key] === undefined) delete correctionsBase[key];
        else correctionsBase[key] = before[key];
      }
    }
  }
  writeSyncBase(store, correctionsBaseKey, correctionsBase);

  // The personal lists: one entry per name.
  const lists = readPersonalLists(store);
  const localNames = new Map<string, NameEntry>();
  const entries: NameEntry[] = [...lists.nonNames.map((text) => ({ text })), ...lists.names.map(({ text, type }) => ({ text, type }))];
  for (const entry of entries) if (v.is(nameEntrySchema, entry)) localNames.set(nameEntryKey(entry.text), entry);
  const remoteNames = readValid(doc, NAMES_MAP, nameEntrySchema, (entry) => nameEntryKey(entry.text));
  const namesBaseKey = `${baseKey}|names`;
  const namesPlan = planKeyedSync({ local: versions(localNames, nameVersion), remote: versions(remoteNames.values, nameVersion), base: readSyncBase(store, namesBaseKey) });
  applyRemote(doc, NAMES_MAP, namesPlan, localNames);
  let listsChanged = false;
  let namesBase = namesPlan.base;
  if (namesPlan.toLocal.length || namesPlan.removeLocal.length) {
    // From every local entry, sent or not (an over-long name stays in this device's lists).
    const merged = new Map(entries.map((entry) => [nameEntryKey(entry.text), entry]));
    for (const key of namesPlan.removeLocal) merged.delete(key);
    for (const key of namesPlan.toLocal) merged.set(key, remoteNames.values.get(key)!);
    const next: PersonalLists = {
      names: [...merged.values()].filter((e): e is NameEntry & { type: EntityType } => e.type !== undefined).map(({ text, type }) => ({ text, type })),
      nonNames: [...merged.values()].filter((e) => e.type === undefined).map((e) => e.text),
    };
    listsChanged = store.write(personalListsSpec, next).ok;
    if (!listsChanged) namesBase = readSyncBase(store, namesBaseKey);
  }
  writeSyncBase(store, namesBaseKey, namesBase);

  return {
    sent: correctionsPlan.toRemote.length + namesPlan.toRemote.length,
    received: correctionsPlan.toLocal.length + namesPlan.toLocal.length,
    removed: correctionsPlan.removeLocal.length + correctionsPlan.removeRemote.length + namesPlan.removeLocal.length + namesPlan.removeRemote.length,
    refused: remoteCorrections.refused + remoteNames.refused,
    changedArticles: changedArticles.sort(),
    listsChanged,
  };
}
