import type { Article, Dateline } from './article';
import { ARTICLE_LIMITS } from '../limits';
import { assignBlockIds } from './block-id';
import { parseDateline } from './dateline';
import { fitDrafts } from './fit-limits';
import type { DroppedReport } from './html/html-article';
import { CLAIMED_MARK, joinSources, splitSources } from './source-line';

/**
 * The article an import made, before it is saved, and the reader's corrections to it: the title,
 * the date line, the source names, and where the body starts and ends. Pure: the preview renders an
 * ImportDraft and PreviewEdits, and saves buildArticle(draft, edits).
 */

export interface ImportDraft {
  /** The article as parsed (with the site's remembered corrections applied). */
  readonly article: Article;
  readonly dropped: DroppedReport;
  /** The page's address to keep in the sources (for the bookmarklet, the origin the browser reported). */
  readonly url?: string;
  /** An address the page claimed that differs from the one the browser reported. */
  readonly claimedUrl?: string;
  /** The site the corrections are remembered for (a host), when the import knows one. */
  readonly site?: string;
  /** The site's name as the page gives it. */
  readonly siteName?: string;
  /** What remembered corrections changed in this import, for the preview to say. */
  readonly applied: readonly AppliedCorrection[];
}

export type AppliedCorrection = 'title' | 'blocks' | 'site-name';

export interface PreviewEdits {
  readonly title: string;
  readonly dateline: string;
  /** The sources line without addresses. */
  readonly source: string;
  /** Index in article.blocks of the first body block kept (1 = everything after the title). */
  readonly start: number;
  /** Index in article.blocks of the last body block kept. */
  readonly end: number;
}

export const EMPTY_DROPPED: DroppedReport = { hidden: [], hiddenCount: 0, furniture: [], furnitureCount: 0 };

export function initialEdits(draft: ImportDraft): PreviewEdits {
  const { article } = draft;
  return {
    title: article.title,
    dateline: article.dateline && !article.dateline.generated ? article.dateline.raw : (article.dateline?.raw ?? ''),
    source: splitSources(article.sources).names,
    start: 1,
    end: article.blocks.length - 1,
  };
}

/** Blocks in the body as the edits cut it. */
export function keptBlocks(draft: ImportDraft, edits: PreviewEdits): Article['blocks'] {
  return draft.article.blocks.slice(Math.max(1, edits.start), Math.max(edits.start, edits.end) + 1);
}

function datelineFrom(original: Dateline | undefined, edited: string): Dateline | undefined {
  if (original && edited === original.raw) return original;
  const text = edited.replace(/\s+/g, ' ').trim().slice(0, ARTICLE_LIMITS.datelineLength);
  return text === '' ? undefined : parseDateline(text);
}

/** The article to save: the draft with the reader's edits. Never empty: a body cut to nothing keeps the title alone. */
export function buildArticle(draft: ImportDraft, edits: PreviewEdits): Article {
  const { article } = draft;
  // The article's own text keeps what it carries (bidi controls are contained when shown); only an
  // edited title is tidied, and an emptied one falls back to the parsed title.
  const edited = edits.title.replace(/\s+/g, ' ').trim().slice(0, ARTICLE_LIMITS.titleLength);
  const title = edits.title === article.title ? article.title : edited || article.title;
  // The body's blocks were fitted by the parser and keep their ids' bases; only the title is new work.
  const head = fitDrafts([{ kind: 'title', text: title }]).map((d, i) => (i === 0 && d.text === article.blocks[0]?.text ? { ...d, id: article.blocks[0].id } : d));
  const blocks = assignBlockIds([...head, ...keptBlocks(draft, edits)]);
  const dateline = datelineFrom(article.dateline, edits.dateline);
  const { urls } = splitSources(article.sources);
  const handed = [draft.url, draft.claimedUrl ? `${CLAIMED_MARK}${draft.claimedUrl}` : undefined].filter((u): u is string => u !== undefined);
  const addresses = handed.length > 0 ? handed : urls;
  const names = edits.source.split(/\s*·\s*/).map((n) => n.replace(/\s+/g, ' ').trim());
  const sources = joinSources([...names, ...addresses]).slice(0, ARTICLE_LIMITS.sourcesLength);
  const { dateline: _old, sources: _oldSources, ...rest } = article;
  return {
    ...rest,
    title: blocks[0]?.text ?? title,
    blocks,
    ...(dateline ? { dateline } : {}),
    ...(sources ? { sources } : {}),
  };
}
