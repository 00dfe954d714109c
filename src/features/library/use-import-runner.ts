import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../core/article/import-file';
import { MAX_IMPORT_BYTES } from '../../core/limits';
import { useSaveImported } from './imported-articles-query';

/** One thing to import: a file, pasted text, or a page's HTML (rich paste, bookmarklet). */
export type ImportInput =
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'html'; readonly html: string; readonly url?: string; readonly name?: string };

/** What happened to one input, as the result line says it. */
export type ImportLine =
  | { readonly status: 'imported'; readonly name: string; readonly articleId: string; readonly title: string }
  | { readonly status: 'refused'; readonly name: string; readonly reason: string };

const nameOf = (input: ImportInput): string => (input.kind === 'file' ? input.file.name : input.kind === 'html' ? (input.name ?? input.url ?? '') : '');

/** Lets the page paint and take input between two imports (each parse is one main-thread task). */
const yieldToPage = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * Imports each input, then saves it through the library's save API; a line says "imported" only
 * when the store accepted the article, otherwise why not (including a failed save).
 */
export function useImportRunner() {
  const { t } = useTranslation('import');
  const save = useSaveImported();

  const message = useCallback(
    (result: Extract<ImportResult, { ok: false }>) =>
      t(`errors.${result.error}`, { limit: result.detail?.limit ?? Math.round(MAX_IMPORT_BYTES / 1024 / 1024), count: result.detail?.count ?? 0 }),
    [t],
  );

  const importOne = useCallback(
    async (input: ImportInput): Promise<ImportLine> => {
      // The importer (with Readability and DOMPurify) loads on first use, not with the app.
      const { importFromFile, importFromHtml, importFromText } = await import('../../core/article/import-file');
      const name = nameOf(input);
      const result =
        input.kind === 'file' ? await importFromFile(input.file) : input.kind === 'text' ? importFromText(input.text) : importFromHtml(input.html, input.url ? { url: input.url } : {});
      if (!result.ok) return { status: 'refused', name, reason: message(result) };
      const written = await save.mutateAsync({ article: result.article, origin: 'import', ...(input.kind === 'file' ? { name: input.file.name } : {}) });
      if (!written.ok) return { status: 'refused', name, reason: t(written.reason === 'quota' ? 'errors.quota' : 'errors.storage') };
      return { status: 'imported', name, articleId: result.article.id, title: result.article.title };
    },
    [message, save, t],
  );

  const importAll = useCallback(
    async (inputs: readonly ImportInput[], onLine?: (line: ImportLine, done: number) => void): Promise<ImportLine[]> => {
      const lines: ImportLine[] = [];
      for (const input of inputs) {
        if (lines.length > 0) await yieldToPage();
        const line = await importOne(input);
        lines.push(line);
        onLine?.(line, lines.length);
      }
      return lines;
    },
    [importOne],
  );

  return { importOne, importAll };
}
