import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Selectors } from '../../core/annotations/anchoring';
import type { Article } from '../../core/article/article';
import { articleToHtml, articleToPlainText, exportFileName } from '../../core/links/article-export';
import { MAX_LINK_LENGTH, MAX_NOTE_LENGTH, passageFromSelectors, passageLink, sharedArticleLink } from '../../core/links/share-link';
import { quotePreview, readableUrl, systemShareText } from '../../core/links/share-preview';
import { copyText } from '../../shared/clipboard';
import { Dialog } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { downloadText } from '../../shared/download';

export interface ShareRequest {
  readonly selectors: Pick<Selectors, 'blockId' | 'quote'>;
  /** The highlight's note, offered (editable) as the note that travels with the link. */
  readonly note?: string;
}

interface SharePanelProps {
  article: Article;
  request: ShareRequest;
  /** The article exists only in this browser (imported or opened from a link): offer to carry it. */
  local: boolean;
  onClose: () => void;
}

type LinkState = { status: 'building' } | { status: 'ready'; url: string } | { status: 'too-large'; length: number } | { status: 'failed' };

/** Builds the link for the current options; self-contained links are compressed asynchronously. */
function useShareLink(article: Article, request: ShareRequest, note: string, withArticle: boolean): LinkState {
  const passage = passageFromSelectors(request.selectors, note);
  const direct = withArticle ? null : passageLink(article.id, passage, window.location.href);
  const key = JSON.stringify(passage);
  const [built, setBuilt] = useState<{ key: string; state: LinkState } | null>(null);
  useEffect(() => {
    if (!withArticle) return;
    let live = true;
    sharedArticleLink(article, JSON.parse(key) as typeof passage, window.location.href).then(
      (link) => live && setBuilt({ key, state: link.ok ? { status: 'ready', url: link.url } : { status: 'too-large', length: link.length } }),
      () => live && setBuilt({ key, state: { status: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [article, key, withArticle]);
  if (direct) return { status: 'ready', url: direct };
  return built?.key === key ? built.state : { status: 'building' };
}

/**
 * The panel shown after "Share": a preview of what the recipient will see (the article's title, the
 * passage and, only when the reader ticks it, a note), the link behind a copy button, "share with
 * the article" for articles only this browser holds, and the file export when the article is too
 * large for a link. Nothing reaches the clipboard until the reader presses Copy: a highlight's note
 * is private and travels only when chosen here.
 */
export function SharePanel({ article, request, local, onClose }: SharePanelProps) {
  const { t } = useTranslation('sharing');
  const toast = useToast();
  const noteId = useId();
  const [withNote, setWithNote] = useState(false);
  const [note, setNote] = useState(request.note ?? '');
  const [withArticle, setWithArticle] = useState(local);
  const sharedNote = withNote ? note : '';
  const link = useShareLink(article, request, sharedNote, withArticle);
  const url = link.status === 'ready' ? link.url : undefined;

  const copy = async () => {
    if (!url) return;
    const ok = await copyText(url);
    toast(ok ? t('copied') : t('copyFailed'), ok ? 'info' : 'error');
  };
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const systemShare = () => {
    if (!url) return;
    navigator.share({ title: article.title, text: systemShareText(request.selectors.quote.exact), url }).catch(() => {
      // Cancelled by the reader, or refused: the link is still in the panel.
    });
  };

  return (
    <Dialog
      open
      title={t('panel.title')}
      onClose={onClose}
      closeLabel={t('panel.close')}
      testId="share"
      footer={
        <>
          <button type="button" className="button button--primary" data-action="copy-share-link" disabled={!url} onClick={() => void copy()}>
            {t('panel.copy')}
          </button>
          {canShare && (
            <button type="button" className="button" data-action="system-share" disabled={!url} onClick={systemShare}>
              {t('panel.systemShare')}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('panel.close')}
          </button>
        </>
      }
    >
      <div className="share-panel" data-share-panel="">
        <section className="share-preview" aria-label={t('panel.preview')} data-share-preview="">
          <p className="share-preview__label">{t('panel.preview')}</p>
          <p className="share-preview__title" lang={article.lang} dir={article.dir}>
            {article.title}
          </p>
          <blockquote className="share-quote" lang={article.lang} dir={article.dir} aria-label={t('panel.quote')}>
            <mark className="shared-passage">{quotePreview(request.selectors.quote.exact)}</mark>
          </blockquote>
          {sharedNote.trim() && (
            <div className="shared-note" data-share-preview-note="">
              <p className="shared-note-label">{t('received.noteFrom')}</p>
              <p className="shared-note-text" dir="auto">
                {sharedNote.trim()}
              </p>
            </div>
          )}
        </section>
        <div className="share-option">
          <label>
            <input type="checkbox" checked={withNote} data-share-include-note="" onChange={(e) => setWithNote(e.target.checked)} />{' '}
            {request.note ? t('panel.includeYourNote') : t('panel.includeNote')}
          </label>
          <small className="field-hint">{t('panel.noteHint')}</small>
        </div>
        {withNote && (
          <div className="field">
            <label htmlFor={noteId}>{t('panel.noteLabel')}</label>
            <textarea id={noteId} rows={2} value={note} dir="auto" maxLength={MAX_NOTE_LENGTH} data-share-note="" onChange={(e) => setNote(e.target.value)} />
          </div>
        )}
        {local && (
          <div className="share-option">
            <label>
              <input type="checkbox" checked={withArticle} data-share-with-article="" onChange={(e) => setWithArticle(e.target.checked)} /> {t('panel.includeArticle')}
            </label>
            <small className="field-hint">{withArticle ? t('panel.limit', { limit: MAX_LINK_LENGTH }) : t('panel.includeArticleHint')}</small>
          </div>
        )}
        <div className="share-link-box" aria-live="polite">
          {link.status === 'building' && <p aria-busy="true">{t('panel.building')}</p>}
          {link.status === 'failed' && <p className="notice notice--error" role="alert">{t('panel.failed')}</p>}
          {link.status === 'ready' && (
            <small className="field-hint" data-share-link-length={link.url.length}>
              {t('panel.length', { count: link.url.length })}{' '}
              <a className="share-link" data-share-link="" href={link.url} target="_blank" rel="noopener noreferrer" title={readableUrl(link.url)}>
                {t('panel.tryLink')}
              </a>
            </small>
          )}
          {link.status === 'too-large' && (
            <div className="notice notice--warning" role="alert" data-share-too-large={link.length}>
              <p>{t('panel.tooLarge', { length: link.length, limit: MAX_LINK_LENGTH })}</p>
              <div className="notice-actions">
                <button type="button" className="button" data-action="export-txt" onClick={() => downloadText(exportFileName(article, 'txt'), articleToPlainText(article), 'text/plain')}>
                  {t('panel.exportAs')} <bdi dir="ltr">.txt</bdi>
                </button>
                <button type="button" className="button" data-action="export-html" onClick={() => downloadText(exportFileName(article, 'html'), articleToHtml(article), 'text/html')}>
                  {t('panel.exportAs')} <bdi dir="ltr">.html</bdi>
                </button>
              </div>
            </div>
          )}
        </div>
      </div>
    </Dialog>
  );
}
