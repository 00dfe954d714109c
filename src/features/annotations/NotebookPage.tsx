import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/use-format-date';
import { filterAnnotations } from '../../core/annotations/search';
import { routeToHash } from '../../core/links/routes';
import { ExportImport } from './ExportImport';
import { NoteCard } from './NoteCard';
import { NO_FILTER, NoteFilters, type FilterState } from './NoteFilters';
import { useNotebook, type NotebookGroup } from './notebook-query';
import type { Annotation } from '../../core/annotations/annotation';
import { noteRoute, quoteWithLink } from '../../core/links/quote-link';
import { copyText } from '../../shared/clipboard';
import { useToast } from '../../shared/toast';
import { NoteEditInPlace } from './NoteEditInPlace';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { ShowMore, useShownCount } from './ShowMore';
import { ErrorBoundary } from '../../shared/ErrorBoundary';

/**
 * Every note across all articles: searchable, filterable, grouped by article. Each note opens in its
 * article at the note, is copied as a quotation with a link, or edited in place.
 */
export function NotebookPage() {
  const { t } = useTranslation('annotations');
  const formatDate = useFormatDate('long');
  const query = useNotebook();
  const [filter, setFilter] = useState<FilterState>(NO_FILTER);
  const { onDelete, undoBar } = useDeleteWithUndo();
  const [editing, setEditing] = useState<string | null>(null);
  const toast = useToast();
  const copyQuote = async (annotation: Annotation, article: NotebookGroup['article']) => {
    const text = quoteWithLink(annotation, article, window.location.href);
    const copied = await copyText(text);
    toast(copied ? t('card.copied') : t('card.copyFailed', { text }), copied ? 'info' : 'error');
  };
  const groups = useMemo(() => query.data ?? [], [query.data]);
  const all = useMemo(() => groups.flatMap((g) => g.annotations), [groups]);
  const shown = useMemo(
    () => groups.map((g) => ({ ...g, annotations: filterAnnotations(g.annotations, filter) })).filter((g) => g.annotations.length > 0),
    [groups, filter],
  );
  const total = shown.reduce((n, g) => n + g.annotations.length, 0);
  // Long notebooks are mounted a step at a time, group after group (search and filters cover every note).
  const [shownCount, showMore] = useShownCount(filter);
  const mounted = useMemo(() => {
    const groups: typeof shown = [];
    for (let budget = shownCount, i = 0; budget > 0 && i < shown.length; i += 1) {
      const group = shown[i]!;
      groups.push({ ...group, annotations: group.annotations.slice(0, budget) });
      budget -= group.annotations.length;
    }
    return groups;
  }, [shown, shownCount]);
  const exportable = groups.map((g) => ({ article: g.article ?? { id: g.articleId, title: t('notebook.unknownArticle') }, annotations: g.annotations }));

  return (
    <div className="page notebook" data-notebook="">
      <h1>{t('notebook.title')}</h1>
      {query.isPending ? (
        <p className="notice" aria-busy="true">
          {t('common:loading')}
        </p>
      ) : (
        <>
          <p className="notebook-summary" data-notebook-count={all.length}>
            {t('notebook.summary', { count: all.length })} {t('notebook.articles', { count: groups.length })}
          </p>
          {undoBar}
          <ExportImport articles={exportable} fileName={`hashiya-notebook-${new Date().toISOString().slice(0, 10)}`} />
          {all.length === 0 ? (
            <p className="notes-empty">{t('notebook.empty')}</p>
          ) : (
            <>
              <NoteFilters annotations={all} value={filter} onChange={setFilter} />
              {editing && !all.some((a) => a.id === editing) && <p className="notice notice--warning" role="status">{t('errors:errors.deleted-elsewhere')}</p>}
              <p className="notes-matches" role="status">
                {t('panel.matches', { count: total })}
              </p>
              {mounted.map((group) => (
                <section key={group.articleId} className="notebook-group" data-notebook-article={group.articleId} lang={group.article?.lang}>
                  <h2 dir="auto">
                    <a href={routeToHash({ name: 'article', articleId: group.articleId })}>{group.article?.title ?? t('notebook.unknownArticle')}</a>
                  </h2>
                  {group.article?.dateline && (
                    <p className="dateline">
                      {group.article.dateline.date ? (
                        <time dateTime={group.article.dateline.date}>{formatDate(group.article.dateline.date)}</time>
                      ) : (
                        <bdi>{group.article.dateline.raw}</bdi>
                      )}
                    </p>
                  )}
                  <ol className="notes-list">
                    {group.annotations.map((annotation) => (
                      <li key={annotation.id}>
                        <ErrorBoundary kind="card">
                          {editing === annotation.id ? (
                            // Edited in place: the notebook stays in view, no dialog.
                            <NoteEditInPlace annotation={annotation} stored={all} onClose={() => setEditing(null)} />
                          ) : (
                            <NoteCard
                              annotation={annotation}
                              href={routeToHash(noteRoute(annotation))}
                              onCopy={() => void copyQuote(annotation, group.article)}
                              onEdit={() => setEditing(annotation.id)}
                              onDelete={() => void onDelete(annotation)}
                            />
                          )}
                        </ErrorBoundary>
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
              <ShowMore remaining={total - shownCount} onMore={showMore} />
            </>
          )}
        </>
      )}
    </div>
  );
}
