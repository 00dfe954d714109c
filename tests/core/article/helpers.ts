import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// jsdom replaces URL, so resolve from this file's folder instead of import.meta.url.
export const ARTICLES_DIR = `${resolve(__dirname, '../../../public/articles')}/`;

export function bundledText(file: string): string {
  return readFileSync(`${ARTICLES_DIR}${file}`, 'utf8');
}

/** An in-memory Storage for createStore. */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    this.map.set(key, String(value));
  }
}
