import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../core/article/import-file';
import { MAX_IMPORT_BYTES } from '../../core/limits';
import { isolateInSentence } from '../../core/decorations/bidi';
import { Dialog, FormActions } from '../../shared/Dialog';
import { useToast } from '../../shared/toast';
import { navigate } from '../../shared/use-route';
import { useSaveImported } from './imported-articles-query';

type Mode = 'paste' | 'file';

/** Import by pasting text or opening a .txt/.html file. Nothing is saved unless the whole import is valid. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('library');
  const toast = useToast();
  const save = useSaveImported();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Formatted by i18next through Intl ({{limit, number}}).
  const limit = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

  const close = () => {
    setError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      // The importer (with Readability and DOMPurify) loads on first use, not with the app.
      const { importFromFile, importFromText } = await import('../../core/article/import-file');
      let result: ImportResult;
      if (mode === 'paste') result = importFromText(text);
      else if (file) result = await importFromFile(file);
      else result = { ok: false, error: 'empty' };
      if (!result.ok) {
        setError(t(`import.errors.${result.error}`, { limit }));
        return;
      }
      const written = await save.mutateAsync({ article: result.article, origin: 'import', ...(file && mode === 'file' ? { name: file.name } : {}) });
      if (!written.ok) {
        setError(t(written.reason === 'quota' ? 'import.errors.quota' : 'import.errors.storage'));
        return;
      }
      toast(t('import.done', { title: isolateInSentence(result.article.title) }));
      setText('');
      setFile(null);
      close();
      navigate({ name: 'article', articleId: result.article.id });
    } finally {
      setBusy(false);
    }
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
              onChange={(e) => setText(e.target.value)}
              // A paste over the limit is refused before it reaches the box (laying out megabytes of text would freeze the page).
              onPaste={(e) => {
                if (e.clipboardData.getData('text/plain').length <= MAX_IMPORT_BYTES) return;
                e.preventDefault();
                setError(t('import.errors.too-large', { limit }));
              }}
              placeholder={t('import.pastePlaceholder')}
              aria-describedby={error ? 'import-error' : undefined}
            />
            <span className="field-hint">{t('import.pasteHint')}</span>
          </div>
        ) : (
          <div className="field" style={{ marginBlockStart: '1rem' }}>
            <label htmlFor="import-file">{t('import.fileLabel')}</label>
            <input id="import-file" name="file" type="file" accept=".txt,.html,.htm,text/plain,text/html" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            <span className="field-hint">{t('import.fileHint', { limit })}</span>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert" id="import-error" data-import-error="">
            {error}
          </p>
        )}
        <FormActions cancelLabel={t('common:cancel')} onCancel={close} submitLabel={t('import.submit')} busy={busy} submitAction="import-submit" />
      </form>
    </Dialog>
  );
}
