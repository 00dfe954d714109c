import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createReaderHandle } from '../../../src/shared/reader-handle';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation, type Annotation } from '../../../src/core/annotations/annotation';
import { listAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { articleText } from '../../../src/core/article/article';
import { saveImported } from '../../../src/core/article/article-store';
import { createStore } from '../../../src/core/storage/storage';
import { NoteCard } from '../../../src/features/annotations/NoteCard';
import { NoteEditor } from '../../../src/features/annotations/NoteEditor';
import { NotesPanel } from '../../../src/features/annotations/NotesPanel';
import { NotebookPage } from '../../../src/features/annotations/NotebookPage';
import { NoteText, splitLinks } from '../../../src/features/annotations/NoteText';
import { useAnnotationsFeature } from '../../../src/features/annotations/use-annotations-feature';
import { MemoryStorage } from '../../helpers/memory-storage';
import { freshIdbStore, renderWithApp } from '../../helpers/render';
import { ARTICLE } from './fixtures';

const text = articleText(ARTICLE);
function note(quote: string, extra: Partial<Pick<Annotation, 'note' | 'tags' | 'color'>> = {}, article = ARTICLE): Annotation {
  const at = articleText(article).indexOf(quote);
  if (at < 0) throw new Error(`no ${quote}`);
  return createAnnotation({ articleId: article.id, selectors: describeRange(article, { start: at, end: at + quote.length }), ...extra });
}

describe('NoteEditor', () => {
  it('keeps the text and shows the message when saving fails; closes when it works', async () => {
    const onClose = vi.fn();
    const onSave = vi.fn().mockResolvedValueOnce({ ok: false, reason: 'quota' }).mockResolvedValueOnce({ ok: true });
    await renderWithApp(<NoteEditor mode="new" draftKey="test" quote="اقتباس" initial={{ color: 'yellow', note: '', tags: [] }} onSave={onSave} onClose={onClose} />);
    const area = screen.getByLabelText('الملاحظة');
    expect(area).toHaveAttribute('dir', 'auto');
    fireEvent.change(area, { target: { value: 'سطر أول\nsecond line' } });
    fireEvent.change(screen.getByLabelText('الوسوم'), { target: { value: '#اقتصاد، Oil , اقتصاد' } });
    fireEvent.click(screen.getByLabelText('الأخضر'));
    fireEvent.click(screen.getByRole('button', { name: 'حفظ' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('ممتلئة');
    expect(area).toHaveValue('سطر أول\nsecond line');
    expect(onClose).not.toHaveBeenCalled();
    expect(onSave).toHaveBeenCalledWith({ color: 'green', note: 'سطر أول\nsecond line', tags: ['اقتصاد', 'Oil'] });
    fireEvent.click(screen.getByRole('button', { name: 'حفظ' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it.each([['الملاحظة'], ['الوسوم']])('saves with Ctrl+Enter from the %s field', async (label) => {
    const onSave = vi.fn().mockResolvedValue({ ok: true });
    await renderWithApp(<NoteEditor mode="new" draftKey="test" quote="اقتباس" initial={{ color: 'yellow', note: 'نص', tags: [] }} onSave={onSave} onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText('الوسوم'), { target: { value: 'وسم' } });
    fireEvent.keyDown(screen.getByLabelText(label), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ color: 'yellow', note: 'نص', tags: ['وسم'] }));
  });
});

describe('NoteCard in the margin', () => {
  it('says whose another member’s note is, collapsed too; the reader’s own says nothing', async () => {
    const others = { ...note('المعرض استقبل', { note: 'ملاحظة الزميلة' }), group: 'desk', author: 'layla' };
    const { container } = await renderWithApp(
      <>
        <NoteCard annotation={others} margin="collapsed" />
        <NoteCard annotation={note('دور النشر', { note: 'ملاحظتي' })} margin="collapsed" />
      </>,
    );
    const [theirs, mine] = container.querySelectorAll('[data-note-id]');
    expect(theirs!.querySelector('[data-note-author]')).toHaveTextContent('layla');
    expect(mine!.querySelector('[data-note-author]')).toBeNull();
  });
});

describe('NoteText', () => {
  it('renders HTML as text and only http(s) URLs as links in a new tab', async () => {
    const value = '<img src=x onerror=alert(1)> javascript:alert(1) data:text/html,x https://example.org/x?y=1, http://a.b';
    expect(splitLinks(value).filter((p) => p.href).map((p) => p.href)).toEqual(['https://example.org/x?y=1', 'http://a.b/']);
    const { container } = await renderWithApp(<NoteText text={value} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe(value);
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    }
  });
});

describe('NotesPanel', () => {
  it('lists highlights in reading order with quote, note, tags; filters; orphans; delete with undo', async () => {
    const store = createStore(new MemoryStorage(), null);
    const later = note('دور النشر العربية', { note: 'ملاحظة <b>مهمة</b>', tags: ['ثقافة'], color: 'blue' });
    const earlier = note('خمسين ألف زائر', { tags: ['أرقام'] });
    const orphan = { ...note('الوزارة'), target: { blockId: 'p-9', selectors: [{ type: 'TextQuoteSelector', exact: 'نص لم يعد موجودًا في هذا المقال أبدًا', prefix: 'x', suffix: 'y' }, { type: 'TextPositionSelector', start: 3, end: 40 }] } } as Annotation;
    for (const a of [later, earlier, orphan]) saveAnnotation(store, a);
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store });

    const list = screen.getAllByRole('list').find((l) => l.hasAttribute('data-notes-list'))!;
    const cards = within(list).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-note-id'))).toEqual([earlier.id, later.id]);
    expect(within(cards[1]!).getByText('ملاحظة <b>مهمة</b>')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('#ثقافة')).toBeInTheDocument();
    expect(screen.getByText('3 تظليلات')).toBeInTheDocument();

    const orphans = document.querySelector('[data-notes-orphans]')!;
    expect(orphans).toHaveTextContent('ملاحظة واحدة تعذّر وضعها');
    expect(orphans).toHaveTextContent('نص لم يعد موجودًا');

    // Search folds hamza and diacritics: "الف" finds "ألف".
    fireEvent.change(screen.getByPlaceholderText('ابحث في الملاحظات'), { target: { value: 'خمسين الف' } });
    expect(within(list).getAllByRole('article').map((c) => c.getAttribute('data-note-id'))).toEqual([earlier.id]);
    fireEvent.change(screen.getByPlaceholderText('ابحث في الملاحظات'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '#ثقافة' }));
    expect(within(list).getAllByRole('article').map((c) => c.getAttribute('data-note-id'))).toEqual([later.id]);
    fireEvent.click(screen.getByRole('button', { name: '#ثقافة' }));
    fireEvent.click(screen.getByRole('button', { name: 'الأزرق' }));
    expect(within(list).getAllByRole('article').map((c) => c.getAttribute('data-note-id'))).toEqual([later.id]);
    fireEvent.click(screen.getByRole('button', { name: 'الأزرق' }));

    // Delete, then undo.
    const first = within(list).getAllByRole('article')[0]!;
    fireEvent.click(within(first).getByRole('button', { name: 'حذف' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id).map((a) => a.id)).not.toContain(earlier.id));
    fireEvent.click(await screen.findByRole('button', { name: 'تراجع' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id).find((a) => a.id === earlier.id)).toEqual(earlier));
  });

  it('edits a note and recolours it', async () => {
    const store = createStore(new MemoryStorage(), null);
    const a = note('خمسين ألف زائر', { note: 'قديم' });
    saveAnnotation(store, a);
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store });
    fireEvent.click(screen.getByRole('button', { name: 'تعديل' }));
    fireEvent.change(screen.getByLabelText('الملاحظة'), { target: { value: 'جديد' } });
    fireEvent.click(screen.getByLabelText('البنفسجي'));
    fireEvent.click(screen.getByRole('button', { name: 'حفظ' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id)[0]).toMatchObject({ id: a.id, note: 'جديد', color: 'purple' }));
    expect(await screen.findByText('جديد')).toBeInTheDocument();
  });

  it('says when a highlight was placed on a changed passage', async () => {
    const store = createStore(new MemoryStorage(), null);
    const before = { ...ARTICLE, id: 'v1', blocks: ARTICLE.blocks.map((b) => (b.id === 'p-1' ? { ...b, text: b.text.replace('استقبل', 'استقبلَ يومها') } : b)) };
    const moved = { ...note('إن المعرض استقبلَ يومها خمسين ألف زائر', {}, before), articleId: ARTICLE.id };
    saveAnnotation(store, moved);
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store });
    const card = document.querySelector(`[data-note-id="${moved.id}"]`)!;
    expect(card.closest('[data-notes-orphans]')).toBeNull();
    expect(card.querySelector('[data-approximate]')).toHaveTextContent('أقرب مطابقة');
  });

  it('uses English plurals in the English UI', async () => {
    const store = createStore(new MemoryStorage(), null);
    saveAnnotation(store, note('خمسين ألف زائر'));
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store, language: 'en' });
    expect(await screen.findByText('1 highlight')).toBeInTheDocument();
  });
});

