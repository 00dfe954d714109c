import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_SPACINGS, TEXT_SIZES, THEMES, UI_LANGUAGES } from '../../core/settings/settings-store';
import { useSettings, useUpdateSettings } from './use-settings';

interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  value: T | null;
  label: (option: T) => string;
  onChange: (option: T) => void;
  /** Options that are language names: each carries its lang and a data-language hook. */
  languageTagged?: boolean;
}

/** A row of radio buttons shown as a segmented control. */
function Choice<T extends string>({ legend, name, options, value, label, onChange, languageTagged = false }: ChoiceProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="segmented">
        {options.map((option) => (
          <label key={option} className="segmented-option" lang={languageTagged ? option : undefined}>
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} data-language={languageTagged ? option : undefined} />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The settings menu's panel (loaded when the menu first opens): theme, text size, spacing, language. */
export default function SettingsPanel({ id, extra }: { id: string; extra?: ReactNode }) {
  const { t, i18n } = useTranslation('settings');
  const settings = useSettings();
  // Before the reader chooses, the language in effect (the browser's) is shown as chosen.
  const shownLanguage = settings.uiLanguage ?? UI_LANGUAGES.find((language) => language === i18n.language) ?? null;
  const set = useUpdateSettings();
  const size = settings.textSizeIndex;
  return (
    <div id={id} className="settings-panel" role="group" aria-label={t('title')}>
      <Choice legend={t('theme.label')} name="theme" options={THEMES} value={settings.theme} label={(theme) => t(`theme.${theme}`)} onChange={(theme) => set({ theme })} />
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
      <Choice legend={t('lineSpacing.label')} name="line-spacing" options={LINE_SPACINGS} value={settings.lineSpacing} label={(spacing) => t(`lineSpacing.${spacing}`)} onChange={(lineSpacing) => set({ lineSpacing })} />
      <Choice legend={t('language.label')} name="ui-language" options={UI_LANGUAGES} value={shownLanguage} label={(language) => t(`language.${language}`)} onChange={(uiLanguage) => set({ uiLanguage })} languageTagged />
      {extra}
    </div>
  );
}
