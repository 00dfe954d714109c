import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../core/article/article';
import { articleLeadPreview, articleWordCount } from '../../core/article/summary';
import { isolateInSentence } from '../../core/decorations/bidi';
import { routeToHash } from '../../core/links/routes';
import { Dialog } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { bundledArticleQueryOptions, useManifest } from './bundled-articles-query';
import { ImportDialog } from './ImportDialog';
import { ImportEntryPoints } from './ImportEntryPoints';
import { useDeleteImported, useImportedArticles, useRenameImported } from './imported-articles-query';

function ArticleCard({ article, origin, actions }: { article: Article; origin: 'bundled' | 'import' | 'shared'; actions?: React.ReactNode }) {
  const { t, i18n } = useTranslation('library');
  const words = articleWordCount(article);
  const date = article.dateline?.date ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(article.dateline.date)) : null;
  return (
    <li className="library-card" data-library-article={article.id}>
      <a className="library-card-link" href={routeToHash({ name: 'article', articleId: article.id })}>
        <span className="library-card-title" lang={article.lang} dir={article.dir}>
          {article.title}
        </span>
      </a>
      <p className="library-card-lead" lang={article.lang} dir={article.dir}>
        {articleLeadPreview(article)}
      </p>
      <p className="library-card-meta">
        <span className={`badge badge--${origin}`}>{t(`origin.${origin}`)}</span>
        {date && <span>{date}</span>}
        <span>{t('words', { count: words })}</span>
      </p>
      {actions && <div className="library-card-actions">{actions}</div>}
    </li>
  );
}

export function LibraryPage() {
  const { t } = useTranslation('library');
  const toast = useToast();
  const manifest = useManifest();
  const bundled = useQueries({ queries: (manifest.data ?? []).map((entry) => bundledArticleQueryOptions(entry)) });
  const imported = useImportedArticles();
  const rename = useRenameImported();
  const remove = useDeleteImported();
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);

  const confirmRename = async () => {
    if (!renaming) return;
    const result = await rename.mutateAsync(renaming);
    if (result.ok) setRenaming(null);
    else toast(t(`errors.${result.reason}`), 'error');
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove.mutateAsync(deleting.id);
    if (result.ok) toast(t('deleted', { title: isolateInSentence(deleting.title) }));
    else toast(t(`errors.${result.reason}`), 'error');
    setDeleting(null);
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

      <section aria-labelledby="imported-heading">
        <h2 id="imported-heading">{t('imported.heading', { count: imported.length })}</h2>
        {imported.length === 0 ? (
          <p className="library-empty">{t('imported.empty')}</p>
        ) : (
          <ul className="library-list" data-library="imported">
            {imported.map(({ article, origin }) => (
              <ArticleCard
                key={article.id}
                article={article}
                origin={origin}
                actions={
                  <>
                    <button type="button" className="button button--ghost" onClick={() => setRenaming({ id: article.id, title: article.title })} data-action="rename-article">
                      {t('rename.action')}
                    </button>
                    <button type="button" className="button button--ghost button--danger" onClick={() => setDeleting({ id: article.id, title: article.title })} data-action="delete-article">
                      {t('delete.action')}
                    </button>
                  </>
                }
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="bundled-heading">
        <h2 id="bundled-heading">{t('bundled.heading')}</h2>
        {manifest.isError && <p className="notice notice--error" role="alert">{t('bundled.error')}</p>}
        {manifest.isPending && <p aria-busy="true">{t('common:loading')}</p>}
        <ul className="library-list" data-library="bundled">
          {bundled.map((query, index) =>
            query.data ? (
              <ArticleCard key={query.data.id} article={query.data} origin="bundled" />
            ) : query.isError ? (
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
    </div>
  );
}
