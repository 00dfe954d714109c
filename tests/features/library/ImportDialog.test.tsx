import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { siteCorrectionsSpec } from '../../../src/core/article/import-corrections-store';
import { listImported } from '../../../src/core/article/article-store';
import type { IdbStore } from '../../../src/core/storage/idb-store';
import { ImportDialog } from '../../../src/features/library/ImportDialog';
import { freshIdbStore, renderWithApp } from '../../helpers/render';

// The parser loads on the first import (a dynamic import): the first preview may take a few seconds under load.
const PREVIEW = { timeout: 15_000 };

const WIRE = 'الخرطوم - الأحد 6 أبريل 2025\n\nالجيش يعلن استعادة مواقع جديدة شرق العاصمة\n\nتابعونا على تلغرام\n\nأعلن الجيش اليوم الأحد استعادة مواقع جديدة في الأطراف الشرقية للعاصمة بعد معارك استمرت أياما.\n\nوقال متحدث إن القوات تتقدم على أكثر من محور.\n\nحقوق النشر محفوظة للموقع';
const page = (title: string, first: string) =>
  `<html lang="ar"><head><title>شبكة الخبر | ${title}</title><meta property="og:url" content="https://news.example/a/${encodeURIComponent(title)}"></head><body><article><h1>شبكة الخبر | ${title}</h1><p>${first}</p><p>نص الفقرة الأولى من الخبر المستورد هنا وفيه كلمات كافية للمقال.</p><p>وفقرة ثانية أيضا فيها كلمات كافية.</p></article></body></html>`;

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
    fireEvent.click(await screen.findByRole('button', { name: 'احفظ' }, PREVIEW));
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
    // Each article opens in the preview in turn (the binary file is refused before it).
    expect(await screen.findByDisplayValue('الخبر الأول', {}, PREVIEW)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'احفظ' }));
    expect(await screen.findByDisplayValue('الخبر الثاني', {}, PREVIEW)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'احفظ' }));
    await waitFor(() => expect(document.querySelectorAll('[data-import-result]')).toHaveLength(3));
    const texts = [...document.querySelectorAll('[data-import-result]')].map((e) => e.textContent);
    expect([...document.querySelectorAll('[data-import-result]')].map((e) => e.getAttribute('data-status')), texts.join(' | ')).toEqual(['imported', 'refused', 'imported']);
    expect(document.querySelector('[data-import-result][data-status="imported"]')).toHaveTextContent('الخبر الأول');
    expect((await listImported(db)).map((item) => item.article.title).sort()).toEqual(['الخبر الأول', 'الخبر الثاني']);
  });

  it('opens the preview: the dateline read in the reader\'s language, the title, date and source editable, and Enter saves', async () => {
    const { db } = await renderWithApp(<ImportDialog open onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: WIRE } });
    fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
    const title = await screen.findByLabelText('العنوان', {}, PREVIEW);
    expect(title).toHaveValue('الجيش يعلن استعادة مواقع جديدة شرق العاصمة');
    expect(screen.getByLabelText('سطر التاريخ')).toHaveValue('الخرطوم - الأحد 6 أبريل 2025');
    expect(document.querySelector('[data-preview-date]')).toHaveAttribute('data-preview-date', '2025-04-06');
    // The body starts at the story and ends before the credit line.
    fireEvent.click(document.querySelector('[data-preview-block="2"] [data-action="body-starts-here"]')!);
    const blocks = document.querySelectorAll('[data-preview-block]');
    fireEvent.click(blocks[blocks.length - 2]!.querySelector('[data-action="body-ends-here"]')!);
    fireEvent.change(title, { target: { value: 'الجيش يستعيد مواقع شرق العاصمة' } });
    fireEvent.submit(title.closest('form')!);
    await waitFor(async () => expect(await listImported(db)).toHaveLength(1), PREVIEW);
    const [saved] = await listImported(db);
    expect(saved?.article.title).toBe('الجيش يستعيد مواقع شرق العاصمة');
    expect(saved?.article.blocks.map((b) => b.text)).toEqual([
      'الجيش يستعيد مواقع شرق العاصمة',
      'أعلن الجيش اليوم الأحد استعادة مواقع جديدة في الأطراف الشرقية للعاصمة بعد معارك استمرت أياما.',
      'وقال متحدث إن القوات تتقدم على أكثر من محور.',
    ]);
    expect(saved?.article.dateline).toEqual({ raw: 'الخرطوم - الأحد 6 أبريل 2025', date: '2025-04-06' });
  });

  it('remembers corrections per site and applies them to the next page from it', async () => {
    const { store } = await renderWithApp(<ImportDialog open onClose={() => {}} />);
    const paste = async (html: string) => {
      fireEvent.change(screen.getByLabelText('نص المقال'), { target: { value: html } });
      fireEvent.click(screen.getByRole('button', { name: 'استيراد' }));
      return screen.findByLabelText('العنوان', {}, PREVIEW);
    };
    const first = await paste(page('افتتاح مكتبة عامة', 'تابعونا على تلغرام الآن'));
    expect(first).toHaveValue('شبكة الخبر | افتتاح مكتبة عامة');
    fireEvent.change(first, { target: { value: 'افتتاح مكتبة عامة' } });
    fireEvent.click(document.querySelector('[data-preview-block="2"] [data-action="body-starts-here"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'احفظ' }));
    await waitFor(() => expect(screen.queryByLabelText('العنوان')).toBeNull(), PREVIEW);
    await waitFor(() => expect(Object.keys(store.readCollection(siteCorrectionsSpec))).toHaveLength(1), PREVIEW);
    expect(Object.keys(store.readCollection(siteCorrectionsSpec))).toEqual(['news.example']);

    const second = await paste(page('معرض للكتاب في المدينة', 'تابعونا على تلغرام الآن'));
    expect(second).toHaveValue('معرض للكتاب في المدينة');
    expect(document.querySelector('[data-preview-remembered]')).toHaveAttribute('data-preview-remembered', 'title blocks');
    expect(document.querySelector('[data-preview-block="1"]')).not.toHaveTextContent('تابعونا');
  });
});
