import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../core/annotations/annotation';
import { filterAnnotations } from '../../core/annotations/search';
import type { Article } from '../../core/article/article';
import { ExportImport } from './ExportImport';
import { NoteCard } from './NoteCard';
import { NoteEditInPlace } from './NoteEditInPlace';
import { NO_FILTER, NoteFilters, type FilterState } from './NoteFilters';
import { useAnchoredAnnotations } from './use-anchored-annotations';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { ShowMore, useShownCount } from './ShowMore';
import { ErrorBoundary } from '../../shared/ErrorBoundary';
import { matchesOwner, NOTE_OWNERS, syncIdentity, type NoteOwner } from '../../core/sync/account-store';
import { useStore } from '../../shared/store-context';

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
  const { onDelete, undoBar } = useDeleteWithUndo();
  // With sync groups: whose notes to list.
  const [owner, setOwner] = useState<NoteOwner>('all');
  const me = syncIdentity(useStore())?.user;

  const all = useMemo(() => [...anchored.map((a) => a.annotation), ...orphans], [anchored, orphans]);
  const hasGroupNotes = all.some((a) => a.group !== undefined);
  const shown = useMemo(() => filterAnnotations(anchored.map((a) => a.annotation), filter).filter((a) => matchesOwner(a, owner, me)), [anchored, filter, owner, me]);
  const fuzzy = useMemo(() => new Set(anchored.filter((a) => a.method === 'fuzzy').map((a) => a.annotation.id)), [anchored]);
  const shownOrphans = useMemo(() => filterAnnotations(orphans, filter), [orphans, filter]);
  const filtered = filter.query.trim() !== '' || filter.colors.length > 0 || filter.tags.length > 0;
  // Long lists are mounted a step at a time (search and filters still cover every note).
  const listKey = JSON.stringify([filter, owner]);
  const [shownCount, showMore] = useShownCount(listKey);
  const [orphansCount, showMoreOrphans] = useShownCount(listKey);
  // Edited in place, in the panel: the article stays in view beside it.
  const inlineEditor = (annotation: Annotation) => <NoteEditInPlace annotation={annotation} stored={all} onClose={() => setEditing(null)} />;

  return (
    <section className="notes-panel" data-notes-panel="" aria-labelledby="notes-panel-title">
      {/* The close button beside the title, never wrapped onto a line of its own: the title wraps instead. */}
      <div className="panel-head">
        <h2 id="notes-panel-title" className="panel-title">
          {t('panel.title')} <small data-notes-count={all.length}>{t('panel.count', { count: all.length })}</small>
        </h2>
        {onClose && (
          <button type="button" className="button button--ghost button--small panel-close" aria-label={t('common:close')} onClick={onClose} data-action="close-notes">
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </div>
      {undoBar}
      {/* The note being edited was deleted in another tab: its form stays, saying so. */}
      {editing && !all.some((a) => a.id === editing.id) && inlineEditor(editing)}
      {all.length === 0 ? (
        <p className="notes-empty">{t('panel.empty')}</p>
      ) : (
        <>
          <NoteFilters annotations={all} value={filter} onChange={setFilter} />
          {hasGroupNotes && (
            <fieldset className="segmented notes-owner" aria-label={t('sync:owner.label')}>
              {NOTE_OWNERS.map((option) => (
                <label key={option} className="segmented-option">
                  <input type="radio" name="note-owner" value={option} checked={owner === option} onChange={() => setOwner(option)} data-filter-owner={option} />
                  <span>{t(`sync:owner.${option}`)}</span>
                </label>
              ))}
            </fieldset>
          )}
          {filtered && (
            <p className="notes-matches" role="status">
              {t('panel.matches', { count: shown.length + shownOrphans.length })}
            </p>
          )}
          <ol className="notes-list" data-notes-list="">
            {shown.slice(0, shownCount).map((annotation) => (
              <li key={annotation.id}>
                <ErrorBoundary kind="card">
                  {editing?.id === annotation.id ? (
                    inlineEditor(editing)
                  ) : (
                    <NoteCard annotation={annotation} actions={cardActions?.(annotation)} approximate={fuzzy.has(annotation.id)} onSelect={() => goToHighlight(annotation.id)} onEdit={() => setEditing(annotation)} onDelete={() => void onDelete(annotation)} />
                  )}
                </ErrorBoundary>
              </li>
            ))}
          </ol>
          <ShowMore remaining={shown.length - shownCount} onMore={showMore} />
          {shownOrphans.length > 0 && (
            <section className="notes-orphans" data-notes-orphans="" aria-labelledby="notes-orphans-title">
              <h3 id="notes-orphans-title">{t('orphans.title', { count: shownOrphans.length })}</h3>
              <p className="field-hint">{t('orphans.explain')}</p>
              <ol className="notes-list">
                {shownOrphans.slice(0, orphansCount).map((annotation) => (
                  <li key={annotation.id}>
                    <ErrorBoundary kind="card">
                      {editing?.id === annotation.id ? inlineEditor(editing) : <NoteCard annotation={annotation} orphan onEdit={() => setEditing(annotation)} onDelete={() => void onDelete(annotation)} />}
                    </ErrorBoundary>
                  </li>
                ))}
              </ol>
              <ShowMore remaining={shownOrphans.length - orphansCount} onMore={showMoreOrphans} />
            </section>
          )}
        </>
      )}
      <ExportImport articles={[{ article, annotations: all }]} fileName={`hashiya-${article.title}`} reading={article} />
    </section>
  );
}
