import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookmarkletHref, PAGE_RECEIVED_TYPE, readPageMessage, sharedInput } from '../../core/article/page-handover';
import { cleanName } from '../../core/article/source-line';
import { IMPORT_LIMITS } from '../../core/limits';
import { Dialog } from '../../shared/Dialog';
import { launchOpener } from '../../shared/launch-opener';
import { useToast } from '../../shared/toast';
import { ImportQueue, type QueuedImport } from './ImportQueue';
import { ImportResults } from './ImportResults';
import type { ImportLine } from './use-import-runner';
import './import.css';

/**
 * Ways in besides the import dialog, on the library page: files dropped anywhere on the page, the
 * "Save to Hashiya" bookmarklet (and the page it hands over), and what a phone's share sheet sends
 * to the installed app. Each opens the import preview; each import gets a result line.
 */
export function ImportEntryPoints() {
  const { t } = useTranslation('import');
  const [lines, setLines] = useState<ImportLine[]>([]);
  const [dragging, setDragging] = useState(false);
  // What waits for the preview: dropped files, pages from the bookmarklet, what a share sheet sent.
  const [queue, setQueue] = useState<{ readonly kind: 'drop' | 'page' | 'share'; readonly items: readonly QueuedImport[] } | null>(() => {
    const shared = sharedInput(window.location.search);
    return shared ? { kind: 'share', items: [{ input: { kind: 'text', text: shared.text, ...(shared.url ? { url: shared.url } : {}) } }] } : null;
  });
  const shareRead = useRef(queue?.kind === 'share');
  const toast = useToast();
  const link = useRef<HTMLAnchorElement>(null);

  // The page carries no javascript: URL until the reader asks for the bookmarklet. React refuses
  // such URLs in JSX, so it is set on the element itself (never run here: the CSP forbids it).
  const [showBookmarklet, setShowBookmarklet] = useState(false);
  useEffect(() => {
    if (!showBookmarklet) return;
    const appUrl = new URL(window.location.href);
    appUrl.search = '';
    link.current?.setAttribute('href', bookmarkletHref(appUrl.href));
  }, [showBookmarklet]);

  // The share target's parameters are read once, then taken out of the address.
  useEffect(() => {
    if (!shareRead.current || window.location.search === '') return;
    const clean = new URL(window.location.href);
    clean.search = '';
    window.history.replaceState(window.history.state, '', clean.href);
  }, []);

  const enqueue = useCallback((kind: 'drop' | 'page', items: readonly QueuedImport[]) => {
    // A page already in the preview stays there: what comes next waits for its own turn.
    setQueue((current) => (current ? { ...current, items: [...current.items, ...items] } : { kind, items }));
  }, []);

  useEffect(() => {
    const seen = new Set<string>();
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin) return;
      // Only the window that opened this tab (the page the bookmarklet ran in) may hand a page over.
      if (event.source === null || event.source !== launchOpener()) return;
      const message = readPageMessage(event.data);
      if (!message) return;
      // The sender keeps posting until it hears back. An opaque origin ("null", a sandboxed frame)
      // cannot be named as a target: the answer carries nothing, so any target will do.
      try {
        (event.source as Window).postMessage({ type: PAGE_RECEIVED_TYPE }, event.origin === 'null' ? '*' : event.origin);
      } catch {
        // A window that went away meanwhile: nothing to answer.
      }
      const key = `${event.origin}\n${message.url}\n${message.html.length}`;
      if (seen.has(key)) return;
      seen.add(key);
      const name = cleanName(message.title).slice(0, 300) || cleanName(message.url);
      enqueue('page', [{ input: { kind: 'html', html: message.html, url: message.url, origin: event.origin, name } }]);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [enqueue]);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      const taken = files.slice(0, IMPORT_LIMITS.filesAtOnce);
      setLines([]);
      if (files.length > taken.length) toast(t('errors.too-many-files', { limit: IMPORT_LIMITS.filesAtOnce }), 'error');
      enqueue('drop', taken.map((file) => ({ input: { kind: 'file', file } })));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enqueue, t, toast]);

  const title = queue?.kind === 'page' ? t('bookmarklet.confirmTitle') : queue?.kind === 'share' ? t('share.title') : t('drop.title');
  return (
    <>
      <div className="import-entry">
        {showBookmarklet ? (
          <>
            <a ref={link} className="button button--small bookmarklet-link" data-action="bookmarklet" onClick={(e) => e.preventDefault()} aria-describedby="bookmarklet-hint">
              {t('bookmarklet.link')}
            </a>
            <span id="bookmarklet-hint">{t('bookmarklet.hint')}</span>
          </>
        ) : (
          <button type="button" className="button button--ghost button--small" onClick={() => setShowBookmarklet(true)} data-action="show-bookmarklet">
            {t('bookmarklet.show')}
          </button>
        )}
        <span className="import-entry-hint">{t('drop.hint')}</span>
      </div>
      <ImportResults lines={lines} onDismiss={() => setLines([])} />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-drop-overlay="">
          {t('drop.overlay')}
        </div>
      )}
      <Dialog open={queue !== null} title={title} onClose={() => setQueue(null)} closeLabel={t('common:close')} testId={queue?.kind === 'page' ? 'page-import' : 'import-queue'}>
        {queue && (
          <ImportQueue
            items={queue.items}
            onLine={(line) => setLines((all) => [...all, line])}
            onDone={() => setQueue(null)}
          />
        )}
      </Dialog>
    </>
  );
}
