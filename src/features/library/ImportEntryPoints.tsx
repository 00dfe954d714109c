import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookmarkletHref, PAGE_RECEIVED_TYPE, readPageMessage, sharedText, type PageMessage } from '../../core/article/page-handover';
import { isolateInSentence } from '../../core/decorations/bidi';
import { IMPORT_LIMITS } from '../../core/limits';
import { Dialog } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { ImportDialog } from './ImportDialog';
import { ImportResults } from './ImportResults';
import { useImportRunner, type ImportLine } from './use-import-runner';
import './import.css';

/**
 * Ways in besides the import dialog, on the library page: files dropped anywhere on the page, the
 * "Save to Hashiya" bookmarklet (and the page it hands over), and what a phone's share sheet sends
 * to the installed app. Each import gets a result line.
 */
export function ImportEntryPoints() {
  const { t } = useTranslation('import');
  const runner = useImportRunner();
  const [lines, setLines] = useState<ImportLine[]>([]);
  const [dragging, setDragging] = useState(false);
  const [page, setPage] = useState<{ message: PageMessage; origin: string } | null>(null);
  const [shared, setShared] = useState<string | null>(() => sharedText(window.location.search) ?? null);
  const toast = useToast();
  const link = useRef<HTMLAnchorElement>(null);

  // React refuses javascript: URLs in JSX; the bookmarklet is set on the element itself (never run here: the CSP forbids it).
  useEffect(() => {
    const appUrl = new URL(window.location.href);
    appUrl.search = '';
    link.current?.setAttribute('href', bookmarkletHref(appUrl.href));
  }, []);

  // The share target's parameters are read once, then taken out of the address.
  useEffect(() => {
    if (!shared || window.location.search === '') return;
    const clean = new URL(window.location.href);
    clean.search = '';
    window.history.replaceState(window.history.state, '', clean.href);
  }, [shared]);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin) return;
      const message = readPageMessage(event.data);
      if (!message) return;
      // The sender keeps posting until it hears back.
      (event.source as Window | null)?.postMessage({ type: PAGE_RECEIVED_TYPE }, event.origin);
      setPage((current) => (current?.message.url === message.url ? current : { message, origin: event.origin }));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

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
      void runner
        .importAll(
          taken.map((file) => ({ kind: 'file', file })),
          (line) => setLines((all) => [...all, line]),
        )
        .then(() => {
          if (files.length > taken.length) toast(t('errors.too-many-files', { limit: IMPORT_LIMITS.filesAtOnce }), 'error');
        });
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
  }, [runner, t, toast]);

  const savePage = async () => {
    if (!page) return;
    const { message } = page;
    setPage(null);
    const line = await runner.importOne({ kind: 'html', html: message.html, url: message.url, name: message.url });
    setLines([line]);
  };

  return (
    <>
      <div className="import-entry">
        <a ref={link} className="button button--small bookmarklet-link" data-action="bookmarklet" onClick={(e) => e.preventDefault()} aria-describedby="bookmarklet-hint">
          {t('bookmarklet.link')}
        </a>
        <span id="bookmarklet-hint" className="import-entry-hint">{t('bookmarklet.hint')}</span>
        <span className="import-entry-hint">{t('drop.hint')}</span>
      </div>
      <ImportResults lines={lines} onDismiss={() => setLines([])} />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-drop-overlay="">
          {t('drop.overlay')}
        </div>
      )}
      <Dialog
        open={page !== null}
        title={t('bookmarklet.confirmTitle')}
        onClose={() => setPage(null)}
        closeLabel={t('common:close')}
        testId="page-import"
        footer={
          <>
            <button type="button" className="button" onClick={() => setPage(null)}>
              {t('common:cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void savePage()} data-action="confirm-page-import" data-autofocus="">
              {t('bookmarklet.confirm')}
            </button>
          </>
        }
      >
        <p>{t('bookmarklet.confirmBody', { origin: isolateInSentence(page?.origin ?? ''), title: isolateInSentence(page?.message.title.slice(0, 300) ?? '') })}</p>
      </Dialog>
      {shared !== null && <ImportDialog open initialText={shared} onClose={() => setShared(null)} />}
    </>
  );
}
