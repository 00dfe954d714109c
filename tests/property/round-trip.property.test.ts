import { Blob } from 'node:buffer';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { createIdbStore } from '../../src/core/storage/idb-store';
import { describe, expect, it } from 'vitest';
import { normaliseTimestamp } from '../../src/core/schema/annotation';
import { listAllAnnotations } from '../../src/core/annotations/annotation-store';
import { getImported, saveImported } from '../../src/core/article/article-store';
import { importFromHtml, importFromText } from '../../src/core/article/import-file';
import { createStore } from '../../src/core/storage/storage';
import { importNotesFile } from '../../src/core/annotations/notes-import';
import { MemoryStorage } from '../helpers/memory-storage';

/**
 * What goes in comes back out (issue 15): whatever the notes import reports as added is in the
 * notebook after a reload, and whatever the importer accepts is stored and read back equal.
 * Ids and timestamps come from generators that include the names of Object.prototype, empty and
 * huge values and odd-but-valid ISO 8601 forms.
 */

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const idArb = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, '', 'urn:uuid:__proto__', 'urn:uuid:', ' ', 'a b', '\u0000', 'x'.repeat(128), 'x'.repeat(129)),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 140 }),
);
const articleIdArb = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'putin-raisi-call', 'imp-1x2y', '', 'a'.repeat(200)), fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,20}$/));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const timestampArb = fc.oneof(
  fc.constantFrom('2026-11-29T10:00:00+01', '2026-11-29 10:00:00Z', '2026-02-30T10:00:00Z', '2026-11-29T10:00:00.123456789-0530', 'yesterday', ''),
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      zone: fc.constantFrom('Z', '+01', '-0530', ' +14:00', '-12:00', '+00'),
      separator: fc.constantFrom('T', ' '),
    })
    .map((t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}:07${t.fraction ? `.${t.fraction}` : ''}${t.zone}`),
);

const itemArb = fc.record({
  id: idArb,
  articleId: articleIdArb,
  created: timestampArb,
  modified: fc.option(timestampArb, { nil: undefined }),
  note: fc.string({ maxLength: 50 }),
  quote: fc.string({ minLength: 1, maxLength: 40 }),
  color: fc.constantFrom('yellow', 'green', 'blue', 'pink', 'purple'),
});

type Item = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;
const webAnnotation = (item: Item) => ({
  id: item.id,
  type: 'Annotation',
  created: item.created,
  ...(item.modified === undefined ? {} : { modified: item.modified }),
  body: [{ type: 'TextualBody', value: item.note, purpose: 'commenting' }],
  target: {
    selector: [
      { type: 'TextQuoteSelector', exact: item.quote, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: item.quote.length },
    ],
  },
  hashiya: { articleId: item.articleId, blockId: 'p-0000001', color: item.color },
});

describe('the notes import, for any file', () => {
  it('everything reported added or updated is in the notebook after a reload, with dates the app can render', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { maxLength: 25 }), async (items) => {
        const backend = new MemoryStorage();
        // Node's Blob stands in for the File the reader picks (jsdom's cannot be read as text).
        const file = new Blob([JSON.stringify({ type: 'AnnotationCollection', items: items.map(webAnnotation) })]) as unknown as globalThis.Blob;
        const outcome = await importNotesFile(createStore(backend, null), file, {}, async () => {});
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.stored).toBe(outcome.total);
        const { added, updated, unchanged, rejected } = outcome.report;
        expect(added + updated + unchanged + rejected.length).toBe(items.length);

        const reloaded = listAllAnnotations(createStore(backend, null));
        // One note per id reported added (an id moved to another article by a newer item may leave its older copy).
        expect(new Set(reloaded.map((n) => n.id)).size).toBe(added);
        const format = new Intl.DateTimeFormat('ar', { dateStyle: 'medium' });
        for (const note of reloaded) {
          expect(() => format.format(new Date(note.created))).not.toThrow();
          expect(normaliseTimestamp(note.modified)).toBe(note.modified);
        }
        // Every accepted item is there under its id (urn:uuid: dropped), as its newest version.
        const stored = new Map(reloaded.map((n) => [`${n.articleId}/${n.id}`, n]));
        for (const [i, item] of items.entries()) {
          if (rejected.some((r) => r.index === i)) continue;
          const id = item.id.startsWith('urn:uuid:') ? item.id.slice('urn:uuid:'.length) : item.id;
          const found = [...stored.values()].find((n) => n.id === id);
          expect(found, `item ${i} (${JSON.stringify(item.id)})`).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

const wordArb = fc.stringMatching(/^[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]{2,9}$/);
const paragraphArb = fc.array(wordArb, { minLength: 3, maxLength: 60 }).map((words) => `${words.join(' ')}.`);

describe('imported articles, for any text the importer accepts', () => {
  it('are stored and read back equal after a reload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paragraphArb, { minLength: 1, maxLength: 12 }), fc.boolean(), async (paragraphs, asHtml) => {
        const text = `عنوان ${paragraphs[0]!.slice(0, 40)}\n\n${paragraphs.join('\n\n')}`;
        const result = asHtml
          ? importFromHtml(`<html><head><title>عنوان</title></head><body><article><h1>عنوان</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`)
          : importFromText(text);
        if (!result.ok) return;
        // One IndexedDB, opened again as after a reload.
        const factory = new IDBFactory();
        const db = createIdbStore({ factory });
        expect(await saveImported(db, result.article, 'import')).toEqual({ ok: true });
        db.close();
        const reloaded = createIdbStore({ factory });
        expect((await getImported(reloaded, result.article.id))?.article).toEqual(result.article);
        expect(reloaded.problems()).toEqual([]);
        reloaded.close();
      }),
      { numRuns: 60 },
    );
  });
});
