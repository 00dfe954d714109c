import { join } from 'node:path';
import { REPO_ROOT } from './conll.ts';
import { EMBED_DIR } from './embed-path.ts';

/** Where `npm run ner:clusters` caches its word classes (1.56 M tokens; derived data, not in git). */
export const CLUSTERS_PATH = join(REPO_ROOT, 'node_modules/.cache/hashiya-ner/clusters.tsv');

/**
 * The word classes `ner:train` uses by default: `npm run ner:embed`'s nested classes over skip-gram
 * vectors of all 8.6 M words (issue 20; +0.011 ANERcorp dev F1 over three seeds against the
 * 1.56 M-token table above, which `--clusters` can still select).
 */
export const EMBED_CLASSES_PATH = join(EMBED_DIR, 'surface64.classes');
