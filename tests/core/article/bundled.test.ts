import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isArticle } from '../../../src/core/schema/article';
import {
  BundledManifestError,
  bundledArticleUrl,
  MANIFEST_PATH,
  parseManifest,
} from '../../../src/core/article/bundled';
import { parseBundledArticle } from '../../../src/core/article/parse-text';
import { ARTICLES_DIR, bundledText } from './helpers';

describe('bundled articles', () => {
  const manifest = parseManifest(JSON.parse(readFileSync(`${ARTICLES_DIR}index.json`, 'utf8')));

  it('lists the shipped articles', () => {
    expect(MANIFEST_PATH).toBe('articles/index.json');
    expect(manifest.map((e) => e.id)).toEqual(['putin-raisi-call', 'gulf-data-centres', 'jerash-mosaic']);
    expect(bundledArticleUrl(manifest[0]!)).toBe('articles/putin-raisi-call.txt');
  });

  it('every entry parses into a valid article with its manifest id', () => {
    for (const entry of manifest) {
      const article = parseBundledArticle(entry, bundledText(entry.file));
      expect(article.id).toBe(entry.id);
      expect(isArticle(article)).toBe(true);
      expect(article.lang).toBe('ar');
      expect(article.dateline?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(article.sources).toBeTruthy();
    }
  });

  it('the seed is shipped verbatim', () => {
    const text = bundledText('putin-raisi-call.txt');
    expect(text.endsWith('المصادر:\nالعربي - أ ف ب')).toBe(true);
    let shared: string | undefined;
    try {
      shared = readFileSync('/work/shared/seeds/000_543f2c3d62828e27.txt', 'utf8');
    } catch {
      shared = undefined;
    }
    if (shared !== undefined) expect(text).toBe(shared);
  });

  it('rejects malformed manifests', () => {
    const bad: unknown[] = [
      null,
      {},
      [{ id: 'a' }],
      [{ id: 'Bad Id', file: 'a.txt' }],
      [{ id: 'a', file: '../secret.txt' }],
      [{ id: 'a', file: 'https://evil.example/a.txt' }],
      [{ id: 'a', file: 'sub/a.txt' }],
      [{ id: 'a', file: 'a.html' }],
      [{ id: 'a', file: 'a.txt' }, { id: 'a', file: 'b.txt' }],
    ];
    for (const json of bad) expect(() => parseManifest(json)).toThrow(BundledManifestError);
    expect(parseManifest([])).toEqual([]);
  });
});
