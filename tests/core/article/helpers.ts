import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// jsdom replaces URL, so resolve from this file's folder instead of import.meta.url.
export const ARTICLES_DIR = `${resolve(__dirname, '../../../public/articles')}/`;

export function bundledText(file: string): string {
  return readFileSync(`${ARTICLES_DIR}${file}`, 'utf8');
}

export { MemoryStorage } from '../../helpers/memory-storage';
