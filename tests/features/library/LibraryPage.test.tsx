import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listImported } from '../../../src/core/article/imported-articles';
import { LibraryPage } from '../../../src/features/library/LibraryPage';
import { renderWithApp } from '../../helpers/render';

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
    const { store } = await renderWithApp(<LibraryPage />);
    fireEvent.click(screen.getByRole('button', { name: 'استيراد مقال' }));
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('لا يوجد نص');

    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: 'عنوان تجريبي\n\nفقرة أولى من المقال المستورد.' } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    await waitFor(() => expect(store.keys()).toContain('hashiya:articles'));
    expect(await screen.findByText('عنوان تجريبي')).toBeInTheDocument();
  });

  it('asks before deleting an imported article', async () => {
    const { store } = await renderWithApp(<LibraryPage />);
    fireEvent.click(screen.getByRole('button', { name: 'استيراد مقال' }));
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: 'مقال سيحذف\n\nنص قصير للمقال.' } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    const title = await screen.findByText('مقال سيحذف');
    fireEvent.click(within(title.closest('li')!).getByRole('button', { name: 'حذف' }));
    expect(screen.getByText(/هل تريد حذف/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'إلغاء' }));
    expect(screen.getByText('مقال سيحذف')).toBeInTheDocument();
    fireEvent.click(within(screen.getByText('مقال سيحذف').closest('li')!).getByRole('button', { name: 'حذف' }));
    fireEvent.click(document.querySelector('[data-action="confirm-delete"]')!);
    await waitFor(() => expect(screen.queryByText('مقال سيحذف')).not.toBeInTheDocument());
    expect(listImported(store)).toEqual([]);
  });
});
