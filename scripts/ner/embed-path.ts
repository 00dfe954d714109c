import { join } from 'node:path';
import { REPO_ROOT } from './conll.ts';

/** Where the word-vector scripts keep their derived corpora and vectors (not in git). */
export const EMBED_DIR = join(REPO_ROOT, 'node_modules/.cache/hashiya-ner/embed');
