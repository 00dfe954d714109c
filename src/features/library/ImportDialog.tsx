import { useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isolateInSentence } from '../../core/decorations/bidi';
import { IMPORT_LIMITS, MAX_IMPORT_BYTES } from '../../core/limits';
import { Dialog, FormActions } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { navigate } from '../../shared/use-route';
import { ImportResults } from './ImportResults';
import { ImportQueue, type QueuedImport } from './ImportQueue';
import type { ImportInput, ImportLine } from './use-import-runner';
import './import.css';

type Mode = 'paste' | 'file';

interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** Text to start with (what a share sheet handed over). */
  initialText?: string;
}

/**
 * Import by pasting (plain text, a page's HTML source, or a rich paste from a web page) or by
 * opening one or several .txt/.html files. One article opens when imported; several get a result
 * line each. Nothing is saved unless the whole article is valid and fits the store.
 */
export function ImportDialog({ open, onClose, initialText }: ImportDialogProps) {
  const { t } = useTranslation('library');
  const { t: ti } = useTranslation('import');
  const toast = useToast();
  const [queue, setQueue] = useState<readonly QueuedImport[] | null>(null);
  const done = useRef<ImportLine[]>([]);
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState(initialText ?? '');
  // A rich paste keeps the clipboard's HTML while the box still holds exactly what was pasted.
  const [rich, setRich] = useState<{ html: string; text: string } | null>(null);
  const pastedHtml = useRef<string | null | undefined>(undefined);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<ImportLine[]>([]);
  // Formatted by i18next through Intl ({{limit, number}}).
  const limit = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

  const close = () => {
    setError(null);
    setLines([]);
    setQueue(null);
    onClose();
  };

  // A rich paste of a few paragraphs may hold no "article" for Readability: its plain text still is one.
  const pastedItem = (): QueuedImport =>
    rich && rich.text === text ? { input: { kind: 'html', html: rich.html }, fallback: { kind: 'text', text } } : { input: { kind: 'text', text } };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLines([]);
    if (mode === 'paste') {
      if (text.trim() === '') setError(ti('errors.empty'));
      else setQueue([pastedItem()]);
      return;
    }
    if (files.length === 0) {
      setError(ti('errors.empty'));
      return;
    }
    const taken = files.slice(0, IMPORT_LIMITS.filesAtOnce);
    if (files.length > taken.length) setError(ti('errors.too-many-files', { limit: IMPORT_LIMITS.filesAtOnce }));
    setQueue(taken.map((file): QueuedImport => ({ input: { kind: 'file', file } satisfies ImportInput })));
  };

  const onQueueDone = () => {
    const single = queue?.length === 1;
    const all = done.current;
    done.current = [];
    setQueue(null);
    setFiles([]);
    const [only] = all;
    if (single && only?.status === 'imported') {
      // One article: it opens, as before.
      toast(t('import.done', { title: isolateInSentence(only.title) }));
      setText('');
      setRich(null);
      close();
      navigate({ name: 'article', articleId: only.articleId });
    } else if (single && only?.status === 'refused') setError(only.reason);
    else setLines(all);
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const plain = e.clipboardData.getData('text/plain');
    // A paste over the limit is refused before it reaches the box (laying out megabytes of text would freeze the page).
    if (plain.length > MAX_IMPORT_BYTES) {
      e.preventDefault();
      setError(ti('errors.too-large', { limit }));
      return;
    }
    const html = e.clipboardData.getData('text/html');
    const whole = e.currentTarget.value === '' || (e.currentTarget.selectionStart === 0 && e.currentTarget.selectionEnd === e.currentTarget.value.length);
    // Paired with the box's text in the change event that follows, so edits after it drop the HTML.
    pastedHtml.current = html && html.length <= MAX_IMPORT_BYTES && whole ? html : null;
  };

  const onChange = (value: string) => {
    setText(value);
    if (pastedHtml.current !== undefined) setRich(pastedHtml.current === null ? null : { html: pastedHtml.current, text: value });
    pastedHtml.current = undefined;
  };

  return (
    <Dialog open={open} title={t('import.title')} onClose={close} closeLabel={t('common:close')} testId="import">
      {queue ? (
        <ImportQueue items={queue} onLine={(line: ImportLine) => done.current.push(line)} onDone={onQueueDone} />
      ) : (
      <form onSubmit={onSubmit} data-form="import">
        <div className="segmented" role="radiogroup" aria-label={t('import.mode')}>
          {(['paste', 'file'] as const).map((m) => (
            <label key={m} className="segmented-option">
              <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => { setMode(m); setError(null); }} />
              <span>{t(`import.modes.${m}`)}</span>
            </label>
          ))}
        </div>
        {mode === 'paste' ? (
          <div className="field" style={{ marginBlockStart: '1rem' }}>
            <label htmlFor="import-text">{t('import.pasteLabel')}</label>
            <textarea
              id="import-text"
              name="text"
              dir="auto"
              rows={10}
              value={text}
              onChange={(e) => onChange(e.target.value)}
              onPaste={onPaste}
              placeholder={t('import.pastePlaceholder')}
              aria-describedby={error ? 'import-error' : undefined}
              data-autofocus=""
            />
            <span className="field-hint">{rich && rich.text === text ? <span className="import-paste-hint" data-rich-paste="">{ti('paste.richHint')}</span> : t('import.pasteHint')}</span>
          </div>
        ) : (
          <div className="field" style={{ marginBlockStart: '1rem' }}>
            <label htmlFor="import-file">{t('import.fileLabel')}</label>
            <input id="import-file" name="file" type="file" multiple accept=".txt,.html,.htm,text/plain,text/html" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
            <span className="field-hint">{t('import.fileHint', { limit })}</span>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" id="import-error" data-import-error="" data-import-result="" data-status="refused">
            {error}
          </p>
        )}
        <ImportResults lines={lines} />
        <FormActions cancelLabel={t('common:cancel')} onCancel={close} submitLabel={t('import.submit')} busy={false} submitAction="import-submit" />
      </form>
      )}
    </Dialog>
  );
}
