import { useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isolateInSentence } from '../../core/decorations/bidi';
import { IMPORT_LIMITS, MAX_IMPORT_BYTES } from '../../core/limits';
import { Dialog, FormActions } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { navigate } from '../../shared/use-route';
import { ImportResults } from './ImportResults';
import { useImportRunner, type ImportInput, type ImportLine } from './use-import-runner';
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
  const runner = useImportRunner();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState(initialText ?? '');
  // A rich paste keeps the clipboard's HTML while the box still holds exactly what was pasted.
  const [rich, setRich] = useState<{ html: string; text: string } | null>(null);
  const pastedHtml = useRef<string | null | undefined>(undefined);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<ImportLine[]>([]);
  const [busy, setBusy] = useState(false);
  // Formatted by i18next through Intl ({{limit, number}}).
  const limit = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

  const close = () => {
    setError(null);
    setLines([]);
    onClose();
  };

  const pastedInput = (): ImportInput => (rich && rich.text === text ? { kind: 'html', html: rich.html } : { kind: 'text', text });

  const importSingle = async (input: ImportInput) => {
    let line = await runner.importOne(input);
    // A rich paste of a few paragraphs may hold no "article" for Readability: its plain text still is one.
    if (line.status === 'refused' && input.kind === 'html' && rich) line = await runner.importOne({ kind: 'text', text });
    if (line.status === 'refused') {
      setError(line.reason);
      return;
    }
    toast(t('import.done', { title: isolateInSentence(line.title) }));
    setText('');
    setRich(null);
    setFiles([]);
    close();
    navigate({ name: 'article', articleId: line.articleId });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setLines([]);
    setBusy(true);
    try {
      if (mode === 'paste') await importSingle(pastedInput());
      else if (files.length === 0) setError(ti('errors.empty'));
      else if (files.length === 1 && files[0]) await importSingle({ kind: 'file', file: files[0] });
      else {
        const taken = files.slice(0, IMPORT_LIMITS.filesAtOnce);
        await runner.importAll(
          taken.map((file) => ({ kind: 'file', file })),
          (line) => setLines((all) => [...all, line]),
        );
        if (files.length > taken.length) setError(ti('errors.too-many-files', { limit: IMPORT_LIMITS.filesAtOnce }));
        setFiles([]);
      }
    } finally {
      setBusy(false);
    }
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
        <FormActions cancelLabel={t('common:cancel')} onCancel={close} submitLabel={t('import.submit')} busy={busy} submitAction="import-submit" />
      </form>
    </Dialog>
  );
}
