import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SharedArticleScreen } from '../../../src/app/SharedArticleScreen';
import { listAnnotations } from '../../../src/core/annotations/annotation-store';
import { articleText, type Article } from '../../../src/core/article/article';
import { getImported } from '../../../src/core/article/article-store';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { describe as describeRange } from '../../../src/core/annotations/anchoring';
import { encodeSharedArticle, passageFromSelectors, passageParams } from '../../../src/core/links/share-link';
import { ReaderView } from '../../../src/features/reader/ReaderView';
import { SharePanel } from '../../../src/features/sharing/SharePanel';
import { useSharingFeature } from '../../../src/features/sharing/use-sharing-feature';
import { renderWithApp } from '../../helpers/render';

const article: Article = parsePlainTextArticle(
  `عنوان الخبر عن معرض الكتاب

قالت الوزارة إن المعرض استقبل خمسين ألف زائر في يومه الأول وسط إقبال كبير.

وأضافت أن دور النشر العربية حضرت بقوة هذا العام.`,
  { id: 'book-fair' },
);
const QUOTE = 'استقبل خمسين ألف زائر';
const selectors = () => {
  const start = articleText(article).indexOf(QUOTE);
  return describeRange(article, { start, end: start + QUOTE.length });
};

function Harness({ params, blockId, readOnly = false }: { params?: Record<string, string>; blockId?: string; readOnly?: boolean }) {
  const sharing = useSharingFeature(article, { blockId, params, local: false, readOnly });
  return (
    <>
      <ReaderView article={article} decorations={sharing.decorations} notices={sharing.notices} targetBlockId={sharing.targetBlockId} />
      <div data-testid="toolbar">{sharing.toolbarAction({ start: articleText(article).indexOf(QUOTE), end: articleText(article).indexOf(QUOTE) + QUOTE.length })}</div>
      {sharing.overlay}
    </>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('receiving a passage link', () => {
  it('marks the passage and shows the note as someone else’s, saved only on "keep"', async () => {
    const passage = passageFromSelectors(selectors(), 'ملاحظة الزميل');
    const { container, store } = await renderWithApp(<Harness blockId={passage.blockId} params={passageParams(passage)} />, { language: 'en' });
    const marks = container.querySelectorAll('mark[data-shared-passage]');
    expect([...marks].map((m) => m.textContent).join('')).toBe(QUOTE);
    const note = container.querySelector('[data-shared-note]')!;
    expect(note).toHaveTextContent('Note from the person who shared this');
    expect(note).toHaveTextContent('ملاحظة الزميل');
    expect(listAnnotations(store, article.id)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Keep as my note' }));
    await waitFor(() => expect(listAnnotations(store, article.id)).toHaveLength(1));
    const [kept] = listAnnotations(store, article.id);
    expect(kept!.note).toBe('ملاحظة الزميل');
    expect(kept!.target.selectors[0].exact).toBe(QUOTE);
  });

  it('offers no "keep" on a read-only article', async () => {
    const passage = passageFromSelectors(selectors(), 'ملاحظة');
    const { container } = await renderWithApp(<Harness blockId={passage.blockId} params={passageParams(passage)} readOnly />, { language: 'en' });
    expect(container.querySelector('[data-action="keep-shared-note"]')).toBeNull();
    expect(container.querySelector('[data-shared-note]')).toHaveTextContent('Add the article to your library to keep this note.');
  });

  it('says when the passage has changed and shows the quote from the link', async () => {
    const params = { q: 'جملة لم تعد موجودة في المقال على الإطلاق', v: '1' };
    const { container } = await renderWithApp(<Harness blockId={article.blocks[1]!.id} params={params} />, { language: 'en' });
    expect(container.querySelector('mark[data-shared-passage]')).toBeNull();
    expect(container.querySelector('[data-passage-changed]')).toHaveTextContent('This passage has changed');
    expect(container.querySelector('[data-shared-quote]')).toHaveTextContent(params.q);
  });

  it('explains a link of an unknown version', async () => {
    const { container } = await renderWithApp(<Harness params={{ q: 'x', v: '3' }} />, { language: 'en' });
    expect(container.querySelector('[data-link-problem="version"]')).toHaveTextContent('newer or unknown version');
  });
});

describe('sharing', () => {
  it('copies nothing until asked, shares the passage alone by default, and offers the system share sheet where it exists', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    const share = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { clipboard: { writeText }, share }));
    const { container } = await renderWithApp(<Harness />, { language: 'en' });
    fireEvent.click(container.querySelector('[data-action="share"]')!);
    const link = await waitFor(() => {
      const found = container.ownerDocument.querySelector<HTMLAnchorElement>('a[data-share-link]');
      expect(found).not.toBeNull();
      return found!;
    });
    const href = link.getAttribute('href')!;
    expect(href).toMatch(/#\/a\/book-fair\/[a-z][a-z0-9-]*\?q=.+&v=2$/);
    expect(href).not.toContain('&n=');
    expect(screen.getByText('What the recipient will see')).toBeInTheDocument();
    expect(writeText).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Add a note for the recipient'));
    fireEvent.change(screen.getByLabelText('Note for the recipient'), { target: { value: 'انظر' } });
    await waitFor(() => expect(container.ownerDocument.querySelector('a[data-share-link]')!.getAttribute('href')).toContain('&n='));
    expect(container.ownerDocument.querySelector('[data-share-preview-note]')).toHaveTextContent('انظر');
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(container.ownerDocument.querySelector('a[data-share-link]')!.getAttribute('href')));
    fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
    expect(share).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining('&n=') }));
  });

  it("keeps a highlight's note out of the link unless the reader includes it", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { clipboard: { writeText } }));
    const { container } = await renderWithApp(<SharePanel article={article} request={{ selectors: selectors(), note: 'سري' }} local={false} onClose={() => {}} />, { language: 'en' });
    const linkHref = () => container.ownerDocument.querySelector('a[data-share-link]')?.getAttribute('href') ?? '';
    await waitFor(() => expect(linkHref()).toMatch(/v=2$/));
    expect(linkHref()).not.toContain('&n=');
    expect(container.ownerDocument.querySelector('[data-share-preview-note]')).toBeNull();
    expect(writeText).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText('Include your note'));
    expect(screen.getByLabelText('Note for the recipient')).toHaveValue('سري');
    await waitFor(() => expect(linkHref()).toContain('&n='));
    expect(writeText).not.toHaveBeenCalled();
  });

  it('carries an article that exists only in this browser inside the link, and states the limit', async () => {
    await renderWithApp(<SharePanel article={article} request={{ selectors: selectors() }} local onClose={() => {}} />, { language: 'en' });
    expect(screen.getByText(/limited to 32,000 characters/)).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: 'Open the link' });
    await waitFor(() => expect(link.getAttribute('href')).toMatch(/#\/s\?v=1&d=[A-Za-z0-9_-]+$/));
    fireEvent.click(screen.getByLabelText('Share with the article'));
    expect(screen.getByRole('link', { name: 'Open the link' }).getAttribute('href')).toMatch(/#\/a\/book-fair\//);
  });
});

