import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { editAnnotation, type Annotation } from '../../core/annotations/annotation';
import { filterAnnotations } from '../../core/annotations/search';
import type { Article } from '../../core/article/article';
import { editStatus } from '../../core/annotations/annotation-store';
import { useSaveEditAndTell } from './ConflictCopyActions';
import { ExportImport } from './ExportImport';
import { NoteCard } from './NoteCard';
import { NoteEditor } from './NoteEditor';
import { NO_FILTER, NoteFilters, type FilterState } from './NoteFilters';
import { useAnchoredAnnotations } from './use-anchored-annotations';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { ErrorBoundary } from '../../shared/ErrorBoundary';

/** Scroll the article to a highlight and flash it. */
export function goToHighlight(id: string): void {
  const marks = document.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`);
  const first = marks[0];
  if (!first) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  first.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  first.closest<HTMLElement>('[data-block-id]')?.focus({ preventScroll: true });
  for (const mark of marks) {
    mark.classList.remove('is-flashing');
    void mark.offsetWidth;
    mark.classList.add('is-flashing');
    window.setTimeout(() => mark.classList.remove('is-flashing'), 2400);
  }
}

/** The article's highlights in reading order, filters, export/import, and the orphans. */
export function NotesPanel({ article, onClose, cardActions }: { article: Article; onClose?: () => void; /** Other features' buttons per highlight (share). */ cardActions?: (annotation: Annotation) => ReactNode }) {
  const { t } = useTranslation('annotations');
  const { anchored, orphans } = useAnchoredAnnotations(article);
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const [editing, setEditing] = useState<Annotation | null>(null);
  const saveEdit = useSaveEditAndTell();
  const { onDelete, undoBar } = useDeleteWithUndo();

  const all = useMemo(() => [...anchored.map((a) => a.annotation), ...orphans], [anchored, orphans]);
  const shown = useMemo(() => filterAnnotations(anchored.map((a) => a.annotation), filter), [anchored, filter]);
  const fuzzy = useMemo(() => new Set(anchored.filter((a) => a.method === 'fuzzy').map((a) => a.annotation.id)), [anchored]);
  const shownOrphans = useMemo(() => filterAnnotations(orphans, filter), [orphans, filter]);
  const filtered = filter.query.trim() !== '' || filter.colors.length > 0 || filter.tags.length > 0;

  return (
    <section className="notes-panel" data-notes-panel="" aria-labelledby="notes-panel-title">
      <h2 id="notes-panel-title" className="panel-title">
        {t('panel.title')} <small data-notes-count={all.length}>{t('panel.count', { count: all.length })}</small>
        {onClose && (
          <button type="button" className="button button--ghost button--small panel-close" aria-label={t('common:close')} onClick={onClose} data-action="close-notes">
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </h2>
      {undoBar}
      {all.length === 0 ? (
        <p className="notes-empty">{t('panel.empty')}</p>
      ) : (
        <>
          <NoteFilters annotations={all} value={filter} onChange={setFilter} />
          {filtered && (
            <p className="notes-matches" role="status">
              {t('panel.matches', { count: shown.length + shownOrphans.length })}
            </p>
          )}
          <ol className="notes-list" data-notes-list="">
            {shown.map((annotation) => (
              <li key={annotation.id}>
                <ErrorBoundary kind="card">
                  <NoteCard annotation={annotation} actions={cardActions?.(annotation)} approximate={fuzzy.has(annotation.id)} onSelect={() => goToHighlight(annotation.id)} onEdit={() => setEditing(annotation)} onDelete={() => void onDelete(annotation)} />
                </ErrorBoundary>
              </li>
            ))}
          </ol>
          {shownOrphans.length > 0 && (
            <section className="notes-orphans" data-notes-orphans="" aria-labelledby="notes-orphans-title">
              <h3 id="notes-orphans-title">{t('orphans.title', { count: shownOrphans.length })}</h3>
              <p className="field-hint">{t('orphans.explain')}</p>
              <ol className="notes-list">
                {shownOrphans.map((annotation) => (
                  <li key={annotation.id}>
                    <ErrorBoundary kind="card">
                      <NoteCard annotation={annotation} orphan onEdit={() => setEditing(annotation)} onDelete={() => void onDelete(annotation)} />
                    </ErrorBoundary>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
      <ExportImport articles={[{ article, annotations: all }]} fileName={`hashiya-${article.title}`} />
      {editing && (
        <NoteEditor
          mode="edit"
          quote={editing.target.selectors[0].exact}
          initial={editing}
          elsewhere={editStatus(editing, all)}
          onSave={(values) => saveEdit(editing, editAnnotation(editing, values))}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
