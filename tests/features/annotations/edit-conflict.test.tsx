import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { createAnnotation, editAnnotation } from '../../../src/core/annotations/annotation';
import { deleteAnnotation, listAnnotations, saveAnnotation } from '../../../src/core/annotations/annotation-store';
import { articleText } from '../../../src/core/article/article';
import { createStore } from '../../../src/core/storage/storage';
import { NotesPanel } from '../../../src/features/annotations/NotesPanel';
import { MemoryStorage } from '../../helpers/memory-storage';
import { renderWithApp } from '../../helpers/render';
import { ARTICLE } from './fixtures';

function setup() {
  const storage = new MemoryStorage();
  const target = new EventTarget();
  const store = createStore(storage, target);
  const other = createStore(storage, null);
  const quote = 'خمسين ألف زائر';
  const at = articleText(ARTICLE).indexOf(quote);
  const note = createAnnotation({ articleId: ARTICLE.id, selectors: describeRange(ARTICLE, { start: at, end: at + quote.length }), note: 'النص الأول', now: new Date('2026-01-01T00:00:00Z') });
  saveAnnotation(store, note);
  const otherTabWrote = () => act(() => void target.dispatchEvent(Object.assign(new Event('storage'), { key: `hashiya:notes:${ARTICLE.id}` })));
  return { store, other, note, otherTabWrote };
}

describe('the note editor and another tab (issue 15)', () => {
  it('notices the note changed elsewhere, keeps both texts on save, and the copy can be merged', async () => {
    const { store, other, note, otherTabWrote } = setup();
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store, language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    // Edited in place in the panel (no dialog).
    const dialog = document.querySelector<HTMLElement>('[data-note-editor]')!;
    saveAnnotation(other, editAnnotation(note, { note: 'from the other tab' }, new Date('2026-01-01T00:01:00Z')));
    otherTabWrote();
    expect(await within(dialog).findByText(/changed in another tab/)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'from this tab' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id)).toHaveLength(2));
    const stored = listAnnotations(store, ARTICLE.id);
    expect(stored.find((a) => a.id === note.id)?.note).toBe('from this tab');
    expect(stored.find((a) => a.conflictOf === note.id)?.note).toBe('from the other tab');

    fireEvent.click(await screen.findByRole('button', { name: 'Merge into the note' }));
    await waitFor(() => expect(listAnnotations(store, ARTICLE.id)).toHaveLength(1));
    expect(listAnnotations(store, ARTICLE.id)[0]?.note).toBe('from this tab\n\nfrom the other tab');
  });

  it('a note deleted in another tab is not brought back by saving here; the text stays in the editor', async () => {
    const { store, other, note, otherTabWrote } = setup();
    await renderWithApp(<NotesPanel article={ARTICLE} />, { store, language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.change(within(document.querySelector<HTMLElement>('[data-note-editor]')!).getByLabelText('Note'), { target: { value: 'typed here' } });
    deleteAnnotation(other, ARTICLE.id, note.id);
    otherTabWrote();
    // The note left the list: its form stays (above it), with what was typed.
    await waitFor(() => expect(screen.queryAllByRole('listitem')).toHaveLength(0));
    const dialog = document.querySelector<HTMLElement>('[data-note-editor]')!;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('deleted in another tab');
    expect(within(dialog).getByLabelText('Note')).toHaveValue('typed here');
    expect(listAnnotations(store, ARTICLE.id)).toEqual([]);
  });
});
