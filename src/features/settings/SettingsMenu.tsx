import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberFocus, returnFocus } from '../../shared/focus-return';

// The panel's code comes when the menu first opens: the first page needs only the button.
const SettingsPanel = lazy(() => import('./SettingsPanel'));

/** Reading settings: a disclosure panel in the top bar; `extra` goes at its foot (the Sync entry). */
export function SettingsMenu({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const opener = rememberFocus(buttonRef.current);
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        returnFocus(opener);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="settings-menu" ref={rootRef}>
      <button ref={buttonRef} type="button" className="button button--ghost" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} data-action="settings">
        <span aria-hidden="true">Aa</span>
        <span className="visually-hidden">{t('title')}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SettingsPanel id={panelId} extra={extra} />
        </Suspense>
      )}
    </div>
  );
}
