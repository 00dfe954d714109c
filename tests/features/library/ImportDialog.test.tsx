import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listImported } from '../../../src/core/article/article-store';
import type { IdbStore } from '../../../src/core/storage/idb-store';
import { ImportDialog } from '../../../src/features/library/ImportDialog';
import { freshIdbStore, renderWithApp } from '../../helpers/render';

const ARTICLE = 'عنوان تجريبي\n\nفقرة أولى من المقال المستورد فيها كلمات كافية.\n\nفقرة ثانية من المقال.';
const html = (title: string) =>
  `<html><body><article><h1>${title}</h1><p>نص الفقرة الأولى من الخبر المستورد هنا وفيه كلمات كافية للمقال.</p><p>وفقرة ثانية أيضا فيها كلمات كافية.</p></article></body></html>`;

describe('ImportDialog', () => {
  it('says the article was not saved when the store refuses it, and never "Imported"', async () => {
    // Articles live in IndexedDB: one whose every write meets a full disk.
    const db = freshIdbStore();
    const full: IdbStore = { ...db, write: async () => ({ ok: false, reason: 'quota' }), put: async () => ({ ok: false, reason: 'quota' }) };
    await renderWithApp(<ImportDialog open onClose={() => {}} />, { db: full });
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: ARTICLE } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveAttribute('data-status', 'refused');
    expect(refusal).toHaveTextContent('ممتلئة');
    expect(document.querySelector('[data-toast]')).toBeNull();
  });

  it('gives several files a result line each, and saves only the good ones', async () => {
    const { db } = await renderWithApp(<ImportDialog open onClose={() => {}} />);
    fireEvent.click(screen.getByRole('radio', { name: 'فتح ملف' }));
    // jsdom's File cannot be read; give each the reading method browsers have.
    const file = (content: string, name: string, type: string) =>
      Object.assign(new File([content], name, { type }), { arrayBuffer: async () => new TextEncoder().encode(content).buffer });
    const files = [file(html('الخبر الأول'), 'one.html', 'text/html'), file('\u0000\u0001binary', 'two.txt', 'text/plain'), file(html('الخبر الثاني'), 'three.htm', 'text/html')];
    fireEvent.change(document.querySelector('input[type="file"]')!, { target: { files } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    await waitFor(() => expect(document.querySelectorAll('[data-import-result]')).toHaveLength(3));
    const texts = [...document.querySelectorAll('[data-import-result]')].map((e) => e.textContent);
    expect([...document.querySelectorAll('[data-import-result]')].map((e) => e.getAttribute('data-status')), texts.join(' | ')).toEqual(['imported', 'refused', 'imported']);
    expect(document.querySelector('[data-import-result][data-status="imported"]')).toHaveTextContent('الخبر الأول');
    expect((await listImported(db)).map((item) => item.article.title).sort()).toEqual(['الخبر الأول', 'الخبر الثاني']);
  });
});
