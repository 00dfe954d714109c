import { idRecord, type Store, type StoredCollection, type WriteFailure, type WriteResult } from '../storage/storage';
import { touches } from '../storage/changes';
import { storageKeys } from '../storage/keys';
import { LOCAL_STORAGE_LIMITS } from '../limits';
import { editAnnotation, newAnnotationId, type Annotation } from './annotation';
import { annotationSchema, validateAnnotation } from '../schema/annotation';
import { sortByReadingOrder } from './search';

/**
 * Persistence of annotations, through the storage adapter only. Each article's annotations live
 * under their own key as a collection keyed by annotation id, and every write re-reads the freshest
 * value first (updateCollection): two tabs editing different notes of one article both keep theirs.
 * Keeping articles apart also keeps each write small and limits what one corrupt value can affect.
 */

export const ANNOTATIONS_VERSION = 1;

/** migrations[n] lifts an article's annotations stored at version n to n + 1 (none yet). */
export const annotationMigrations: Readonly<Record<number, (data: unknown) => unknown>> = {};

export function annotationsKey(articleId: string): string {
  return `${storageKeys.annotationsPrefix}${articleId}`;
}

export interface AnnotationsSpecOptions {
  readonly version?: number;
  readonly migrations?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export function annotationsSpec(articleId: string, options: AnnotationsSpecOptions = {}): StoredCollection<Annotation> {
  return {
    key: annotationsKey(articleId),
    version: options.version ?? ANNOTATIONS_VERSION,
    migrations: options.migrations ?? annotationMigrations,
    itemSchema: annotationSchema,
    fallback: () => ({}),
  };
}

export type SaveResult = WriteResult | { readonly ok: false; readonly reason: 'invalid'; readonly detail: string };

/** One article's annotations in reading order. Items filed under the wrong id or article are ignored. */
export function listAnnotations(store: Store, articleId: string, options?: AnnotationsSpecOptions): Annotation[] {
  const items = store.readCollection(annotationsSpec(articleId, options));
  return sortByReadingOrder(Object.entries(items).filter(([id, a]) => a.id === id && a.articleId === articleId).map(([, a]) => a));
}

/** The article ids that have an annotations key (possibly empty). */
export function annotatedArticleIds(store: Store): string[] {
  const prefix = storageKeys.annotationsPrefix;
  return store
    .keys()
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .sort();
}

/** Every article's annotations (for the notebook), grouped by article, each group in reading order. */
export function listAllAnnotations(store: Store): Annotation[] {
  return annotatedArticleIds(store).flatMap((articleId) => listAnnotations(store, articleId));
}

/** The same, one article per task (`pause` between articles), for the notes import. */
export async function listAllAnnotationsPaced(store: Store, pause: () => Promise<void>): Promise<Annotation[]> {
  const all: Annotation[] = [];
  for (const articleId of annotatedArticleIds(store)) {
    await pause();
    for (const annotation of listAnnotations(store, articleId)) all.push(annotation);
  }
  return all;
}

export function saveAnnotation(store: Store, annotation: Annotation): SaveResult {
  return saveAnnotations(store, [annotation]);
}

/** Save several (e.g. an import) with one write per article. Nothing is written if any is invalid. */
export function saveAnnotations(store: Store, annotations: readonly Annotation[]): SaveResult {
  const byArticle = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const checked = validateAnnotation(annotation);
    if (!checked.ok) return { ok: false, reason: 'invalid', detail: checked.reason };
    const group = byArticle.get(checked.annotation.articleId) ?? [];
    group.push(checked.annotation);
    byArticle.set(checked.annotation.articleId, group);
  }
  for (const [articleId, group] of byArticle) {
    const result = store.updateCollection(annotationsSpec(articleId), (items) => {
      const next = idRecord(Object.entries(items));
      for (const annotation of group) next[annotation.id] = annotation;
      return next;
    });
    if (!result.ok) return result;
  }
  return { ok: true };
}

export interface PacedSave {
  /** How many of the annotations the store holds now. */
  readonly stored: number;
  readonly failure?: WriteFailure;
}

/** Characters a note adds to its article's stored record (`"id":{…},`). */
const storedSize = (annotation: Annotation) => JSON.stringify(annotation).length + annotation.id.length + 4;

/**
 * How many of `group` should fit in `free` characters: all when a sample says so with room to spare,
 * otherwise counted note by note (giving the thread back every 2,000) until the room runs out.
 */
async function likelyToFit(group: readonly Annotation[], free: number, pause: () => Promise<void>): Promise<number> {
  const sample = group.slice(0, 50);
  const perNote = sample.reduce((n, a) => n + storedSize(a), 0) / Math.max(1, sample.length);
  if (perNote * group.length < free * 0.8) return group.length;
  let needed = 0;
  for (const [i, annotation] of group.entries()) {
    if (i > 0 && i % 2_000 === 0) await pause();
    needed += storedSize(annotation);
    if (needed > free) return i;
  }
  return group.length;
}

/**
 * Save an import's annotations (already validated) writing each article's key once, with `pause`
 * between steps: the cost of a write is that of the article's notes, not of the number of slices.
 * When they may not all fit, the first write tries as many as the free room should take (this
 * browser's quota is assumed to be LOCAL_STORAGE_LIMITS.expectedChars); from there it steps out one
 * note, two, four… until it meets the other side, then halves (each try one write, its own task),
 * and saving stops at the most that fit: `stored` is always what the store holds. Another tab
 * changing the key meanwhile makes the next try start from its value.
 */
