import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkProblem, SharedPassage } from '../../core/links/share-link';
import { MAX_LINK_LENGTH } from '../../core/links/share-link';
import { passageQuoteText } from '../../core/links/passage-anchor';
import { holdInView } from '../../shared/hold-in-view';

/**
 * How far to scroll so the passage's first line sits just under the messages that stay at the top
 * (they stick under the top bar while reading): centring it could leave it under a tall message.
 */
function scrollToClear(first: HTMLElement): number {
  const box = first.getBoundingClientRect();
  const alerts = document.querySelector<HTMLElement>('.reader-alerts');
  const stuckBottom = alerts ? (parseFloat(getComputedStyle(alerts).insetBlockStart) || 0) + alerts.offsetHeight : (document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0);
  const clear = stuckBottom + 16;
  // Clear of the messages, and on screen: otherwise bring the first line just under them.
  return box.top >= clear && box.bottom <= window.innerHeight ? 0 : box.top - clear;
}

/** Scroll to the shared passage's first piece, below the messages. */
export function goToSharedPassage(): void {
  const first = document.querySelector<HTMLElement>('mark[data-shared-passage]');
  if (!first) return;
  window.scrollBy(0, scrollToClear(first));
  first.closest<HTMLElement>('[data-block-id]')?.focus({ preventScroll: true });
}

export function LinkProblemNotice({ problem }: { problem: LinkProblem }) {
  const { t } = useTranslation('sharing');
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <div className="notice notice--error" role="alert" data-link-problem={problem}>
      <p>{t(`problems.${problem}`, { limit: MAX_LINK_LENGTH })}</p>
      <div className="notice-actions">
        <button type="button" className="button button--small button--ghost" data-action="dismiss-link-problem" onClick={() => setHidden(true)}>
          {t('received.dismiss')}
        </button>
      </div>
    </div>
  );
}

interface SharedPassageNoticeProps {
  passage: SharedPassage;
  lang: string;
  dir: 'rtl' | 'ltr';
  found: boolean;
  /** The passage's block is still in the article (shown when the passage itself is not). */
  blockShown: boolean;
  /** Saves the sharer's note as the reader's own; absent when the article is read-only. */
  onKeep?: () => Promise<boolean>;
}

/**
 * What the recipient of a passage link sees above the article: that the passage is highlighted (or
 * that it has changed, with the quote from the link), and the sharer's note, read-only and marked as
 * someone else's, with "keep".
 */
export function SharedPassageNotice({ passage, lang, dir, found, blockShown, onKeep }: SharedPassageNoticeProps) {
  const { t } = useTranslation('sharing');
  const [hidden, setHidden] = useState(false);
  const [kept, setKept] = useState<'no' | 'yes' | 'failed'>('no');
  // The reader centres the passage's block; in a block taller than the window, or whenever the page
  // settles (fonts changing the line breaks, far blocks getting their height) before the reader
  // moves, bring the passage itself into view (below the sticky messages).
  useEffect(() => {
    if (!found) return;
    let frame = 0;
    const bringIntoView = () => {
      const first = document.querySelector<HTMLElement>('mark[data-shared-passage]');
      const delta = first ? scrollToClear(first) : 0;
      if (delta !== 0) window.scrollBy(0, delta);
    };
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(bringIntoView);
    };
    later();
    const article = document.querySelector('article[data-article-id]');
    const release = article ? holdInView(article, later) : () => {};
    return () => {
      release();
      cancelAnimationFrame(frame);
    };
  }, [found]);
  if (hidden) return null;
  return (
    <section className={`notice shared-notice${found ? '' : ' notice--warning'}`} data-shared-notice={found ? 'found' : 'changed'} role={found ? 'status' : 'alert'}>
      {found ? (
        // One row: the message, then its two buttons, which never wrap inside.
        <div className="shared-notice__row">
          <p className="shared-notice__message">{t('received.title')}</p>
          <span className="shared-notice__actions">
            <button type="button" className="button button--small button--ghost" data-action="go-to-shared" onClick={goToSharedPassage}>
              {t('received.goTo')}
            </button>
            <button type="button" className="button button--small button--ghost" data-action="dismiss-shared" onClick={() => setHidden(true)}>
              {t('received.dismiss')}
            </button>
          </span>
        </div>
      ) : (
        <>
          <p data-passage-changed="">
            {t('received.changed')} {blockShown && t('received.changedBlockShown')}
          </p>
          <blockquote className="shared-quote" lang={lang} dir={dir} data-shared-quote="">
            {passageQuoteText(passage)}
          </blockquote>
        </>
      )}
      {passage.note && (
        <aside className="shared-note" data-shared-note="" aria-label={t('received.noteFrom')}>
          <p className="shared-note-label">
            <strong>{t('received.noteFrom')}</strong> — {t('received.noteNotYours')}
          </p>
          <p className="shared-note-text" dir="auto">
            {passage.note}
          </p>
          <div className="notice-actions">
            {onKeep && found && kept !== 'yes' && (
              <button type="button" className="button button--small" data-action="keep-shared-note" onClick={() => void onKeep().then((ok) => setKept(ok ? 'yes' : 'failed'))}>
                {t('received.keep')}
              </button>
            )}
            {!onKeep && <small className="field-hint">{t('received.readOnlyKeep')}</small>}
            {kept === 'yes' && <span role="status" data-shared-note-kept="">{t('received.kept')}</span>}
            {kept === 'failed' && <span role="alert">{t('received.keepFailed')}</span>}
          </div>
        </aside>
      )}
      {!found && (
        <div className="notice-actions">
          <button type="button" className="button button--small button--ghost" data-action="dismiss-shared" onClick={() => setHidden(true)}>
            {t('received.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