function FeatureProbe() {
  const [reader] = useState(createReaderHandle);
  const feature = useAnnotationsFeature(ARTICLE.id, ARTICLE, reader, { open: true, toggle: () => {}, close: () => {} });
  const marks = [...feature.decorations.values()].flat();
  return (
    <>
      <output data-testid="marks">{marks.map((m) => `${m.start}-${m.end}:${"variant" in m ? m.variant : ""}`).join(' ')}</output>
      {feature.notice}
    </>
  );
}

describe('annotations feature', () => {
  it('decorates anchored highlights per block and picks up changes from another tab', async () => {
    const storage = new MemoryStorage();
    const target = new EventTarget();
    const store = createStore(storage, target);
    const { i18n } = await renderWithApp(<FeatureProbe />, { store });
    expect(i18n.language).toBe('ar');
    expect(screen.getByTestId('marks')).toHaveTextContent('');
    // Another tab writes a note: the storage event invalidates the queries.
    const other = createStore(storage, null);
    const a = note('خمسين ألف زائر', { color: 'pink' });
    saveAnnotation(other, a);
    act(() => {
      target.dispatchEvent(Object.assign(new Event('storage'), { key: `hashiya:notes:${ARTICLE.id}` }));
    });
    const start = ARTICLE.blocks[1]!.text.indexOf('خمسين');
    await waitFor(() => expect(screen.getByTestId('marks')).toHaveTextContent(`${start}-${start + 'خمسين ألف زائر'.length}:pink`));
  });

  it('offers the notes of an earlier version with the same title, and moves them', async () => {
    const store = createStore(new MemoryStorage(), null);
    const old = { ...ARTICLE, id: 'a-old', blocks: ARTICLE.blocks.map((b) => (b.id === 'p-2' ? { ...b, text: 'فقرة حُذفت لاحقًا من المقال ولم تعد موجودة فيه.' } : b)) };
    const db = freshIdbStore();
    await saveImported(db, old, 'import');
    await saveImported(db, ARTICLE, 'import');
    const kept = note('خمسين ألف زائر', {}, old);
    const lost = note('فقرة حُذفت لاحقًا من المقال', { note: 'تبقى' }, old);
    saveAnnotation(store, kept);
    saveAnnotation(store, lost);
    await renderWithApp(<FeatureProbe />, { store, db });
    fireEvent.click(await screen.findByRole('button', { name: 'انقلهما إلى هنا' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id)).toHaveLength(2));
    expect(listAnnotations(store, 'a-old')).toHaveLength(0);
    const start = ARTICLE.blocks[1]!.text.indexOf('خمسين');
    await waitFor(() => expect(screen.getByTestId('marks').textContent).toBe(`${start}-${start + 'خمسين ألف زائر'.length}:yellow`));
    // The offer is asked again from IndexedDB (async) once the notes moved.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'انقلهما إلى هنا' })).toBeNull());
  });
});

