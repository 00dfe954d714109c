import type { ArticleSummary } from '../article/article-store';
import { searchForm } from '../text/fold';

/**
 * The library list as the reader asked for it: reading state from the saved reading position,
 * filters (reading state, tag, has notes, archive) and sorts. Pure: the page passes the summaries
 * (IndexedDB), the positions and the note counts (localStorage).
 */

export type ReadingState = 'unread' | 'in-progress' | 'finished';
export type LibrarySort = 'imported' | 'read' | 'published' | 'title';
export type StateFilter = 'all' | ReadingState | 'has-notes' | 'archived';

export const LIBRARY_SORTS: readonly LibrarySort[] = ['imported', 'read', 'published', 'title'];
export const STATE_FILTERS: readonly StateFilter[] = ['all', 'unread', 'in-progress', 'finished', 'has-notes', 'archived'];

/** From this fraction of the article on, it counts as read to the end. */
export const FINISHED_FRACTION = 0.9;

export interface Progress {
  readonly fraction: number;
  /** ISO timestamp of the last time the reader moved in the article. */
  readonly updated: string;
}

export interface LibraryItem {
  readonly summary: ArticleSummary;
  readonly state: ReadingState;
  /** 0…1, 0 when unread. */
  readonly fraction: number;
  readonly lastRead?: string;
  readonly notes: number;
}

export interface LibraryQuery {
  readonly sort: LibrarySort;
  readonly state: StateFilter;
  /** Only articles with this tag (compared folded), when set. */
  readonly tag?: string;
}

export function readingState(progress: Progress | undefined): ReadingState {
  if (!progress) return 'unread';
  return progress.fraction >= FINISHED_FRACTION ? 'finished' : 'in-progress';
}

/** Where the reader is in one article (any article: imported or bundled) and how many notes it has. */
export function readingFor(articleId: string, progress: Readonly<Record<string, Progress>>, noteCounts: ReadonlyMap<string, number>): Omit<LibraryItem, 'summary'> {
  const p = progress[articleId];
  return {
    state: readingState(p),
    fraction: p ? Math.min(1, Math.max(0, p.fraction)) : 0,
    ...(p ? { lastRead: p.updated } : {}),
    notes: noteCounts.get(articleId) ?? 0,
  };
}

export function libraryItems(
  summaries: readonly ArticleSummary[],
  progress: Readonly<Record<string, Progress>>,
  noteCounts: ReadonlyMap<string, number>,
): LibraryItem[] {
  return summaries.map((summary) => ({ summary, ...readingFor(summary.id, progress, noteCounts) }));
}

const byDesc = (a: string | undefined, b: string | undefined) => (b ?? '').localeCompare(a ?? '');

const SORTS: Record<LibrarySort, (a: LibraryItem, b: LibraryItem) => number> = {
  imported: (a, b) => byDesc(a.summary.importedAt, b.summary.importedAt),
  // Never-read articles go last, newest import first among them.
  read: (a, b) => byDesc(a.lastRead, b.lastRead) || byDesc(a.summary.importedAt, b.summary.importedAt),
  published: (a, b) => byDesc(a.summary.published, b.summary.published) || byDesc(a.summary.importedAt, b.summary.importedAt),
  title: (a, b) => a.summary.title.localeCompare(b.summary.title, a.summary.lang),
};

export function filterLibrary(items: readonly LibraryItem[], query: LibraryQuery): LibraryItem[] {
  const tag = query.tag ? searchForm(query.tag) : '';
  return items
    .filter((item) => {
      // The archive is its own view; everything else shows what is not archived.
      if (query.state === 'archived' ? !item.summary.archived : item.summary.archived) return false;
      if (tag && !item.summary.tags.some((t) => searchForm(t) === tag)) return false;
      switch (query.state) {
        case 'unread':
        case 'in-progress':
        case 'finished':
          return item.state === query.state;
        case 'has-notes':
          return item.notes > 0;
        default:
          return true;
      }
    })
    .sort(SORTS[query.sort]);
}

/** The article to offer at the top: the most recently read one that is not finished nor archived. */
export function continueReading(items: readonly LibraryItem[]): LibraryItem | undefined {
  return items
    .filter((item) => item.state === 'in-progress' && !item.summary.archived)
    .sort((a, b) => byDesc(a.lastRead, b.lastRead))[0];
}

/** Every tag in use, sorted, once each (first spelling wins). */
export function tagsInUse(summaries: readonly ArticleSummary[]): string[] {
  const seen = new Map<string, string>();
  for (const s of summaries) for (const t of s.tags) if (!seen.has(searchForm(t))) seen.set(searchForm(t), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
