import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTagInput } from '../../core/annotations/annotation';
import type { StoredArticle } from '../../core/article/article-store';
import { articleLeadPreview, articleWordCount } from '../../core/article/summary';
import { isolateInSentence } from '../../core/decorations/bidi';
import { continueReading, filterLibrary, libraryItems, readingFor, tagsInUse, type LibraryQuery } from '../../core/library/library-view';
import { Dialog } from '../../shared/Dialog';
import { UndoBar } from '../../shared/UndoBar';
import { useToast } from '../../shared/toast';
import { ArticleCard } from './ArticleCard';
import { GroupShare } from './GroupShare';
import { bundledArticleQueryOptions } from './article-query';
import { useManifest } from './bundled-articles-query';
import { ImportDialog } from './ImportDialog';
import { ImportEntryPoints } from './ImportEntryPoints';
import { useDeleteImported, useImportedArticles, useRenameImported, useRestoreImported, useSetArchived, useSetArticleTags } from './imported-articles-query';
import { LibraryControls } from './LibraryControls';
import { LibrarySearch } from './LibrarySearch';
import { useLibraryState } from './library-state-query';
import { useSearchClient } from './search-query';

/** Runs `task` when the browser is idle after painting (soon anyway); returns a cancel. */
function afterPaint(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 2_000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 300);
  return () => clearTimeout(id);
}

/** Cards rendered at once; "show more" adds as many again (a thousand cards would slow the page; 30 fill two screens). */
const PAGE = 30;