describe('an article opened from a self-contained link', () => {
  it('is shown read-only with its passage and can be added to the library', async () => {
    const passage = passageFromSelectors(selectors());
    const params = { v: '1', d: await encodeSharedArticle(article, passage) };
    const { container, db } = await renderWithApp(<SharedArticleScreen params={params} />, { language: 'en' });
    await screen.findByText(/Shared article, read-only/);
    expect([...container.querySelectorAll('mark[data-shared-passage]')].map((m) => m.textContent).join('')).toBe(QUOTE);
    expect(await getImported(db, article.id)).toBeUndefined();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add to my library' }));
    });
    await waitFor(async () => expect((await getImported(db, article.id))?.origin).toBe('shared'));
    expect(window.location.hash).toMatch(/^#\/a\/book-fair\/[a-z][a-z0-9-]*\?q=/);
  });

  it('explains a damaged link instead of breaking', async () => {
    const params = { v: '1', d: (await encodeSharedArticle(article)).slice(0, 40) };
    const { container } = await renderWithApp(<SharedArticleScreen params={params} />, { language: 'en' });
    await waitFor(() => expect(container.querySelector('[data-link-problem]')).not.toBeNull());
    expect(container.querySelector('[data-link-problem]')).toHaveTextContent(/damaged|not valid/);
  });
});
