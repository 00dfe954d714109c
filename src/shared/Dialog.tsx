import { useEffect, useId, useRef, type ReactNode } from 'react';
import { rememberFocus, returnFocus } from './focus-return';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  closeLabel: string;
  /** Extra attributes for automation. */
  testId?: string;
}

/**
 * A modal on the native <dialog>: focus is trapped and Escape closes it for free; focus returns to
 * whatever had it before the dialog opened (with its ring only if the dialog was opened from the keyboard).
 */
export function Dialog({ open, title, onClose, children, footer, closeLabel, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = rememberFocus();
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // showModal focuses the first control; React's autoFocus sets no attribute, so mark the field to start in.
    // Without scrolling: a dialog is read from its top even when its marked control is lower down.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus({ preventScroll: true });
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus(opener);
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-modal="true" data-dialog={testId}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose} aria-label={closeLabel}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </dialog>
  );
}

/** The cancel and submit buttons at the foot of a form inside a dialog. */
export function FormActions({ cancelLabel, onCancel, submitLabel, busy, submitAction }: { cancelLabel: string; onCancel: () => void; submitLabel: string; busy: boolean; submitAction: string }) {
  return (
    <div className="dialog-footer" style={{ paddingInline: 0 }}>
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="submit" className="button button--primary" disabled={busy} data-action={submitAction}>
        {submitLabel}
      </button>
    </div>
  );
}
