import { useEffect, useId, useRef, useState } from 'react';
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
 * The panel shown after "Share": the link (as `a[data-share-link]`, copied to the clipboard as soon
 * as it is ready), an optional note for the recipient, "share with the article" for articles only
 * this browser holds, and the file export when the article is too large for a link.
 */
export function SharePanel({ article, request, local, onClose }: SharePanelProps) {
  const { t } = useTranslation('sharing');
  const toast = useToast();
  const noteId = useId();
  const [note, setNote] = useState(request.note ?? '');
  const [withArticle, setWithArticle] = useState(local);
  const link = useShareLink(article, request, note, withArticle);
  const url = link.status === 'ready' ? link.url : undefined;

  // Copy the first link made, once: "after share, the link is on the clipboard".
  const copiedOnce = useRef(false);
  useEffect(() => {
    if (!url || copiedOnce.current) return;
    copiedOnce.current = true;
    void copyText(url).then((ok) => toast(ok ? t('copied') : t('copyFailed'), ok ? 'info' : 'error'));
  }, [url, toast, t]);

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
        <blockquote className="share-quote" lang={article.lang} dir={article.dir} aria-label={t('panel.quote')}>
          {quotePreview(request.selectors.quote.exact)}
        </blockquote>
        <div className="field">
          <label htmlFor={noteId}>{t('panel.noteLabel')}</label>
          <textarea
            id={noteId}
            rows={2}
            value={note}
            dir="auto"
            maxLength={MAX_NOTE_LENGTH}
            aria-describedby={`${noteId}-hint`}
            data-share-note=""
            onChange={(e) => setNote(e.target.value)}
          />
          <small className="field-hint" id={`${noteId}-hint`}>
            {t('panel.noteHint')}
          </small>
        </div>
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
            <>
              <span className="share-link-label">{t('panel.link')}</span>{' '}
              <a className="share-link" data-share-link="" href={link.url} dir="ltr" target="_blank" rel="noopener noreferrer">
                {readableUrl(link.url)}
              </a>
              <small className="field-hint" data-share-link-length={link.url.length}>
                {t('panel.length', { count: link.url.length })}
              </small>
            </>
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