export function LibraryPage() {
  const { t } = useTranslation('library');
  const toast = useToast();
  const manifest = useManifest();
  const bundled = useQueries({ queries: (manifest.data ?? []).map((entry) => bundledArticleQueryOptions(entry)) });
  const imported = useImportedArticles();
  const state = useLibraryState();
  const search = useSearchClient();
  const rename = useRenameImported();
  const remove = useDeleteImported();
  const restore = useRestoreImported();
  const setTags = useSetArticleTags();
  const archive = useSetArchived();
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [tagging, setTagging] = useState<{ id: string; title: string; text: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const [deleted, setDeleted] = useState<StoredArticle | null>(null);
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'imported', state: 'all' });
  const [shown, setShown] = useState(PAGE);
  const dismissDeleted = useCallback(() => setDeleted(null), []);

  const summaries = useMemo(() => imported.data ?? [], [imported.data]);
  const items = useMemo(() => libraryItems(summaries, state.progress, state.noteCounts), [summaries, state]);
  const visible = useMemo(() => filterLibrary(items, query), [items, query]);
  const resume = useMemo(() => continueReading(items), [items]);
  // The bundled articles show where the reader is in them too.
  const readingOf = (id: string) => readingFor(id, state.progress, state.noteCounts);
  const tags = useMemo(() => tagsInUse(summaries), [summaries]);

  // The search index follows the library (imports, deletes, other tabs) and includes the bundled
  // articles. It is built once the list is on screen: on two cores the worker would slow the first paint.
  const bundledArticles = bundled.map((q) => q.data).filter((a) => a !== undefined);
  const bundledIds = bundledArticles.map((a) => a.id).join(' ');
  useEffect(() => {
    if (!imported.isSuccess) return;
    return afterPaint(() => {
      if (bundledArticles.length > 0) void search.addArticles(bundledArticles);
      void search.sync();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-sent only when the library or the set of bundled ids changes
  }, [search, imported.isSuccess, imported.dataUpdatedAt, bundledIds]);

  const failed = (result: { ok: boolean; reason?: string }) => !result.ok && (toast(t(`errors.${result.reason ?? 'unavailable'}`), 'error'), true);

  const confirmRename = async () => {
    if (!renaming) return;
    const result = await rename.mutateAsync(renaming);
    if (!failed(result)) {
      setRenaming(null);
      void search.refresh([renaming.id]);
    }
  };
  const confirmTags = async () => {
    if (!tagging) return;
    if (!failed(await setTags.mutateAsync({ id: tagging.id, tags: parseTagInput(tagging.text) }))) setTagging(null);
  };
  const toggleArchive = async (id: string, archived: boolean) => {
    if (!failed(await archive.mutateAsync({ id, archived }))) toast(t(archived ? 'archive.done' : 'archive.undone'));
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove.mutateAsync(deleting.id);
    if (!failed(result) && 'removed' in result && result.removed) {
      setDeleted(result.removed);
      void search.refresh([deleting.id]);
    }
    setDeleting(null);
  };
  const undoDelete = async () => {
    if (!deleted) return;
    const item = deleted;
    setDeleted(null);
    if (!failed(await restore.mutateAsync(item))) void search.refresh([item.article.id]);
  };

  return (
    <div className="page library">
      <div className="library-header">
        <h1>{t('title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setImporting(true)} data-action="open-import">
          {t('import.open')}
        </button>
      </div>
      <ImportEntryPoints />

      <LibrarySearch />

      {resume && (
        <section className="library-continue" aria-labelledby="continue-heading" data-continue-reading={resume.summary.id}>
          <h2 id="continue-heading">{t('continue.heading')}</h2>
          <ul className="library-list">
            <ArticleCard article={resume.summary} origin={resume.summary.origin} reading={resume} />
          </ul>
        </section>
      )}

      <section aria-labelledby="imported-heading">
        <h2 id="imported-heading">{t('imported.heading', { count: summaries.length })}</h2>
        {summaries.length > 0 && <LibraryControls query={query} tags={tags} onChange={(next) => { setQuery(next); setShown(PAGE); }} count={visible.length} />}
        {imported.isPending ? (
          <p aria-busy="true">{t('common:loading')}</p>
        ) : imported.isError ? (
          <p className="notice notice--error" role="alert">{t('errors.unavailable')}</p>
        ) : summaries.length === 0 ? (
          <p className="library-empty">{t('imported.empty')}</p>
        ) : visible.length === 0 ? (
          <p className="library-empty" data-library-none="">{t('filters.none')}</p>
        ) : (
          <ul className="library-list" data-library="imported">
            {visible.slice(0, shown).map((item) => {
              const { summary } = item;
              return (
                <ArticleCard
                  key={summary.id}
                  article={summary}
                  {...(summary.sharedBy ? {} : { origin: summary.origin })}
                  reading={item}
                  actions={
                    summary.sharedBy ? (
                      // Another member's article: read-only here (it follows their group document).
                      <GroupShare summary={summary} />
                    ) : (
                    <>
                      <GroupShare summary={summary} />
                      <button type="button" className="button button--ghost" onClick={() => setTagging({ id: summary.id, title: summary.title, text: summary.tags.join('، ') })} data-action="edit-article-tags">
                        {t('tags.action')}
                      </button>
                      <button type="button" className="button button--ghost" onClick={() => setRenaming({ id: summary.id, title: summary.title })} data-action="rename-article">
                        {t('rename.action')}
                      </button>
                      <button type="button" className="button button--ghost" onClick={() => void toggleArchive(summary.id, !summary.archived)} data-action={summary.archived ? 'unarchive-article' : 'archive-article'}>
                        {t(summary.archived ? 'archive.restore' : 'archive.action')}
                      </button>
                      <button type="button" className="button button--ghost button--danger" onClick={() => setDeleting({ id: summary.id, title: summary.title })} data-action="delete-article">
                        {t('delete.action')}
                      </button>
                    </>
                    )
                  }
                />
              );
            })}
          </ul>
        )}
        {visible.length > shown && (
          <button type="button" className="button library-more" onClick={() => setShown((n) => n + PAGE)} data-action="show-more-articles">
            {t('more', { count: visible.length - shown })}
          </button>
        )}
      </section>

      <section aria-labelledby="bundled-heading">
        <h2 id="bundled-heading">{t('bundled.heading')}</h2>
        {manifest.isError && <p className="notice notice--error" role="alert">{t('bundled.error')}</p>}
        {manifest.isPending && <p aria-busy="true">{t('common:loading')}</p>}
        <ul className="library-list" data-library="bundled">
          {bundled.map((q, index) =>
            q.data ? (
              <ArticleCard
                key={q.data.id}
                article={{ ...q.data, lead: articleLeadPreview(q.data), words: articleWordCount(q.data), ...(q.data.dateline?.date ? { published: q.data.dateline.date } : {}), tags: [] }}
                origin="bundled"
                reading={readingOf(q.data.id)}
              />
            ) : q.isError ? (
              <li key={index} className="library-card notice--error">{t('bundled.articleError')}</li>
            ) : null,
          )}
        </ul>
      </section>

      <ImportDialog open={importing} onClose={() => setImporting(false)} />

      <Dialog
        open={renaming !== null}
        title={t('rename.title')}
        onClose={() => setRenaming(null)}
        closeLabel={t('common:close')}
        testId="rename"
        footer={
          <>
            <button type="button" className="button" onClick={() => setRenaming(null)}>{t('common:cancel')}</button>
            <button type="button" className="button button--primary" onClick={confirmRename} data-action="confirm-rename">{t('rename.confirm')}</button>
          </>
        }
      >
        <div className="field">
          <label htmlFor="rename-title">{t('rename.label')}</label>
          <input id="rename-title" type="text" dir="auto" value={renaming?.title ?? ''} onChange={(e) => setRenaming((r) => (r ? { ...r, title: e.target.value } : r))} onKeyDown={(e) => e.key === 'Enter' && confirmRename()} />
        </div>
      </Dialog>

      <Dialog
        open={tagging !== null}
        title={t('tags.title')}
        onClose={() => setTagging(null)}
        closeLabel={t('common:close')}
        testId="article-tags"
        footer={
          <>
            <button type="button" className="button" onClick={() => setTagging(null)}>{t('common:cancel')}</button>
            <button type="button" className="button button--primary" onClick={confirmTags} data-action="save-article-tags">{t('tags.save')}</button>
          </>
        }
      >
        <p>{t('tags.for', { title: isolateInSentence(tagging?.title ?? '') })}</p>
        <div className="field">
          <label htmlFor="article-tags">{t('tags.label')}</label>
          <input id="article-tags" type="text" dir="auto" data-autofocus="" value={tagging?.text ?? ''} onChange={(e) => setTagging((s) => (s ? { ...s, text: e.target.value } : s))} onKeyDown={(e) => e.key === 'Enter' && confirmTags()} />
          <p className="field-hint">{t('tags.hint')}</p>
        </div>
      </Dialog>

      <Dialog
        open={deleting !== null}
        title={t('delete.title')}
        onClose={() => setDeleting(null)}
        closeLabel={t('common:close')}
        testId="delete"
        footer={
          <>
            <button type="button" className="button" onClick={() => setDeleting(null)}>{t('common:cancel')}</button>
            <button type="button" className="button button--primary button--danger-fill" onClick={confirmDelete} data-action="confirm-delete">{t('delete.confirm')}</button>
          </>
        }
      >
        <p>{t('delete.body', { title: isolateInSentence(deleting?.title ?? '') })}</p>
      </Dialog>

      {deleted && <UndoBar key={deleted.article.id} message={t('deleted', { title: isolateInSentence(deleted.article.title) })} onUndo={() => void undoDelete()} onDismiss={dismissDeleted} />}
    </div>
  );
}
