import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import { notebookToMarkdown, toWebAnnotationCollection, type ArticleNotes, type ImportReport } from '../../core/annotations/export';
import { absoluteLink } from '../../core/links/routes';
import { useImportAnnotations } from './annotation-mutations';
import { downloadText, fileSafe } from '../../shared/download';

export const linkFor = (annotation: Annotation): string =>
  absoluteLink({ name: 'article', articleId: annotation.articleId, blockId: annotation.target.blockId }, window.location.href);

interface ExportImportProps {
  /** The articles (with their notes) to export. */
  articles: readonly ArticleNotes[];
  /** Base of the downloaded file names. */
  fileName: string;
}

/** Export as Markdown or JSON-LD; import a JSON-LD export (validated, merged by id) with a report. */
export function ExportImport({ articles, fileName }: ExportImportProps) {
  const { t } = useTranslation('annotations');
  const id = useId();
  const importer = useImportAnnotations();
  const [report, setReport] = useState<{ report?: ImportReport; error?: string } | null>(null);
  const all = articles.flatMap((a) => a.annotations);
  const labels = { tags: t('export.tags'), link: t('export.link') };
  const base = fileSafe(fileName);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    const outcome = await importer.mutateAsync(await file.text());
    setReport(outcome.ok ? { report: outcome.report } : { error: t(`errors.${outcome.reason}`), ...(outcome.report ? { report: outcome.report } : {}) });
  };

  return (
    <div className="notes-export" data-notes-export="">
      <div className="notes-export-buttons">
        <button
          type="button"
          className="button button--small"
          data-action="export-markdown"
          disabled={all.length === 0}
          onClick={() => downloadText(`${base}.md`, notebookToMarkdown(articles, linkFor, labels), 'text/markdown')}
        >
          {t('export.markdown')}
        </button>
        <button
          type="button"
          className="button button--small"
          data-action="export-json"
          disabled={all.length === 0}
          onClick={() => downloadText(`${base}.jsonld`, `${JSON.stringify(toWebAnnotationCollection(all, linkFor), null, 2)}\n`, 'application/ld+json')}
        >
          {t('export.json')}
        </button>
        <label className="button button--small file-button" htmlFor={`${id}-import`}>
          {t('import.label')}
        </label>
        <input
          id={`${id}-import`}
          className="visually-hidden"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-action="import-notes"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      {report && (
        <div className={`notice ${report.error || (report.report?.rejected.length ?? 0) > 0 ? 'notice--warning' : ''}`} role="status" data-import-report="">
          {report.error && <p>{report.error}</p>}
          {report.report && (
            <p>
              {t('import.added', { count: report.report.added })} {t('import.updated', { count: report.report.updated })}{' '}
              {t('import.unchanged', { count: report.report.unchanged })} {t('import.rejected', { count: report.report.rejected.length })}
            </p>
          )}
          {report.report && report.report.rejected.length > 0 && (
            <ul className="import-rejects">
              {report.report.rejected.slice(0, 10).map((r) => (
                <li key={r.index} dir="auto">
                  {t('import.rejectedItem', { index: r.index + 1, reason: r.reason })}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button button--ghost button--small" onClick={() => setReport(null)}>
            {t('common:dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