export async function saveAnnotationsPaced(store: Store, annotations: readonly Annotation[], pause: () => Promise<void>): Promise<PacedSave> {
  const byArticle = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const group = byArticle.get(annotation.articleId);
    if (group) group.push(annotation);
    else byArticle.set(annotation.articleId, [annotation]);
  }
  let stored = 0;
  for (const [articleId, group] of byArticle) {
    const spec = annotationsSpec(articleId);
    let changedElsewhere = true;
    const unsubscribe = store.subscribe((change) => {
      if (change.source === 'other-tab' && change.domain === 'notes' && touches(change, articleId)) changedElsewhere = true;
    });
    try {
      let items: Record<string, Annotation> = idRecord();
      let fits = 0; // the most known to fit (none added always does)
      let over = group.length + 1; // the fewest known not to fit (none known yet)
      let step = 1;
      await pause();
      let trying = Math.max(1, await likelyToFit(group, LOCAL_STORAGE_LIMITS.expectedChars - store.usedChars(), pause));
      for (;;) {
        await pause();
        // The read and the write are separate tasks; whatever another tab wrote in between is read again.
        while (changedElsewhere) {
          changedElsewhere = false;
          items = store.readCollection(spec);
          await pause();
        }
        const next = idRecord(Object.entries(items));
        for (const annotation of group.slice(0, trying)) next[annotation.id] = annotation;
        const written = store.write(spec, next);
        if (written.ok) fits = trying;
        else if (written.reason === 'quota') over = trying;
        else return { stored: stored + fits, failure: written.reason };
        if (fits === group.length) break;
        if (over - fits <= 1) return { stored: stored + fits, failure: 'quota' };
        if (over > group.length) trying = Math.min(group.length, fits + step);
        else if (fits === 0 && over - step > 0) trying = over - step;
        else trying = Math.floor((fits + over) / 2);
        step *= 2;
      }
      stored += group.length;
    } finally {
      unsubscribe();
    }
  }
  return { stored };
}

export function deleteAnnotation(store: Store, articleId: string, id: string): WriteResult {
  const spec = annotationsSpec(articleId);
  if (!(id in store.readCollection(spec))) return { ok: true };
  return store.updateCollection(spec, (items) => {
    const next = idRecord(Object.entries(items));
    delete next[id];
    return next;
  });
}

export type EditResult =
  | { readonly ok: true; /** Set when another tab had changed the note too: the id of the copy that keeps its text. */ readonly conflictCopy?: string }
  | { readonly ok: false; readonly reason: 'deleted-elsewhere' }
  | Exclude<SaveResult, { ok: true }>;

/**
 * Save an edit of `base` (the version the editor opened). If the stored note changed since (another
 * tab saved it), both texts are kept: the newer by `modified` as the note, the other as a conflict
 * copy (`conflictOf` = the note's id) for the reader to merge or drop. If it was deleted meanwhile,
 * nothing is saved: a save must not undo another tab's delete.
 */
export function saveEdit(store: Store, base: Annotation, edited: Annotation, newId: () => string = newAnnotationId): EditResult {
  const checked = validateAnnotation(edited);
  if (!checked.ok) return { ok: false, reason: 'invalid', detail: checked.reason };
  const spec = annotationsSpec(base.articleId);
  const current = store.readCollection(spec)[base.id];
  if (!current) return { ok: false, reason: 'deleted-elsewhere' };
  if (current.modified === base.modified) return saveAnnotation(store, checked.annotation);
  const [note, other] = Date.parse(current.modified) > Date.parse(checked.annotation.modified) ? [current, checked.annotation] : [checked.annotation, current];
  const copy: Annotation = { ...other, id: newId(), conflictOf: base.id };
  const saved = saveAnnotations(store, [{ ...note, id: base.id }, copy]);
  return saved.ok ? { ok: true, conflictCopy: copy.id } : saved;
}

/** How the stored note stands against the version an editor opened (`stored`: the article's notes now). */
export function editStatus(base: Annotation, stored: readonly Annotation[]): 'unchanged' | 'changed' | 'deleted' {
  const current = stored.find((a) => a.id === base.id);
  return !current ? 'deleted' : current.modified === base.modified ? 'unchanged' : 'changed';
}

/** Fold a conflict copy into its note (its text after the note's, tags added) and drop it. */
export function mergeConflictCopy(store: Store, copy: Annotation): SaveResult {
  const original = copy.conflictOf === undefined ? undefined : store.readCollection(annotationsSpec(copy.articleId))[copy.conflictOf];
  if (!original) {
    // The note itself is gone: the copy simply becomes a note of its own.
    const { conflictOf: _dropped, ...rest } = copy;
    return saveAnnotation(store, rest);
  }
  const note = [original.note, copy.note].filter((text, i, all) => text.trim() !== '' && all.indexOf(text) === i).join('\n\n');
  const merged = editAnnotation(original, { note, tags: [...original.tags, ...copy.tags] });
  const saved = saveAnnotation(store, merged);
  return saved.ok ? deleteAnnotation(store, copy.articleId, copy.id) : saved;
}

/** Undo a delete: put the annotation back exactly as it was (same id, same timestamps). */
export function restoreAnnotation(store: Store, annotation: Annotation): SaveResult {
  return saveAnnotation(store, annotation);
}
