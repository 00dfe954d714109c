import { describe, expect, it } from 'vitest';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { saveImported } from '../../../src/core/article/article-store';
import type { BundledEntry } from '../../../src/core/article/bundled';
import { fetchArticle } from '../../../src/features/library/article-query';
import { freshIdbStore } from '../../helpers/render';

const entry: BundledEntry = { id: 'sample', file: 'sample.txt' };
const bundledArticle = parsePlainTextArticle('عنوان المقال المرفق\n\nنص المقال المرفق.', { id: 'sample' });
const loadBundled = () => Promise.resolve(bundledArticle);

describe('fetchArticle', () => {
  it('finds a bundled article when nothing imported has its id', async () => {
    const found = await fetchArticle(freshIdbStore(), 'sample', Promise.resolve([entry]), loadBundled);
    expect(found).toEqual({ status: 'found', article: bundledArticle, origin: 'bundled' });
  });

  it('prefers an imported article of the same id, even when the bundled text is already loaded', async () => {
    const db = freshIdbStore();
    const imported = parsePlainTextArticle('عنوان مستورد\n\nنص مستورد.', { id: 'sample' });
    await saveImported(db, imported, 'import');
    const found = await fetchArticle(db, 'sample', Promise.resolve([entry]), loadBundled);
    expect(found).toMatchObject({ status: 'found', origin: 'import', article: { title: imported.title } });
  });

  it('finds an import when the bundled list failed, and reports the failure otherwise', async () => {
    const db = freshIdbStore();
    const imported = parsePlainTextArticle('عنوان مستورد\n\nنص مستورد.', { id: 'mine' });
    await saveImported(db, imported, 'import');
    const failed = () => Promise.reject(new Error('offline'));
    await expect(fetchArticle(db, 'mine', failed(), loadBundled)).resolves.toMatchObject({ status: 'found', origin: 'import' });
    await expect(fetchArticle(db, 'sample', failed(), loadBundled)).rejects.toThrow('offline');
  });

  it('says an id in neither place is unknown', async () => {
    await expect(fetchArticle(freshIdbStore(), 'nowhere', Promise.resolve([entry]), loadBundled)).resolves.toEqual({ status: 'unknown' });
  });
});
