import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/600.css';
import './app/styles.css';
import './features/reader/reader.css';
import './features/library/library.css';
import './features/settings/settings.css';
import './features/sharing/sharing.css';
import './features/annotations/annotations.css';
import './features/entities/entities.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Providers } from './app/providers';
import { readSettings, resolveUiLanguage } from './core/settings/settings';
import { getStore } from './core/storage/storage';
import { initI18n } from './i18n/i18n';

async function start(): Promise<void> {
  const settings = readSettings(getStore());
  await initI18n(resolveUiLanguage(settings.uiLanguage, navigator.languages ?? [navigator.language]));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void start();
