/**
 * Every localStorage key the app uses lives here. Keys carry no version: the version travels inside
 * the stored envelope ({ v, data }) so that migrations can read old values in place.
 */
export const STORAGE_PREFIX = 'hashiya:';

/** Values that could not be read are copied here before anything may overwrite them. */
export const BACKUP_PREFIX = `${STORAGE_PREFIX}backup:`;

export const storageKeys = {
  settings: `${STORAGE_PREFIX}settings`,
  readingProgress: `${STORAGE_PREFIX}progress`,
  importedArticles: `${STORAGE_PREFIX}articles`,
  annotationsPrefix: `${STORAGE_PREFIX}notes:`, // + articleId: one key per article's highlights and notes
  entityCorrectionsPrefix: `${STORAGE_PREFIX}entity-corrections:`, // + articleId: the reader's entity corrections
  entityLists: `${STORAGE_PREFIX}entity-lists`, // names and non-names applied in every article
  hiddenEntityTypes: `${STORAGE_PREFIX}entity-types-hidden`,
  entityDisplay: `${STORAGE_PREFIX}entity-display`, // all names on or off; names in headings marked or not
  syncAccount: `${STORAGE_PREFIX}sync`, // optional sync: server, user, session token (never the password)
  syncBasePrefix: `${STORAGE_PREFIX}sync-base:`, // + account: what this device and the server last agreed on
  importCorrections: `${STORAGE_PREFIX}import-corrections`, // per site: what the reader corrected in import previews
} as const;
