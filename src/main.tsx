// First: the window that opened this tab, before anything else can become its opener.
import './shared/launch-opener';
// The fonts' Arabic and Latin subsets (their math and symbols subsets are not a news reader's: the
// system's fonts cover those rare characters).
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/latin-400.css';
import '@fontsource/noto-naskh-arabic/latin-ext-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-naskh-arabic/latin-700.css';
import '@fontsource/noto-naskh-arabic/latin-ext-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/latin-400.css';
import '@fontsource/noto-sans-arabic/latin-ext-400.css';
import '@fontsource/noto-sans-arabic/arabic-600.css';
import '@fontsource/noto-sans-arabic/latin-600.css';
import '@fontsource/noto-sans-arabic/latin-ext-600.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openSampleOnFirstVisit } from './app/first-visit';
import { createQueryClient, Providers } from './app/providers';
import { loadRouteModule, moduleForRoute } from './app/route-modules';
import { parseRoute } from './core/links/routes';
import { manifestQueryOptions, prefetchArticleSources } from './features/library/bundled-articles-query';
import { readSettings, resolveUiLanguage } from './core/settings/settings-store';
import { getStore } from './core/storage/storage';
import { initI18n } from './i18n/i18n';
import { rangePaintSupported } from './shared/range-paint';

async function start(): Promise<void> {
  // Highlights are painted as ranges where the browser can (the CSS keys on this attribute);
  // elsewhere their whole-word elements paint themselves.
  document.documentElement.toggleAttribute('data-range-paint', rangePaintSupported());
  const client = createQueryClient();
  // The bundled articles' list is the first request: an article's text (and a first visit) waits on it.
  void client.prefetchQuery(manifestQueryOptions());
  const store = getStore();
  const settings = readSettings(store);
  // The IndexedDB store, the article store and the parser come in chunks asked for at once, beside
  // the first screen's code (the page shell does not need them to start).
  const opened = import('./core/storage/idb-store').then(({ getIdbStore }) => getIdbStore());
  // Articles kept in localStorage by earlier versions move to IndexedDB before anything reads them.
  const migrated = Promise.all([import('./core/article/article-store'), opened])
    .then(([{ migrateLegacyArticles }, db]) => migrateLegacyArticles(store, db))
    .catch(() => undefined);
  await openSampleOnFirstVisit(store, client);
  // Everything the first screen needs starts at once: strings, the screen's code, the article.
  const route = parseRoute(window.location.hash);
  const screen = moduleForRoute(route);
  if (route.name === 'article') {
    prefetchArticleSources(client, route.articleId);
    const articleId = route.articleId;
    void Promise.all([import('./features/library/article-query'), opened, migrated])
      .then(([{ articleQueryOptions }, db]) => client.prefetchQuery(articleQueryOptions(db, articleId)))
      .catch(() => undefined); // the reader's own query reports it
  }
  const [db] = await Promise.all([
    opened,
    initI18n(resolveUiLanguage(settings.uiLanguage, navigator.languages ?? [navigator.language])),
    screen ? loadRouteModule(screen).catch(() => undefined) : undefined,
    migrated,
  ]);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <Providers store={store} db={db} client={client}>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void start();
