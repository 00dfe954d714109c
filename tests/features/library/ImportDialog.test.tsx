import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listImported } from '../../../src/core/article/imported-articles';
import { createStore } from '../../../src/core/storage/storage';
import { ImportDialog } from '../../../src/features/library/ImportDialog';
import { MemoryStorage } from '../../helpers/memory-storage';
import { renderWithApp } from '../../helpers/render';

const ARTICLE = 'عنوان تجريبي\n\nفقرة أولى من المقال المستورد فيها كلمات كافية.\n\nفقرة ثانية من المقال.';
const html = (title: string) =>
  `<html><body><article><h1>${title}</h1><p>نص الفقرة الأولى من الخبر المستورد هنا وفيه كلمات كافية للمقال.</p><p>وفقرة ثانية أيضا فيها كلمات كافية.</p></article></body></html>`;

describe('ImportDialog', () => {
  it('says the article was not saved when the store refuses it, and never "Imported"', async () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    await renderWithApp(<ImportDialog open onClose={() => {}} />, { store: createStore(storage, null) });
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: ARTICLE } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveAttribute('data-status', 'refused');
    expect(refusal).toHaveTextContent('ممتلئة');
    expect(document.querySelector('[data-toast]')).toBeNull();
  });

  it('gives several files a result line each, and saves only the good ones', async () => {
    const { store } = await renderWithApp(<ImportDialog open onClose={() => {}} />);
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
    expect(listImported(store).map((item) => item.article.title).sort()).toEqual(['الخبر الأول', 'الخبر الثاني']);
  });
});
