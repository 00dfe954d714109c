import type { Article } from './article';
import { assignBlockIds } from './block-id';
import type { AppliedCorrection, ImportDraft, PreviewEdits } from './import-preview';
import { spellingForm } from '../text/fold';
import { SOURCE_SEPARATOR, splitSources } from './source-line';

/**
 * What the reader corrected in an import's preview, remembered per site (host) and applied to the
 * next import from it: a site name cut from the title, lines cut as "not the story" at the body's
 * start or end, and the name the reader gave the site. Pure: where they are kept is
 * import-corrections-store.ts.
 */

export interface SiteCorrection {
  /** Title parts (the site's name, a section label) cut from either end of the title. */
  readonly titleAffixes: readonly string[];
  /** Normalised texts of blocks cut at the body's start or end. */
  readonly dropLines: readonly string[];
  /** The site's name as the reader wrote it, replacing the page's. */
  readonly siteName?: string;
  /** When it was last changed (ISO), so the oldest sites can go first when the list is full. */
  readonly updated: string;
}

export const CORRECTION_LIMITS = { sites: 500, affixes: 10, affixLength: 120, dropLines: 50, dropLineLength: 300, siteName: 120 } as const;

export const HOST_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The host an import's corrections belong to, or undefined (pasted text with no address). */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return HOST_PATTERN.test(host) && host.length <= 253 ? host : undefined;
  } catch {
    return undefined;
  }
}

const SEPARATORS = /^[\s\-|–—:»«·•/]+|[\s\-|–—:»«·•/]+$/g;

/** What the reader cut from either end of the title, if the new title is the old one with an end cut off. */
function cutAffixes(before: string, after: string): string[] {
  const a = after.trim();
  if (a === '' || a === before || !before.includes(a)) return [];
  const at = before.indexOf(a);
  return [before.slice(0, at), before.slice(at + a.length)].map((s) => s.replace(SEPARATORS, '').trim()).filter((s) => s !== '' && s.length <= CORRECTION_LIMITS.affixLength);
}

const merge = (old: readonly string[], added: readonly string[], limit: number) => [...new Set([...added, ...old])].slice(0, limit);

/** The site's corrections after this preview, or undefined when the reader changed nothing worth remembering. */
export function learnCorrection(draft: ImportDraft, edits: PreviewEdits, previous: SiteCorrection | undefined, now: Date): SiteCorrection | undefined {
  const { blocks } = draft.article;
  const affixes = cutAffixes(draft.article.title, edits.title);
  const cut = [...blocks.slice(1, Math.max(1, edits.start)), ...blocks.slice(edits.end + 1)]
    .map((b) => spellingForm(b.text))
    .filter((t) => t.length <= CORRECTION_LIMITS.dropLineLength);
  const before = splitSources(draft.article.sources).names.split(SOURCE_SEPARATOR);
  const after = edits.source.split(/\s*·\s*/).map((s) => s.trim()).filter((s) => s !== '');
  const renamed = draft.siteName && before.includes(draft.siteName) && !after.includes(draft.siteName) ? after.filter((s) => !before.includes(s)) : [];
  const siteName = renamed.length === 1 && renamed[0] && renamed[0].length <= CORRECTION_LIMITS.siteName ? renamed[0] : undefined;
  if (affixes.length === 0 && cut.length === 0 && !siteName) return undefined;
  return {
    titleAffixes: merge(previous?.titleAffixes ?? [], affixes, CORRECTION_LIMITS.affixes),
    dropLines: merge(previous?.dropLines ?? [], cut, CORRECTION_LIMITS.dropLines),
    ...((siteName ?? previous?.siteName) ? { siteName: siteName ?? previous?.siteName } : {}),
    updated: now.toISOString(),
  };
}

/** Cut a remembered affix from either end of a title (behind a separator), as long as something is left. */
function cutTitle(title: string, affixes: readonly string[]): string {
  let out = title;
  for (const affix of affixes) {
    const escaped = affix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const trimmed = out.replace(new RegExp(`^${escaped}\\s*[-|–—:»«·•/]+\\s*`), '').replace(new RegExp(`\\s*[-|–—:»«·•/]+\\s*${escaped}$`), '').trim();
    if (trimmed !== '') out = trimmed;
  }
  return out;
}

/** The draft with the site's remembered corrections applied (cut lines only at the body's first or last five blocks). */
export function applySiteCorrection(draft: ImportDraft, correction: SiteCorrection | undefined): ImportDraft {
  if (!correction) return draft;
  const { article } = draft;
  const applied: AppliedCorrection[] = [];
  const title = cutTitle(article.title, correction.titleAffixes);
  if (title !== article.title) applied.push('title');
  const drop = new Set(correction.dropLines);
  const body = article.blocks.slice(1);
  const keep = body.filter((b, i) => !((i < 5 || i >= body.length - 5) && drop.has(spellingForm(b.text))));
  if (keep.length < body.length && keep.length > 0) applied.push('blocks');
  const blocks = assignBlockIds([{ kind: 'title', text: title, ...(title === article.title ? { id: article.blocks[0]?.id } : {}) }, ...(keep.length > 0 ? keep : body)]);
  let sources = article.sources;
  if (correction.siteName && draft.siteName && sources) {
    const parts = sources.split(SOURCE_SEPARATOR);
    if (parts.includes(draft.siteName)) {
      sources = parts.map((p) => (p === draft.siteName ? correction.siteName : p)).join(SOURCE_SEPARATOR);
      applied.push('site-name');
    }
  }
  const next: Article = { ...article, title: blocks[0]?.text ?? title, blocks, ...(sources ? { sources } : {}) };
  return { ...draft, article: next, ...(applied.includes('site-name') && correction.siteName ? { siteName: correction.siteName } : {}), applied };
}
