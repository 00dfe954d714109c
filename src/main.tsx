// First: the window that opened this tab, before anything else can become its opener.
import './shared/launch-opener';
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
import './features/names/names.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { adoptEntityTypeStyles } from './app/entity-type-styles';
import { openSampleOnFirstVisit } from './app/first-visit';
import { createQueryClient, Providers } from './app/providers';
import { loadRouteModule, moduleForRoute } from './app/route-modules';
import { parseRoute } from './core/links/routes';
import { articleQueryOptions, prefetchArticleSources } from './features/library/article-query';
import { manifestQueryOptions } from './features/library/bundled-articles-query';
import { readSettings, resolveUiLanguage } from './core/settings/settings-store';
import { getStore } from './core/storage/storage';
import { getIdbStore } from './core/storage/idb-store';
import { migrateLegacyArticles } from './core/article/article-store';
import { initI18n } from './i18n/i18n';

async function start(): Promise<void> {
  const client = createQueryClient();
  // The bundled articles' list is the first request: an article's text (and a first visit) waits on it.
  void client.prefetchQuery(manifestQueryOptions());
  const store = getStore();
  const db = getIdbStore();
  const settings = readSettings(store);
  // Articles kept in localStorage by earlier versions move to IndexedDB before anything reads them.
  const migrated = migrateLegacyArticles(store, db).catch(() => undefined);
  await openSampleOnFirstVisit(store, client);
  // Everything the first screen needs starts at once: strings, the screen's code, the article.
  const route = parseRoute(window.location.hash);
  const screen = moduleForRoute(route);
  if (route.name === 'article') {
    prefetchArticleSources(client, route.articleId);
    void migrated.then(() => client.prefetchQuery(articleQueryOptions(db, route.articleId)));
  }
  await Promise.all([
    initI18n(resolveUiLanguage(settings.uiLanguage, navigator.languages ?? [navigator.language])),
    screen ? loadRouteModule(screen).catch(() => undefined) : undefined,
    migrated,
  ]);
  adoptEntityTypeStyles();
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
