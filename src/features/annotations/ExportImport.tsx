import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import type { Article } from '../../core/article/article';
import { isolateInSentence } from '../../core/decorations/bidi';
import { notebookToMarkdown, readableFileName, toWebAnnotationCollection, type ArticleNotes, type ImportReport } from '../../core/annotations/export';
import { importNotesFile } from '../../core/annotations/notes-import';
import { listImported } from '../../core/article/article-store';
import { LOCAL_STORAGE_LIMITS } from '../../core/limits';
import type { WriteFailure } from '../../core/storage/storage';
import { absoluteLink } from '../../core/links/routes';
import { downloadText } from '../../shared/download';
import { annotationKeys } from './query-keys';
import { useIdbStore, useStore } from '../../shared/store-context';

export const linkFor = (annotation: Annotation): string =>
  absoluteLink({ name: 'article', articleId: annotation.articleId, blockId: annotation.target.blockId }, window.location.href);

interface ExportImportProps {
  /** The articles (with their notes) to export. */
  articles: readonly ArticleNotes[];
  /** Base of the downloaded file names. */
  fileName: string;
  /**
   * The article being read (a bundled one too): notes from other tools whose page is not in the
   * library but whose quotes are found in it are offered this article.
   */
  reading?: Article;
}

interface Outcome {
  readonly report?: ImportReport;
  readonly error?: string;
  /** How many of the changed notes the store took, of how many. */
  readonly stored?: { readonly count: number; readonly total: number; readonly failure?: WriteFailure };
}

/** Gives the main thread back between slices of a large import. */
const pause = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/**
 * Export as Markdown or JSON-LD; import notes (ours, or standard Web Annotations from Recogito or
 * Hypothesis), with a report of what was read and what was actually stored. The file is read and
 * checked in a worker; merging and saving give the main thread back between steps, so even a file
 * of 50,000 notes never holds it for long.
 */
export function ExportImport({ articles, fileName, reading }: ExportImportProps) {
  const { t } = useTranslation('annotations');
  const { t: ti } = useTranslation('import');
  const id = useId();
  const store = useStore();
  const db = useIdbStore();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The file whose notes matched no article, kept while the reader may choose one for them.
  const [pending, setPending] = useState<File | undefined>(undefined);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const all = articles.flatMap((a) => a.annotations);
  const labels = { tags: t('export.tags'), link: t('export.link') };
  // Read when a file is imported, not on every render: the articles notes may be matched to.
  const [library, setLibrary] = useState<Article[]>([]);

  const run = async (file: File, chosenArticleId?: string) => {
    setBusy(true);
    setOutcome(null);
    setPending(undefined);
    try {
      const articlesNow = (await listImported(db)).map((item) => item.article);
      setLibrary(articlesNow);
      const result = await importNotesFile(store, file, { articles: articlesNow, ...(reading ? { reading } : {}), ...(chosenArticleId ? { chosenArticleId } : {}) }, pause);
      if (!result.ok) {
        setOutcome({ error: t('errors.not-json') });
        return;
      }
      setOutcome({ report: result.report, stored: { count: result.stored, total: result.total, ...(result.failure ? { failure: result.failure } : {}) } });
      setPending(result.report.unmatchedSources?.length ? file : undefined);
    } finally {
      setBusy(false);
      // The report paints first; redrawing thousands of new notes comes after.
      await pause();
      void client.invalidateQueries({ queryKey: annotationKeys.all });
    }
  };

  const report = outcome?.report;
  const stored = outcome?.stored;
  // What unmatched notes may be put on: the library, and the article being read.
  const choices = reading && !library.some((a) => a.id === reading.id) ? [reading, ...library] : library;
  const warn = Boolean(outcome?.error) || (report?.rejected.length ?? 0) > 0 || Boolean(stored?.failure);
  return (
    <div className="notes-export" data-notes-export="">
      <div className="notes-export-buttons">
        <button
          type="button"
          className="button button--small"
          data-action="export-markdown"
          disabled={all.length === 0}
          onClick={() => downloadText(readableFileName(fileName, 'md'), notebookToMarkdown(articles, linkFor, labels), 'text/markdown')}
        >
          {t('export.markdown')}
        </button>
        <button
          type="button"
          className="button button--small"
          data-action="export-json"
          disabled={all.length === 0}
          onClick={() => downloadText(readableFileName(fileName, 'jsonld'), `${JSON.stringify(toWebAnnotationCollection(all, linkFor), null, 2)}\n`, 'application/ld+json')}
        >
          {t('export.json')}
        </button>
        <label className="button button--small file-button" htmlFor={`${id}-import`} aria-disabled={busy}>
          {t('import.label')}
        </label>
        <input
          id={`${id}-import`}
          className="visually-hidden"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-action="import-notes"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void run(file);
            e.target.value = '';
          }}
        />
      </div>
      {busy && <p aria-busy="true">{t('common:loading')}</p>}
      {outcome && (
        <div className={`notice ${warn ? 'notice--warning' : ''}`} role="status" data-import-report="">
          {outcome.error && <p>{outcome.error}</p>}
          {report && (
            <p>
              {t('import.added', { count: report.added })} {t('import.updated', { count: report.updated })}{' '}
              {t('import.unchanged', { count: report.unchanged })} {t('import.rejected', { count: report.rejected.length })}
            </p>
          )}
          {stored && (
            <p data-import-stored={stored.count}>
              {stored.failure
                ? ti('notes.notStored', { stored: stored.count, total: stored.total, reason: ti(`notes.reasons.${stored.failure}`, { notes: LOCAL_STORAGE_LIMITS.notesThatFit }) })
                : ti('notes.stored', { stored: stored.count })}
            </p>
          )}
          {report && report.rejected.length > 0 && (
            <ul className="import-rejects">
              {report.rejected.slice(0, 10).map((r) => (
                <li key={r.index} dir="auto">
                  {t('import.rejectedItem', { index: r.index + 1, reason: r.reason })}
                </li>
              ))}
            </ul>
          )}
          {pending !== undefined && reading && (report?.fitReading ?? 0) > 0 && (
            <div className="notice-actions" data-fits-reading={report?.fitReading}>
              <p>{ti('notes.fitReading', { count: report?.fitReading ?? 0, title: isolateInSentence(reading.title) })}</p>
              <button type="button" className="button button--small" disabled={busy} onClick={() => void run(pending, reading.id)} data-action="import-notes-onto-reading">
                {ti('notes.putOnReading')}
              </button>
            </div>
          )}
          {pending !== undefined && choices.length > 0 && (
            <div className="notice-actions">
              <label htmlFor={`${id}-onto`}>{ti('notes.chooseLabel', { sources: report?.unmatchedSources?.slice(0, 3).join('، ') ?? '' })}</label>
              <select id={`${id}-onto`} value={chosen} onChange={(e) => setChosen(e.target.value)} data-action="choose-notes-article">
                <option value="" />
                {choices.map((article) => (
                  <option key={article.id} value={article.id}>
                    {article.title.slice(0, 120)}
                  </option>
                ))}
              </select>
              <button type="button" className="button button--small" disabled={!chosen || busy} onClick={() => void run(pending, chosen)} data-action="import-notes-onto">
                {ti('notes.chooseSubmit')}
              </button>
            </div>
          )}
          <button type="button" className="button button--ghost button--small" onClick={() => setOutcome(null)}>
            {t('common:dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
