import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { annotationSchema, syncedAnnotationSchema } from '../../../src/core/schema/annotation';
import { articleSchema, syncedArticleSchema } from '../../../src/core/schema/article';
import { NOTES_MAP, noteRecordSchema, progressRecordSchema, tombstoneSchema } from '../../../src/core/schema/sync-documents';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { listAllAnnotations } from '../../../src/core/annotations/annotation-store';
import { createStore } from '../../../src/core/storage/storage';
import { syncNotesPass } from '../../../src/core/sync/notes-sync';
import { MemoryStorage } from '../../helpers/memory-storage';
import { note } from '../sync/fixtures';

/**
 * One definition, two strictnesses: what this app stored or another tool exported loses fields it
 * does not know; what travels through sync is refused for them — by the server and by the app alike.
 */
const valid = note('n1', 'a note', '2026-05-01T08:00:00.000Z');
const issue = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value);
  return result.success ? null : `${result.issues[0].path?.map((p) => String(p.key)).join('.')}: ${result.issues[0].message}`;
};

describe('schemas built lenient and strict from one definition', () => {
  it('drops unknown fields from a stored annotation and refuses them in a synced one, at any depth', () => {
    const extra = { ...valid, padding: 'x', target: { ...valid.target, selectors: [{ ...valid.target.selectors[0], extra: 1 }, valid.target.selectors[1]] } };
    expect(v.parse(annotationSchema, extra)).toEqual(valid);
    expect(issue(syncedAnnotationSchema, { ...valid, padding: 'x' })).toBe('padding: unknown field');
    expect(issue(syncedAnnotationSchema, extra)).toMatch(/unknown field/);
    expect(issue(syncedAnnotationSchema, { ...valid, target: { ...valid.target, selectors: [...valid.target.selectors, valid.target.selectors[0]] } })).toBe('target.selectors.2: unknown item');
    expect(v.parse(syncedAnnotationSchema, valid)).toEqual(valid);
  });

  it('does the same for articles', () => {
    const article = parsePlainTextArticle('عنوان\n\nفقرة.', { id: 'imp-1' });
    const extra = { ...article, blocks: article.blocks.map((b) => ({ ...b, style: 'color:red' })) };
    expect(v.parse(articleSchema, extra)).toEqual(article);
    expect(issue(syncedArticleSchema, extra)).toBe('blocks.0.style: unknown field');
  });

  it('takes only real dates in synced records', () => {
    expect(issue(tombstoneSchema, { deleted: '2026-02-31T10:00:00.000Z' })).toBe('deleted: deleted is not a real date');
    expect(issue(progressRecordSchema, { blockId: 'p-1', fraction: 0.5, updated: 'not a date' })).toBe('updated: updated is not a real date');
    expect(issue(noteRecordSchema, { annotation: valid, parent: '2025-02-29T00:00:00.000Z' })).toBe('parent: parent is not a real date');
    expect(issue(noteRecordSchema, { annotation: valid, parent: '2024-02-29T00:00:00.000Z' })).toBeNull();
  });
});

it('the app refuses a record with an unknown field from the server, as the server refuses it from a device', () => {
  const store = createStore(new MemoryStorage(), null);
  const doc = new Y.Doc();
  doc.getMap(NOTES_MAP).set('n1', { annotation: { ...valid, tracking: 'x'.repeat(1_000) }, parent: null });
  doc.getMap(NOTES_MAP).set('n2', { annotation: note('n2', 'fine', '2026-05-01T08:00:00.000Z'), parent: null });
  const result = syncNotesPass(store, doc, 'amal');
  expect(result.refused).toBe(1);
  expect(listAllAnnotations(store).map((a) => a.id)).toEqual(['n2']);
});
