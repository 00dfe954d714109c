import { describe, expect, it } from 'vitest';
import { createAnnotation, editAnnotation, type Annotation } from '../../../src/core/annotations/annotation';
import { describeText } from '../../../src/core/annotations/anchoring';
import { deleteAnnotation, listAnnotations, mergeConflictCopy, saveAnnotation, saveEdit } from '../../../src/core/annotations/annotation-store';
import { createStore } from '../../../src/core/storage/storage';
import { MemoryStorage } from '../../helpers/memory-storage';

const TEXT = 'قال وزير الاقتصاد في مؤتمر صحفي إن معدلات التضخم انخفضت خلال الربع الأخير من العام.';
const at = (iso: string) => new Date(iso);

function twoTabs() {
  const backend = new MemoryStorage();
  const a = createStore(backend, null);
  const b = createStore(backend, null);
  const original = createAnnotation({ articleId: 'art-1', selectors: describeText(TEXT, { start: 4, end: 9 }, 'p-0000001'), note: 'الأصل', now: at('2026-11-29T10:00:00Z') });
  saveAnnotation(a, original);
  return { a, b, original };
}

const notes = (list: Annotation[]) => list.map((n) => [n.note, n.conflictOf ?? null]);

describe('two tabs editing the same note (issue 15)', () => {
  it('an edit to a note unchanged since the editor opened is saved as usual', () => {
    const { a, original } = twoTabs();
    expect(saveEdit(a, original, editAnnotation(original, { note: 'جديد' }))).toEqual({ ok: true });
    expect(notes(listAnnotations(a, 'art-1'))).toEqual([['جديد', null]]);
  });

  it('keeps both texts: the newer as the note, the other as a conflict copy', () => {
    const { a, b, original } = twoTabs();
    // Both tabs opened the editor on the same version; B saves first, A later.
    expect(saveEdit(b, original, editAnnotation(original, { note: 'من ب' }, at('2026-11-29T10:05:00Z')))).toEqual({ ok: true });
    const result = saveEdit(a, original, editAnnotation(original, { note: 'من أ' }, at('2026-11-29T10:06:00Z')), () => 'copy-1');
    expect(result).toEqual({ ok: true, conflictCopy: 'copy-1' });
    const list = listAnnotations(b, 'art-1');
    expect(list.find((n) => n.id === original.id)?.note).toBe('من أ');
    expect(list.find((n) => n.id === 'copy-1')).toMatchObject({ note: 'من ب', conflictOf: original.id });
  });

  it('a save whose text is older than the stored one keeps the stored one as the note', () => {
    const { a, b, original } = twoTabs();
    saveEdit(b, original, editAnnotation(original, { note: 'أحدث' }, at('2026-11-29T12:00:00Z')));
    saveEdit(a, original, editAnnotation(original, { note: 'أقدم' }, at('2026-11-29T11:00:00Z')), () => 'copy-2');
    const list = listAnnotations(a, 'art-1');
    expect(list.find((n) => n.id === original.id)?.note).toBe('أحدث');
    expect(list.find((n) => n.id === 'copy-2')).toMatchObject({ note: 'أقدم', conflictOf: original.id });
  });

  it('a note deleted in one tab is not brought back by a save in the other', () => {
    const { a, b, original } = twoTabs();
    deleteAnnotation(b, 'art-1', original.id);
    expect(saveEdit(a, original, editAnnotation(original, { note: 'بعد الحذف' }))).toEqual({ ok: false, reason: 'deleted-elsewhere' });
    expect(listAnnotations(a, 'art-1')).toEqual([]);
  });

  it('merging a conflict copy puts its text into the note and drops the copy', () => {
    const { a, b, original } = twoTabs();
    saveEdit(b, original, editAnnotation(original, { note: 'من ب', tags: ['ب'] }, at('2026-11-29T10:05:00Z')));
    saveEdit(a, original, editAnnotation(original, { note: 'من أ', tags: ['أ'] }, at('2026-11-29T10:06:00Z')), () => 'copy-3');
    const copy = listAnnotations(a, 'art-1').find((n) => n.id === 'copy-3')!;
    expect(mergeConflictCopy(a, copy)).toEqual({ ok: true });
    const list = listAnnotations(b, 'art-1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: original.id, note: 'من أ\n\nمن ب', tags: ['أ', 'ب'] });
    expect(list[0]?.conflictOf).toBeUndefined();
  });
});
