import { readFraction } from '../../core/article/reading-time';

export interface ReadingPlace {
  /** The block at the top of the window (under the top bar). */
  readonly blockId: string;
  /** Share of the article's words read (see core/article/reading-time). */
  readonly fraction: number;
}

/**
 * Where the reader is in the rendered article: the first block not yet scrolled past the top bar,
 * how much of it is, and so the share of the words read; all of it once the page is scrolled to the
 * end. `index` maps block ids to their place in the article (blocks mount progressively).
 */
export function readingPlace(root: Element, words: readonly number[], index: ReadonlyMap<string, number>): ReadingPlace | null {
  const blocks = root.querySelectorAll<HTMLElement>('[data-block-id]');
  if (blocks.length === 0) return null;
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  // The first block whose bottom is below the top bar (blocks are in order: binary search).
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((blocks[mid] as HTMLElement).getBoundingClientRect().bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo] as HTMLElement;
  const box = block.getBoundingClientRect();
  const blockId = block.dataset.blockId ?? '';
  const scrollable = document.documentElement.scrollHeight - window.innerHeight;
  if (scrollable > 0 && window.scrollY >= scrollable - 2) return { blockId, fraction: 1 };
  const within = box.height > 0 ? (top - box.top) / box.height : 0;
  return { blockId, fraction: readFraction(words, index.get(blockId) ?? 0, within) };
}
