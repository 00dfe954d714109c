import * as v from 'valibot';

/**
 * Articles shipped with the app live in public/articles/: index.json lists them and each is a
 * plain-text file parsed like any pasted article (parseBundledArticle, in parse-text.ts: the manifest
 * is read on the first page, the parser comes with the screens). This is the pure half of the
 * fetcher; the query layer fetches MANIFEST_PATH, then bundledArticleUrl(entry) for each entry.
 */

export const MANIFEST_PATH = 'articles/index.json';

export interface BundledEntry {
  readonly id: string;
  readonly file: string;
}

const entrySchema = v.object({
  // Ids end up in routes (#/a/<id>): keep them kebab-case Latin.
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(80)),
  // A plain file name next to index.json: no folders, no "..", no scheme, so no fetch leaves the folder.
  file: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/), v.maxLength(120)),
});

const manifestSchema = v.pipe(
  v.array(entrySchema),
  v.maxLength(500),
  v.check((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'duplicate article id'),
);

export class BundledManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundledManifestError';
  }
}

/** Validate the manifest; throws BundledManifestError (query layers surface throws as errors). */
export function parseManifest(json: unknown): BundledEntry[] {
  const result = v.safeParse(manifestSchema, json);
  if (!result.success) throw new BundledManifestError(`invalid articles manifest: ${result.issues[0]?.message ?? 'unknown'}`);
  return result.output;
}

/** URL of an entry's text file relative to the page (the app is served from any folder). */
export function bundledArticleUrl(entry: BundledEntry): string {
  return `articles/${entry.file}`;
}
