import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../core/settings/settings-store';
import { formatLocale } from '../core/text/format-locale';
import arabicCommon from './locales/ar/common.json';
import arabicErrors from './locales/ar/errors.json';

/**
 * UI strings live in src/i18n/locales/<lang>/<namespace>.json, one namespace per feature. The page
 * shell's Arabic strings (common, errors) ship in the entry; every other Arabic namespace comes in
 * one chunk with the first screen's code (loadScreenStrings), and English in one chunk when chosen.
 */
export const NAMESPACES = ['common', 'library', 'reader', 'settings', 'entities', 'annotations', 'sharing', 'errors', 'names', 'import', 'sync'] as const;

/** What the shell (header, messages, error pages) shows before any screen's code is there. */
const SHELL_NAMESPACES = ['common', 'errors'] as const;

type Resources = Record<string, unknown>;
const shellArabic: Readonly<Record<string, Resources>> = { common: arabicCommon, errors: arabicErrors };
const chunks: Readonly<Record<string, () => Promise<{ resources: Readonly<Record<string, Resources>> }>>> = {
  ar: () => import('./arabic-rest'),
  en: () => import('./english'),
};

const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const shell = language === 'ar' ? shellArabic[namespace] : undefined;
    if (shell) return callback(null, shell);
    const load = chunks[language];
    if (!load) return callback(null, {});
    load().then(
      ({ resources }) => callback(null, resources[namespace] ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

let initialised: Promise<unknown> | null = null;

/** Every namespace of the current language: a screen's code waits for these before it shows. */
export async function loadScreenStrings(): Promise<void> {
  // Asked for at start-up alongside initI18n: the language is known once it has run.
  await initialised;
  await i18next.loadNamespaces([...NAMESPACES]);
}

/** The one place that sets <html lang dir>: it follows the UI language. */
function applyDocumentLanguage(language: string): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  root.lang = language;
  root.dir = i18next.dir(language);
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  if (!i18next.isInitialized && !initialised) {
    i18next.on('languageChanged', applyDocumentLanguage);
    initialised = i18next
      .use(localeBackend)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: 'ar',
        supportedLngs: ['ar', 'en'],
        ns: [...SHELL_NAMESPACES],
        defaultNS: 'common',
        // Storage and failure messages shared by every feature (errors.<reason>, storage.<problem>) live in 'errors'.
        fallbackNS: 'errors',
        interpolation: { escapeValue: false }, // React escapes
        returnNull: false,
        react: { useSuspense: true },
      });
    await initialised;
    // {{count, number}} in the strings: the same digits in every engine (see formatLocale).
    i18next.services.formatter?.addCached('number', (lng, options: Intl.NumberFormatOptions) => {
      const format = new Intl.NumberFormat(formatLocale(lng ?? language), options);
      return (value: number) => format.format(value);
    });
    applyDocumentLanguage(language);
  } else {
    await initialised;
    if (i18next.language !== language) await i18next.changeLanguage(language);
  }
  return i18next;
}

export { i18next };