describe('NotebookPage', () => {
  it('groups every note by article with links into the article, searchable', async () => {
    const store = createStore(new MemoryStorage(), null);
    const db = freshIdbStore();
    await saveImported(db, ARTICLE, 'import');
    const a = note('خمسين ألف زائر', { note: 'رقم' });
    const b = note('دور النشر', { note: 'Publishers' });
    saveAnnotation(store, a);
    saveAnnotation(store, b);
    saveAnnotation(store, { ...note('الوزارة'), id: 'gone-1', articleId: 'a-gone' });
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200 }));
    await renderWithApp(<NotebookPage />, { store, db });
    const group = await screen.findByRole('link', { name: ARTICLE.title });
    expect(group).toHaveAttribute('href', `#/a/${ARTICLE.id}`);
    expect(document.querySelector('.notebook-summary')).toHaveTextContent('3 ملاحظات في مقالين');
    expect(screen.getByText('مقال لم يعد في هذا المتصفح')).toBeInTheDocument();
    const links = document.querySelectorAll(`[data-notebook-article="${ARTICLE.id}"] [data-action="open-note"]`);
    // At the note itself: its block, and the note made current there.
    expect(links[0]).toHaveAttribute('href', `#/a/${ARTICLE.id}/p-1?note=${a.id}`);
    fireEvent.change(screen.getByPlaceholderText('ابحث في الملاحظات'), { target: { value: 'PUBLISHERS' } });
    await waitFor(() => expect(document.querySelectorAll('[data-note-id]')).toHaveLength(1));
    vi.unstubAllGlobals();
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('long lists', () => {
  // 250 notes on one passage, the last one findable by its text.
  const many = () => Array.from({ length: 250 }, (_, i) => ({ ...note('دور النشر', { note: i === 249 ? 'الأخيرة' : `ملاحظة ${i}` }), id: `many-${i}` }));

  it('the notes panel mounts a hundred cards, then a hundred more per press; search still covers every note', async () => {
    const store = createStore(new MemoryStorage(), null);
    for (const a of many()) saveAnnotation(store, a);
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store });
    const cards = () => document.querySelectorAll('[data-notes-list] [data-note-id]');
    expect(cards()).toHaveLength(100);
    expect(screen.getByText('250 تظليلًا')).toBeInTheDocument();
    const more = document.querySelector('[data-action="show-more-notes"]')!;
    expect(more).toHaveAttribute('data-notes-remaining', '150');
    fireEvent.click(more);
    expect(cards()).toHaveLength(200);
    fireEvent.click(document.querySelector('[data-action="show-more-notes"]')!);
    expect(cards()).toHaveLength(250);
    expect(document.querySelector('[data-action="show-more-notes"]')).toBeNull();
    // A search runs over all 250.
    fireEvent.change(screen.getByPlaceholderText('ابحث في الملاحظات'), { target: { value: 'الاخيرة' } });
    expect([...cards()].map((c) => c.getAttribute('data-note-id'))).toEqual(['many-249']);
    // Clearing it gives back the list as it was.
    fireEvent.change(screen.getByPlaceholderText('ابحث في الملاحظات'), { target: { value: '' } });
    expect(cards()).toHaveLength(250);
  });

  it('the notebook mounts a hundred cards across its groups, the count covering all', async () => {
    const store = createStore(new MemoryStorage(), null);
    for (const a of many()) saveAnnotation(store, a);
    saveAnnotation(store, { ...note('الوزارة'), id: 'other-article', articleId: 'a-other' });
    vi.stubGlobal('fetch', async () => new Response('[]', { status: 200 }));
    await renderWithApp(<NotebookPage />, { store, db: freshIdbStore() });
    await waitFor(() => expect(document.querySelectorAll('[data-note-id]')).toHaveLength(100));
    expect(document.querySelector('[data-notebook-count]')).toHaveAttribute('data-notebook-count', '251');
    fireEvent.click(document.querySelector('[data-action="show-more-notes"]')!);
    fireEvent.click(document.querySelector('[data-action="show-more-notes"]')!);
    expect(document.querySelectorAll('[data-note-id]')).toHaveLength(251);
    expect(document.querySelectorAll('[data-notebook-article]')).toHaveLength(2);
    vi.unstubAllGlobals();
  });
});
