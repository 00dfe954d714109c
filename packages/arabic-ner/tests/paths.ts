// Where the tests find the bundled model and, when the package sits in its repository, the shared
// data beside the repository (../shared: ANERcorp, the sample article). Tests that need the data
// are skipped without it.
import { fileURLToPath } from 'node:url';

export const MODEL_PATH = fileURLToPath(new URL('../model/ner-model.bin', import.meta.url));
export const SHARED_DIR = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const ANERCORP_DEV = `${SHARED_DIR}data/anercorp/dev.tsv`;
export const SAMPLE_ARTICLE = `${SHARED_DIR}seeds/000_543f2c3d62828e27.txt`;
