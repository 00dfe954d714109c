import { storageKeys } from './keys';

/**
 * What the stores announce after every change, made in this tab or in another one: which kind of
 * data changed and for which articles. Whoever shows or syncs stored data listens here (the
 * features refresh their queries, the sync engine schedules a pass) instead of each write
 * telling everyone by hand.
 */
export const STORE_DOMAINS = [
  /** Highlights and notes (localStorage, one key per article). */
  'notes',
  /** Reading positions. */
  'progress',
  /** Entity corrections (one key per article). */
  'corrections',
  /** The personal lists of names and non-names. */
  'entity-lists',
  /** Entity types switched off, all names on or off, names in headings. */
  'entity-display',
  'settings',
  /** The sync account (server, session, groups, last synced). */
  'sync-account',
  /** What this device and a sync server last agreed on. */
  'sync-base',
  /** Imported articles and their summaries (IndexedDB). */
  'articles',
  /** Cached names per article (IndexedDB). */
  'entities',
  /** Anything else under the app's prefix (backups, the search and meta stores). */
  'other',
] as const;
export type StoreDomain = (typeof STORE_DOMAINS)[number];

export interface StoreChange {
  readonly domain: StoreDomain;
  /** The articles whose data changed; 'all' when the change is not about given articles or they are not known. */
  readonly articleIds: readonly string[] | 'all';
  /** Made by this tab, or by another tab of the app (the 'storage' event, a BroadcastChannel). */
  readonly source: 'this-tab' | 'other-tab';
}

export type StoreChangeListener = (change: StoreChange) => void;

/** A set of listeners that each get every change; one listener's failure does not stop the others. */
export function createChangeFeed(): { readonly emit: StoreChangeListener; subscribe(listener: StoreChangeListener): () => void } {
  const listeners = new Set<StoreChangeListener>();
  return {
    emit(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          // A listener's bug must not make a saved change look failed to the code that saved it.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const PER_ARTICLE: ReadonlyArray<readonly [string, StoreDomain]> = [
  [storageKeys.annotationsPrefix, 'notes'],
  [storageKeys.entityCorrectionsPrefix, 'corrections'],
];
const WHOLE: ReadonlyMap<string, StoreDomain> = new Map<string, StoreDomain>([
  [storageKeys.readingProgress, 'progress'],
  [storageKeys.entityLists, 'entity-lists'],
  [storageKeys.hiddenEntityTypes, 'entity-display'],
  [storageKeys.entityDisplay, 'entity-display'],
  [storageKeys.settings, 'settings'],
  [storageKeys.syncAccount, 'sync-account'],
  // Before IndexedDB, imported articles lived in one localStorage key.
  [storageKeys.importedArticles, 'articles'],
]);

/** The domain and articles of a localStorage key (under the app's prefix). */
export function changeOfKey(key: string): Omit<StoreChange, 'source'> {
  for (const [prefix, domain] of PER_ARTICLE) if (key.startsWith(prefix)) return { domain, articleIds: [key.slice(prefix.length)] };
  const whole = WHOLE.get(key);
  if (whole) return { domain: whole, articleIds: 'all' };
  if (key.startsWith(storageKeys.syncBasePrefix)) return { domain: 'sync-base', articleIds: 'all' };
  return { domain: 'other', articleIds: 'all' };
}

/** Whether a change may concern this article. */
export function touches(change: Pick<StoreChange, 'articleIds'>, articleId: string): boolean {
  return change.articleIds === 'all' || change.articleIds.includes(articleId);
}
