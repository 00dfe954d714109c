import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, LIMITS, parseTagInput, type AnnotationColor } from '../../core/annotations/annotation';
import type { EditResult, SaveResult } from '../../core/annotations/annotation-store';
import { Dialog, FormActions } from '../../shared/Dialog';
import { useFormatNumber } from '../../shared/use-format-number';

export interface NoteValues {
  readonly color: AnnotationColor;
  readonly note: string;
  readonly tags: readonly string[];
}

interface NoteEditorProps {
  /** The passage the note is about (shown, not editable). */
  quote: string;
  initial: NoteValues;
  mode: 'new' | 'edit';
  /** Resolves with the store's answer; on failure the editor stays open with the reader's text. */
  onSave: (values: NoteValues) => Promise<SaveResult | EditResult>;
  onClose: () => void;
  /** The stored note changed or was deleted (in another tab) since the editor opened. */
  elsewhere?: 'unchanged' | 'changed' | 'deleted';
}

/** Write or edit a note: plain text in either direction, tags, colour. Mounted only while open. */
export function NoteEditor({ quote, initial, mode, onSave, onClose, elsewhere }: NoteEditorProps) {
  const { t } = useTranslation('annotations');
  const formatNumber = useFormatNumber();
  const id = useId();
  const [color, setColor] = useState<AnnotationColor>(initial.color);
  const [note, setNote] = useState(initial.note);
  const [tags, setTags] = useState(initial.tags.join('، '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const atLimit = note.length >= LIMITS.note;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await onSave({ color, note: note.replace(/\s+$/u, ''), tags: parseTagInput(tags) });
      if (result.ok) onClose();
      else setError(t(`errors.${result.reason}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t(mode === 'new' ? 'editor.titleNew' : 'editor.titleEdit')} onClose={onClose} closeLabel={t('common:close')} testId="note-editor">
      {/* Ctrl+Enter saves from any field of the form (text, tags, colours), not only the text. */}
      <form
        onSubmit={submit}
        className="note-editor"
        data-form="note"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <blockquote className="note-quote" dir="auto">
          {quote}
        </blockquote>
        <fieldset className="note-colors">
          <legend>{t('editor.color')}</legend>
          {ANNOTATION_COLORS.map((c) => (
            <label key={c} className="note-color">
              <input type="radio" name={`${id}-color`} value={c} checked={color === c} onChange={() => setColor(c)} data-color={c} />
              <span className={`swatch swatch--${c}`} aria-hidden="true" />
              <span className="visually-hidden">{t(`colors.${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('editor.note')}</label>
          <textarea
            id={`${id}-note`}
            name="note"
            dir="auto"
            rows={6}
            maxLength={LIMITS.note}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={atLimit ? `${id}-note-limit` : undefined}
            autoFocus
            data-autofocus=""
          />
          {/* The textarea cuts a longer paste at the limit; say so rather than drop text silently. */}
          {atLimit && (
            <span className="field-hint form-error" id={`${id}-note-limit`} role="status" data-note-limit="">
              {t('editor.limitReached', { count: LIMITS.note, formattedCount: formatNumber(LIMITS.note) })}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-tags`}>{t('editor.tags')}</label>
          <input id={`${id}-tags`} name="tags" dir="auto" value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby={`${id}-tags-hint`} />
          <span className="field-hint" id={`${id}-tags-hint`}>
            {t('editor.tagsHint')}
          </span>
        </div>
        {elsewhere && elsewhere !== 'unchanged' && !error && (
          <p className="notice notice--warning" role="status" data-note-elsewhere={elsewhere}>
            {elsewhere === 'changed' ? t('errors:conflict.changedElsewhere') : t('errors:errors.deleted-elsewhere')}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert" data-note-error="">
            {error}
          </p>
        )}
        <FormActions cancelLabel={t('common:cancel')} onCancel={onClose} submitLabel={t('editor.save')} busy={busy} submitAction="save-note" />
      </form>
    </Dialog>
  );
}
