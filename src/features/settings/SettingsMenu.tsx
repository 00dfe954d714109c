import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_SPACINGS, TEXT_SIZES, THEMES, UI_LANGUAGES } from '../../core/settings/settings';
import { useSettings, useUpdateSettings } from './settings-store';

/** Reading settings: a disclosure panel in the top bar. */
export function SettingsMenu() {
  const { t } = useTranslation('settings');
  const settings = useSettings();
  const set = useUpdateSettings();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const size = settings.textSizeIndex;

  return (
    <div className="settings-menu" ref={rootRef}>
      <button ref={buttonRef} type="button" className="button button--ghost" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} data-action="settings">
        <span aria-hidden="true">Aa</span>
        <span className="visually-hidden">{t('title')}</span>
      </button>
      {open && (
        <div id={panelId} className="settings-panel" role="group" aria-label={t('title')}>
          <fieldset>
            <legend>{t('theme.label')}</legend>
            <div className="segmented">
              {THEMES.map((theme) => (
                <label key={theme} className="segmented-option">
                  <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => set({ theme })} />
                  <span>{t(`theme.${theme}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('textSize.label')}</legend>
            <div className="stepper">
              <button type="button" className="button" onClick={() => set({ textSizeIndex: size - 1 })} disabled={size <= 0} aria-label={t('textSize.smaller')}>
                <span aria-hidden="true" style={{ fontSize: '0.8em' }}>أ-</span>
              </button>
              <output aria-live="polite">{t('textSize.value', { size: TEXT_SIZES[size] })}</output>
              <button type="button" className="button" onClick={() => set({ textSizeIndex: size + 1 })} disabled={size >= TEXT_SIZES.length - 1} aria-label={t('textSize.larger')}>
                <span aria-hidden="true" style={{ fontSize: '1.2em' }}>أ+</span>
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('lineSpacing.label')}</legend>
            <div className="segmented">
              {LINE_SPACINGS.map((lineSpacing) => (
                <label key={lineSpacing} className="segmented-option">
                  <input type="radio" name="line-spacing" value={lineSpacing} checked={settings.lineSpacing === lineSpacing} onChange={() => set({ lineSpacing })} />
                  <span>{t(`lineSpacing.${lineSpacing}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('language.label')}</legend>
            <div className="segmented">
              {UI_LANGUAGES.map((language) => (
                <label key={language} className="segmented-option" lang={language}>
                  <input type="radio" name="ui-language" value={language} checked={settings.uiLanguage === language} onChange={() => set({ uiLanguage: language })} data-language={language} />
                  <span>{t(`language.${language}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      )}
    </div>
  );
}
