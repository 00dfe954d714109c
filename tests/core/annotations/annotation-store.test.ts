import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/core/storage/storage';
import { createAnnotation, editAnnotation, type Annotation } from '../../../src/core/annotations/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import {
  annotationsKey,
  deleteAnnotation,
  listAllAnnotations,
  listAnnotations,
  restoreAnnotation,
  saveAnnotation,
  saveAnnotations,
} from '../../../src/core/annotations/annotation-store';
import { MemoryStorage } from '../../helpers/memory-storage';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';

function note(articleId: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  return { ...createAnnotation({ articleId, selectors: describeText(TEXT, { start, end: start + 5 }, 'p-0000001') }), ...extra };
}

function stores() {
  const backend = new MemoryStorage();
  return { backend, a: createStore(backend, null), b: createStore(backend, null) };
}

describe('annotation store', () => {
  it('round-trips annotations, per article, in reading order', () => {
    const { a } = stores();
    const second = note('art-1', 20, { note: 'سطر أول\nسطر ثان', tags: ['اقتصاد'] });
    const first = note('art-1', 4, { color: 'green' });
    const other = note('art-2', 0);
    expect(saveAnnotation(a, second)).toEqual({ ok: true });
    expect(saveAnnotation(a, first)).toEqual({ ok: true });
    expect(saveAnnotation(a, other)).toEqual({ ok: true });
    expect(listAnnotations(a, 'art-1')).toEqual([first, second]);
    expect(listAnnotations(a, 'art-2')).toEqual([other]);
    expect(listAllAnnotations(a)).toEqual([first, second, other]);
    expect(listAnnotations(a, 'none')).toEqual([]);
  });

  it('keeps both of two tabs’ edits to different notes of one article', () => {
    const { a, b } = stores();
    const one = note('art-1', 0);
    const two = note('art-1', 10);
    saveAnnotation(a, one);
    saveAnnotation(a, two);
    // Each tab loaded the list before the other wrote.
    const inA = listAnnotations(a, 'art-1');
    const inB = listAnnotations(b, 'art-1');
    saveAnnotation(a, editAnnotation(inA[0]!, { note: 'from tab A' }));
    saveAnnotation(b, editAnnotation(inB[1]!, { note: 'from tab B' }));
    const notes = listAnnotations(a, 'art-1').map((x) => x.note);
    expect(notes).toEqual(['from tab A', 'from tab B']);
    // A delete in one tab and an edit in the other are both kept too.
    deleteAnnotation(b, 'art-1', one.id);
    saveAnnotation(a, editAnnotation(listAnnotations(a, 'art-1')[0]!, { color: 'pink' }));
    expect(listAnnotations(b, 'art-1').map((x) => [x.id, x.color])).toEqual([[two.id, 'pink']]);
  });

  it('deletes and restores (undo) an annotation exactly as it was', () => {
    const { a } = stores();
    const one = note('art-1', 0, { note: 'keep me' });
    saveAnnotation(a, one);
    expect(deleteAnnotation(a, 'art-1', one.id)).toEqual({ ok: true });
    expect(listAnnotations(a, 'art-1')).toEqual([]);
    expect(deleteAnnotation(a, 'art-1', one.id)).toEqual({ ok: true });
    expect(restoreAnnotation(a, one)).toEqual({ ok: true });
    expect(listAnnotations(a, 'art-1')).toEqual([one]);
  });

  it('refuses invalid annotations without writing anything', () => {
    const { a, backend } = stores();
    const tooLong = note('art-1', 0, { note: 'x'.repeat(20_001) });
    const result = saveAnnotations(a, [note('art-1', 4), tooLong]);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(backend.map.size).toBe(0);
  });

  it('backs up a corrupt value and reads nothing from it', () => {
    const { a, backend } = stores();
    backend.map.set(annotationsKey('art-1'), '{"v":1,"data":{oops');
    expect(listAnnotations(a, 'art-1')).toEqual([]);
    const problem = a.problems()[0];
    expect(problem).toMatchObject({ kind: 'corrupt', key: annotationsKey('art-1') });
    const backupKey = problem && 'backupKey' in problem ? problem.backupKey : null;
    expect(backupKey && backend.map.get(backupKey)).toBe('{"v":1,"data":{oops');
    // A later save writes a fresh value; the backup stays.
    saveAnnotation(a, note('art-1', 0));
    expect(listAnnotations(a, 'art-1')).toHaveLength(1);
    expect(backend.map.get(backupKey!)).toBe('{"v":1,"data":{oops');
  });

  it('keeps the valid items of a partly corrupt value, after a backup', () => {
    const { a, backend } = stores();
    const good = note('art-1', 0);
    backend.map.set(annotationsKey('art-1'), JSON.stringify({ v: 1, data: { [good.id]: good, bad: { id: 'bad', color: 'red' } } }));
    expect(listAnnotations(a, 'art-1')).toEqual([good]);
    expect(a.problems()).toEqual([expect.objectContaining({ kind: 'corrupt', backupKey: expect.stringContaining('backup:notes:art-1') })]);
  });

  it('leaves a value from a future version alone (backed up, not overwritten by reading)', () => {
    const { a, backend } = stores();
    const raw = JSON.stringify({ v: 9, data: {} });
    backend.map.set(annotationsKey('art-1'), raw);
    expect(listAnnotations(a, 'art-1')).toEqual([]);
    expect(a.problems()[0]).toMatchObject({ kind: 'future-version', version: 9 });
    expect(backend.map.get(annotationsKey('art-1'))).toBe(raw);
  });

  it('reports a full storage and loses nothing saved before', () => {
    const { a, backend } = stores();
    const saved = note('art-1', 0, { note: 'saved earlier' });
    saveAnnotation(a, saved);
    backend.failWrites = true;
    expect(saveAnnotation(a, note('art-1', 10))).toEqual({ ok: false, reason: 'quota' });
    expect(deleteAnnotation(a, 'art-1', saved.id)).toEqual({ ok: false, reason: 'quota' });
    expect(a.problems()).toContainEqual({ kind: 'quota', key: annotationsKey('art-1') });
    backend.failWrites = false;
    expect(listAnnotations(a, 'art-1')).toEqual([saved]);
  });

  it('migrates an older stored shape through the migrations table', () => {
    const { a, backend } = stores();
    // A hypothetical earlier shape: flat fields and comma-separated tags, stored as version 1 of a
    // spec that is now at version 2. (The envelope starts at v1, so real migrations start at 1.)
    const legacy = {
      n1: { id: 'n1', articleId: 'art-1', quote: 'وزير', prefix: 'قال ', suffix: ' الاقتصاد', start: 4, end: 8, block: 'p-0000001', colour: 'blue', text: 'ملاحظة', tags: 'اقتصاد, #سياسة', at: 1_700_000_000_000 },
    };
    backend.map.set(annotationsKey('art-1'), JSON.stringify({ v: 1, data: legacy }));
    const fromLegacy = (data: unknown) =>
      Object.fromEntries(
        Object.entries(data as Record<string, (typeof legacy)['n1']>).map(([id, o]) => [
          id,
          {
            id: o.id,
            articleId: o.articleId,
            target: {
              blockId: o.block,
              selectors: [
                { type: 'TextQuoteSelector', exact: o.quote, prefix: o.prefix, suffix: o.suffix },
                { type: 'TextPositionSelector', start: o.start, end: o.end },
              ],
            },
            color: o.colour,
            note: o.text,
            tags: o.tags.split(',').map((t) => t.replace('#', '').trim()),
            created: new Date(o.at).toISOString(),
            modified: new Date(o.at).toISOString(),
          },
        ]),
      );
    const [migrated] = listAnnotations(a, 'art-1', { version: 2, migrations: { 1: fromLegacy } });
    expect(migrated).toMatchObject({ id: 'n1', color: 'blue', note: 'ملاحظة', tags: ['اقتصاد', 'سياسة'], created: '2023-11-14T22:13:20.000Z' });
    expect(migrated?.target.selectors[0].exact).toBe('وزير');
    expect(a.problems()).toEqual([]);
  });
});
