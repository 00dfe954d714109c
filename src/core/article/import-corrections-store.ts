// Where the reader's import corrections are kept (localStorage, through the storage adapter): one
// record per site, validated on read. Device-local: they do not sync, so their schema lives here,
// not in the schema leaf.
import * as v from 'valibot';
import { storageKeys } from '../storage/keys';
import type { Store, StoredCollection, WriteResult } from '../storage/storage';
import { CORRECTION_LIMITS, type SiteCorrection } from './import-corrections';

const siteCorrectionSchema = v.object({
  titleAffixes: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(CORRECTION_LIMITS.affixLength))), v.maxLength(CORRECTION_LIMITS.affixes)),
  dropLines: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(CORRECTION_LIMITS.dropLineLength))), v.maxLength(CORRECTION_LIMITS.dropLines)),
  siteName: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(CORRECTION_LIMITS.siteName))),
  updated: v.pipe(v.string(), v.isoTimestamp()),
}) satisfies v.GenericSchema<unknown, SiteCorrection>;

export const siteCorrectionsSpec: StoredCollection<SiteCorrection> = {
  key: storageKeys.importCorrections,
  version: 1,
  itemSchema: siteCorrectionSchema,
  fallback: () => ({}),
};

export function readSiteCorrection(store: Store, site: string | undefined): SiteCorrection | undefined {
  if (!site) return undefined;
  return store.readCollection(siteCorrectionsSpec)[site];
}

export function writeSiteCorrection(store: Store, site: string, correction: SiteCorrection): WriteResult {
  return store.updateCollection(siteCorrectionsSpec, (items) => {
    const next = { ...items, [site]: correction };
    const sites = Object.keys(next);
    if (sites.length <= CORRECTION_LIMITS.sites) return next;
    // Full: the sites corrected longest ago make room.
    const oldest = sites.sort((a, b) => (next[a]?.updated ?? '').localeCompare(next[b]?.updated ?? '')).slice(0, sites.length - CORRECTION_LIMITS.sites);
    for (const key of oldest) delete next[key];
    return next;
  });
}
