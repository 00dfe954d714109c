import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_COLORS, LIMITS, parseTagInput, type AnnotationColor } from '../../core/annotations/annotation';
import type { EditResult, SaveResult } from '../../core/annotations/annotation-store';
import { FormActions } from '../../shared/Dialog';
import { useFormatNumber } from '../../shared/use-format-number';
import { forgetDraft, getDraft, keepDraft } from './note-drafts';

export interface NoteValues {
  readonly color: AnnotationColor;
  readonly note: string;
  readonly tags: readonly string[];
}

export interface NoteFormProps {
  /** The passage the note is about (shown, not editable). */
  quote: string;
  initial: NoteValues;
  /** Where the unsaved text is kept when the form closes without saving (see note-drafts). */
  draftKey: string;
  /** Resolves with the store's answer; on failure the form stays with the reader's text. */
  onSave: (values: NoteValues) => Promise<SaveResult | EditResult>;
  /** Closed: saved, cancelled (draft forgotten) or Escape (draft kept). */
  onClose: () => void;
  /** The stored note changed or was deleted (in another tab) since the form opened. */
  elsewhere?: 'unchanged' | 'changed' | 'deleted';
  /** Beside the text (popover, margin, a card): Escape is the form's own, the quote is short. */
  compact?: boolean;
}

const sameValues = (a: NoteValues, b: NoteValues) => a.color === b.color && a.note === b.note && a.tags.join('\u0000') === b.tags.join('\u0000');

/**
 * Write or edit a note: plain text in either direction, tags, colour. Ctrl/Cmd+Enter saves from any
 * field; Escape closes and keeps what was typed as a draft; Cancel forgets it.
 */
export function NoteForm({ quote, initial, draftKey, onSave, onClose, elsewhere, compact = false }: NoteFormProps) {
  const { t } = useTranslation('annotations');
  const formatNumber = useFormatNumber();
  const id = useId();
  const [start] = useState(() => getDraft(draftKey) ?? initial);
  const [color, setColor] = useState<AnnotationColor>(start.color);
  const [note, setNote] = useState(start.note);
  const [tags, setTags] = useState(start.tags.join('، '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const atLimit = note.length >= LIMITS.note;
  const textRef = useRef<HTMLTextAreaElement>(null);

  // What is typed is a draft until saved (kept only when it differs from the saved note).
  useEffect(() => {
    const values = { color, note, tags: parseTagInput(tags) };
    if (sameValues(values, initial)) forgetDraft(draftKey);
    else keepDraft(draftKey, values);
  }, [color, note, tags, initial, draftKey]);

  // Writing starts at once, the caret at the end of a draft brought back. (Focused here, after the
  // margin has placed and shown the form: autoFocus alone would fire while it is still hidden.)
  useEffect(() => {
    const text = textRef.current;
    if (!text) return;
    if (!text.closest('form')?.contains(document.activeElement)) text.focus({ preventScroll: true });
    text.setSelectionRange(text.value.length, text.value.length);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await onSave({ color, note: note.replace(/\s+$/u, ''), tags: parseTagInput(tags) });
      if (result.ok) {
        forgetDraft(draftKey);
        onClose();
      } else setError(t(`errors.${result.reason}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className={`note-editor${compact ? ' note-editor--compact' : ''}`}
      data-form="note"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        } else if (e.key === 'Escape' && compact) {
          // Closes the form alone (not a panel around it); the text stays as a draft.
          e.preventDefault();
          e.stopPropagation();
          onClose();
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
          ref={textRef}
          id={`${id}-note`}
          name="note"
          dir="auto"
          rows={compact ? 4 : 6}
          maxLength={LIMITS.note}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-keys${atLimit ? ` ${id}-note-limit` : ''}`}
          autoFocus
          data-autofocus=""
        />
        {/* The textarea cuts a longer paste at the limit; say so rather than drop text silently. */}
        {atLimit && (
          <span className="field-hint form-error" id={`${id}-note-limit`} role="status" data-note-limit="">
            {t('editor.limitReached', { count: LIMITS.note, formattedCount: formatNumber(LIMITS.note) })}
          </span>
        )}
        <span className="field-hint" id={`${id}-keys`}>
          {t('editor.keys')}
        </span>
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
      <FormActions
        cancelLabel={t('common:cancel')}
        onCancel={() => {
          forgetDraft(draftKey);
          onClose();
        }}
        submitLabel={t('editor.save')}
        busy={busy}
        submitAction="save-note"
      />
    </form>
  );
}
