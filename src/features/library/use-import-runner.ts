import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applySiteCorrection, learnCorrection, siteOf } from '../../core/article/import-corrections';
import { readSiteCorrection, writeSiteCorrection } from '../../core/article/import-corrections-store';
import type { ImportResult } from '../../core/article/import-file';
import { buildArticle, type ImportDraft, type PreviewEdits } from '../../core/article/import-preview';
import type { ImportRequest, ImportStage } from '../../core/article/import-protocol';
import { cleanUrl } from '../../core/article/source-line';
import { MAX_IMPORT_BYTES } from '../../core/limits';
import { useStore } from '../../shared/store-context';
import { useSaveImported } from './imported-articles-query';

/** One thing to import: a file, pasted or shared text, or a page's HTML (rich paste, bookmarklet). */
export type ImportInput =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'text'; readonly text: string; readonly url?: string }
  | {
      readonly kind: 'html';
      readonly html: string;
      readonly url?: string;
      readonly name?: string;
      /** Bookmarklet: the origin the browser reported for the sender ('null' for an opaque one). */
      readonly origin?: string;
    };

/** What happened to one input, as the result line says it. */
export type ImportLine =
  | { readonly status: 'imported'; readonly name: string; readonly articleId: string; readonly title: string }
  | { readonly status: 'refused'; readonly name: string; readonly reason: string };

/** An import read and parsed, waiting in the preview; or refused with the reason. */
export type Prepared = { readonly status: 'ready'; readonly name: string; readonly draft: ImportDraft } | Extract<ImportLine, { status: 'refused' }>;

export const inputName = (input: ImportInput): string => (input.kind === 'file' ? input.file.name : input.kind === 'html' ? (input.name ?? input.url ?? '') : '');

/**
 * The addresses a page handed over by the bookmarklet is kept with: the one the browser reported
 * (its origin) is the truth; the page's own claim is kept whole when it is on that origin, and
 * marked as a claim when it is not.
 */
export function pageAddresses(input: Extract<ImportInput, { kind: 'html' }>): { url?: string; claimedUrl?: string } {
  const claimed = input.url ? cleanUrl(input.url) : undefined;
  if (input.origin === undefined) return claimed ? { url: claimed } : {};
  const reported = input.origin === 'null' ? undefined : cleanUrl(`${input.origin}/`);
  if (claimed && reported && new URL(claimed).origin === new URL(reported).origin) return { url: claimed };
  return { ...(reported ? { url: reported } : {}), ...(claimed ? { claimedUrl: claimed } : {}) };
}

function requestOf(input: ImportInput, url: string | undefined): ImportRequest {
  if (input.kind === 'file') return { kind: 'file', file: input.file, name: input.file.name, type: input.file.type };
  if (input.kind === 'text') return { kind: 'text', text: input.text, ...(url ? { url } : {}) };
  return { kind: 'html', html: input.html, ...(url ? { url } : {}) };
}

/**
 * Reads and parses each input in the import worker (with progress and a way to cancel), applies what
 * the reader corrected before for the same site, and saves the article the preview confirms; a line
 * says "imported" only when the store accepted it.
 */
export function useImportRunner() {
  const { t } = useTranslation('import');
  const save = useSaveImported();
  const store = useStore();

  const message = useCallback(
    (result: Extract<ImportResult, { ok: false }>) =>
      t(`errors.${result.error}`, { limit: result.detail?.limit ?? Math.round(MAX_IMPORT_BYTES / 1024 / 1024), count: result.detail?.count ?? 0 }),
    [t],
  );

  const prepare = useCallback(
    async (input: ImportInput, onStage: (stage: ImportStage) => void): Promise<{ result: Promise<Prepared | 'cancelled'>; cancel: () => void }> => {
      // The import client and its worker load on first use, not with the app.
      const { startImport } = await import('../../core/article/import-client');
      const name = inputName(input);
      const addresses = input.kind === 'html' ? pageAddresses(input) : input.kind === 'text' && input.url ? { url: cleanUrl(input.url) } : {};
      const running = startImport(requestOf(input, addresses.url), onStage);
      const result = running.result.then((outcome): Prepared | 'cancelled' => {
        if (outcome === 'cancelled') return outcome;
        if (!outcome.ok) return { status: 'refused', name, reason: message(outcome) };
        const url = addresses.url ?? outcome.extras.pageUrl;
        // Corrections belong to the site the browser reported (or the page's own address), never to a claim.
        const site = siteOf(url);
        const draft: ImportDraft = {
          article: outcome.article,
          dropped: outcome.extras.dropped,
          ...(url ? { url } : {}),
          ...(addresses.claimedUrl ? { claimedUrl: addresses.claimedUrl } : {}),
          ...(site ? { site } : {}),
          ...(outcome.extras.siteName ? { siteName: outcome.extras.siteName } : {}),
          applied: [],
        };
        return { status: 'ready', name, draft: applySiteCorrection(draft, readSiteCorrection(store, site)) };
      });
      return { result, cancel: running.cancel };
    },
    [message, store],
  );

  const commit = useCallback(
    async (name: string, draft: ImportDraft, edits: PreviewEdits, input?: ImportInput): Promise<ImportLine> => {
      const article = buildArticle(draft, edits);
      const written = await save.mutateAsync({ article, origin: 'import', ...(input?.kind === 'file' ? { name: input.file.name } : {}) });
      if (!written.ok) return { status: 'refused', name, reason: t(written.reason === 'quota' ? 'errors.quota' : 'errors.storage') };
      if (draft.site) {
        const learned = learnCorrection(draft, edits, readSiteCorrection(store, draft.site), new Date());
        // Remembering is a convenience: the article is saved whether or not this write succeeds.
        if (learned) writeSiteCorrection(store, draft.site, learned);
      }
      return { status: 'imported', name, articleId: article.id, title: article.title };
    },
    [save, store, t],
  );

  return { prepare, commit };
}
