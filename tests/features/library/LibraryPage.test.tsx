import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listImported } from '../../../src/core/article/article-store';
import { LibraryPage } from '../../../src/features/library/LibraryPage';
import { renderWithApp } from '../../helpers/render';

// The parser loads on the first import (a dynamic import): the first preview may take a few seconds under load.
const PREVIEW = { timeout: 15_000 };
// A title listed in the library, not the one still in the preview's title field (a textarea holds its text).
const LISTED = { ignore: 'script, style, textarea' };

const publicDir = resolve(__dirname, '../../../public');

beforeEach(() => {
  // Serve public/ like the static host does.
  vi.stubGlobal('fetch', async (url: string) => {
    try {
      return new Response(readFileSync(resolve(publicDir, url), 'utf8'), { status: 200 });
    } catch {
      return new Response('missing', { status: 404 });
    }
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('LibraryPage', () => {
  it('lists the bundled articles with their titles and word counts', async () => {
    await renderWithApp(<LibraryPage />);
    const bundled = await screen.findByRole('heading', { name: 'مقالات مرفقة' });
    expect(bundled).toBeInTheDocument();
    expect(await screen.findByText(/بوتين يهاتف رئيسي/)).toBeInTheDocument();
    const card = (await screen.findByText(/بوتين يهاتف رئيسي/)).closest('li')!;
    expect(within(card).getByText(/كلمة/)).toBeInTheDocument();
  });

  it('imports a pasted article and lists it; empty input gets a message', async () => {
    const { db } = await renderWithApp(<LibraryPage />);
    fireEvent.click(screen.getByRole('button', { name: 'استيراد مقال' }));
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('لا يوجد نص');

    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: 'عنوان تجريبي\n\nفقرة أولى من المقال المستورد.' } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    fireEvent.click(await screen.findByRole('button', { name: 'احفظ' }, PREVIEW));
    await waitFor(async () => expect(await db.ids('articles')).toHaveLength(1), PREVIEW);
    expect(await screen.findByText('عنوان تجريبي', LISTED, PREVIEW)).toBeInTheDocument();
  });

  it('asks before deleting an imported article', async () => {
    const { db } = await renderWithApp(<LibraryPage />);
    fireEvent.click(screen.getByRole('button', { name: 'استيراد مقال' }));
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: 'مقال سيحذف\n\nنص قصير للمقال.' } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    fireEvent.click(await screen.findByRole('button', { name: 'احفظ' }, PREVIEW));
    const title = await screen.findByText('مقال سيحذف', LISTED, PREVIEW);
    fireEvent.click(within(title.closest('li')!).getByRole('button', { name: 'حذف' }));
    expect(screen.getByText(/هل تريد حذف/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'إلغاء' }));
    expect(screen.getByText('مقال سيحذف')).toBeInTheDocument();
    fireEvent.click(within(screen.getByText('مقال سيحذف').closest('li')!).getByRole('button', { name: 'حذف' }));
    fireEvent.click(document.querySelector('[data-action="confirm-delete"]')!);
    await waitFor(() => expect(screen.queryByText('مقال سيحذف')).not.toBeInTheDocument(), PREVIEW);
    expect(await listImported(db)).toEqual([]);
  });
});

describe('LibraryPage: search, tags, archive', () => {
  const importText = async (text: string) => {
    fireEvent.click(screen.getByRole('button', { name: 'استيراد مقال' }));
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    fireEvent.click(await screen.findByRole('button', { name: 'احفظ' }, PREVIEW));
    await screen.findByText(text.split('\n')[0]!, LISTED, PREVIEW);
  };

  it('searches every article and links each passage into its article', async () => {
    await renderWithApp(<LibraryPage />);
    await importText('زيارة إلى طهران\n\nوصل الوزير إلى طهرانَ صباح الأحد في زيارة رسمية.');
    fireEvent.change(document.querySelector('[data-library-search]')!, { target: { value: 'بطهران' } });
    const results = await waitFor(() => {
      const found = document.querySelectorAll('[data-search-result]');
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    const paragraph = [...results].find((r) => r.textContent?.includes('وصل الوزير'))!;
    expect(paragraph.querySelector('mark')).toHaveTextContent('طهرانَ');
    expect(paragraph.querySelector('a')!.getAttribute('href')).toMatch(/^#\/a\/[^/]+\/p-/);
    fireEvent.change(document.querySelector('[data-library-search]')!, { target: { value: 'كلمةغيرموجودة' } });
    expect(await screen.findByText('لا يوجد مقال يحتوي هذه الكلمات.')).toBeInTheDocument();
  });

  it('tags an article, filters by tag, archives and deletes with undo', async () => {
    const { db } = await renderWithApp(<LibraryPage />);
    await importText('مقال أول\n\nنص المقال الأول.');
    await importText('مقال ثان\n\nنص المقال الثاني.');
    const card = () => screen.getByText('مقال أول').closest('li')!;
    fireEvent.click(within(card()).getByRole('button', { name: 'الوسوم' }));
    fireEvent.change(screen.getByLabelText('الوسوم'), { target: { value: 'اقتصاد، #نفط' } });
    fireEvent.click(document.querySelector('[data-action="save-article-tags"]')!);
    await waitFor(() => expect(card().querySelectorAll('[data-article-tag]')).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('الوسم'), { target: { value: 'نفط' } });
    await waitFor(() => expect(screen.queryByText('مقال ثان')).not.toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('الوسم'), { target: { value: '' } });

    fireEvent.click(within(card()).getByRole('button', { name: 'أرشفة' }));
    await waitFor(() => expect(screen.queryByText('مقال أول')).not.toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('اعرض'), { target: { value: 'archived' } });
    expect(await screen.findByText('مقال أول')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('اعرض'), { target: { value: 'all' } });

    fireEvent.click(within(screen.getByText('مقال ثان').closest('li')!).getByRole('button', { name: 'حذف' }));
    fireEvent.click(document.querySelector('[data-action="confirm-delete"]')!);
    await waitFor(() => expect(screen.queryByText('مقال ثان')).not.toBeInTheDocument());
    fireEvent.click(await screen.findByRole('button', { name: 'تراجع' }));
    expect(await screen.findByText('مقال ثان')).toBeInTheDocument();
    expect(await listImported(db)).toHaveLength(2);
  });
});
