import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { parsePlainTextArticle } from '../../../src/core/article/parse-text';
import { ReaderView } from '../../../src/features/reader/ReaderView';
import { renderWithApp } from '../../helpers/render';

const article = parsePlainTextArticle(
  `الخميس 19 Sep / September 2024

عنوان الخبر عن روسيا وإيران

فقرة أولى تتحدث عن زيارة الرئيس إلى طهران يوم السبت.

تعاون جديد

فقرة ثانية عن العلاقات بين البلدين.

المصادر:
العربي - أ ف ب`,
  { id: 'sample' },
);

describe('ReaderView', () => {
  it('renders the article in its own language and direction with its structure', async () => {
    const { container } = await renderWithApp(<ReaderView article={article} />, { language: 'en' });
    const element = container.querySelector('article')!;
    expect(element).toHaveAttribute('lang', 'ar');
    expect(element).toHaveAttribute('dir', 'rtl');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('عنوان الخبر عن روسيا وإيران');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('تعاون جديد');
    // The printed date line (English month names inside Arabic) is shown in the reader's language, kept as printed in the tooltip.
    expect(container.querySelector('.dateline time')).toHaveTextContent('Thursday, September 19, 2024');
    expect(container.querySelector('time')).toHaveAttribute('datetime', '2024-09-19');
    expect(container.querySelector('time')).toHaveAttribute('title', 'الخميس 19 Sep / September 2024');
    expect(screen.getByText('العربي - أ ف ب')).toBeInTheDocument();
  });

  it('gives every block an id and a link control pointing at it', async () => {
    const { container } = await renderWithApp(<ReaderView article={article} />);
    const blocks = [...container.querySelectorAll<HTMLElement>('[data-block-id]')];
    expect(blocks).toHaveLength(article.blocks.length);
    for (const block of blocks) {
      expect(block.id).toBe(block.dataset.blockId);
      expect(block.querySelector('a[data-action="link-block"]')).toHaveAttribute('href', `#/a/sample/${block.id}`);
    }
  });

  it('copies a paragraph link and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = await renderWithApp(<ReaderView article={article} />);
    const link = container.querySelectorAll('a[data-action="link-block"]')[2]!;
    fireEvent.click(link);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(expect.stringContaining(`#/a/sample/${article.blocks[2]!.id}`)));
    expect(await screen.findByText('نُسخ رابط الفقرة.')).toBeInTheDocument();
  });

  it('says so when a linked block is not in the article, and still shows the article', async () => {
    await renderWithApp(<ReaderView article={article} targetBlockId="p-missing" />);
    expect(screen.getByRole('alert')).toHaveTextContent('الفقرة المطلوبة');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('renders entity marks and highlights as overlapping runs', async () => {
    const block = article.blocks[1]!;
    const start = block.text.indexOf('الرئيس');
    const decorations = new Map([
      [
        block.id,
        [
          { kind: 'entity' as const, start, end: start + 'الرئيس'.length, id: 'e1', type: 'PERS' as const, mentionIndex: 0 },
          { kind: 'highlight' as const, start: start - 3, end: start + 3, id: 'h1', variant: 'green' },
        ],
      ],
    ]);
    const { container } = await renderWithApp(<ReaderView article={article} decorations={decorations} hiddenEntityTypes={['LOC']} />);
    const mark = container.querySelector('[data-entity-type="PERS"]')!;
    expect(mark).toHaveTextContent('الرئيس');
    expect(mark).toHaveAttribute('data-entity-id', 'e1');
    expect(container.querySelectorAll('[data-annotation-id="h1"]')).toHaveLength(2);
    expect(container.querySelector('article')).toHaveAttribute('data-hide-types', 'LOC');
  });

  it('draws another group member’s highlight as theirs, naming them in its title and description', async () => {
    const block = article.blocks[1]!;
    const label = 'amal’s highlight in the desk: yellow highlight';
    const decorations = new Map([
      [
        block.id,
        [
          { kind: 'highlight' as const, start: 0, end: 4, id: 'mine', variant: 'yellow', label: 'yellow highlight' },
          { kind: 'highlight' as const, start: 6, end: 10, id: 'theirs', variant: 'yellow', label, owner: 'amal' },
        ],
      ],
    ]);
    const { container } = await renderWithApp(<ReaderView article={article} decorations={decorations} />);
    const theirs = container.querySelector('[data-annotation-id="theirs"]')!;
    expect(theirs).toHaveClass('highlight--others');
    expect(theirs).toHaveAttribute('data-highlight-author', 'amal');
    expect(theirs).toHaveAttribute('title', label);
    expect(theirs).toHaveAttribute('aria-description', label);
    const mine = container.querySelector('[data-annotation-id="mine"]')!;
    expect(mine).not.toHaveClass('highlight--others');
    expect(mine).not.toHaveAttribute('data-highlight-author');
    expect(mine).not.toHaveAttribute('title');
  });
});
