import { join } from 'node:path';
import { REPO_ROOT } from './conll.ts';

/** Where `npm run ner:clusters` caches its word classes for `ner:train` (derived data, not in git). */
export const CLUSTERS_PATH = join(REPO_ROOT, 'node_modules/.cache/hashiya-ner/clusters.tsv');
