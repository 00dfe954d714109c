import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../core/settings/settings-store';

/**
 * UI strings live in src/i18n/locales/<lang>/<namespace>.json, one namespace per feature.
 * Arabic (the default) ships in the main bundle; other languages are fetched when chosen.
 */
export const NAMESPACES = ['common', 'library', 'reader', 'settings', 'entities', 'annotations', 'sharing', 'errors', 'names', 'import', 'sync'] as const;

type Resources = Record<string, unknown>;
const arabic = import.meta.glob<Resources>('./locales/ar/*.json', { eager: true, import: 'default' });
const lazy = import.meta.glob<Resources>('./locales/en/*.json', { import: 'default' });

const localeBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const path = `./locales/${language}/${namespace}.json`;
    const eager = arabic[path];
    if (eager) return callback(null, eager);
    const load = lazy[path];
    if (!load) return callback(null, {});
    load().then(
      (resources) => callback(null, resources),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The one place that sets <html lang dir>: it follows the UI language. */
function applyDocumentLanguage(language: string): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  root.lang = language;
  root.dir = i18next.dir(language);
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', applyDocumentLanguage);
    await i18next
      .use(localeBackend)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: 'ar',
        supportedLngs: ['ar', 'en'],
        ns: [...NAMESPACES],
        defaultNS: 'common',
        // Storage and failure messages shared by every feature (errors.<reason>, storage.<problem>) live in 'errors'.
        fallbackNS: 'errors',
        interpolation: { escapeValue: false }, // React escapes
        returnNull: false,
        react: { useSuspense: true },
      });
    applyDocumentLanguage(language);
  } else if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
  return i18next;
}

export { i18next };
