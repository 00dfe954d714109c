import { Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveUiLanguage, TEXT_SIZES, type Settings } from '../core/settings/settings-store';
import { useSettings } from '../features/settings/use-settings';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { useRoute } from '../shared/use-route';
import { routeToHash } from '../core/links/routes';
import { AppHeader } from './AppHeader';
import type { ReaderScreenProps } from './ReaderScreen';
import type { NamesScreenProps } from './NamesScreen';
import { moduleForRoute, useRouteModule } from './route-modules';
import type { SharedArticleScreenProps } from './SharedArticleScreen';
import { StorageProblems } from './StorageProblems';
import { SyncRuntime } from '../features/sync/SyncRuntime';

/** Theme, text size and line spacing apply to the whole document through attributes and variables. */
function useDocumentSettings(settings: Settings): void {
  const { i18n } = useTranslation();
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.dataset.lineSpacing = settings.lineSpacing;
    root.style.setProperty('--text-size', `${TEXT_SIZES[settings.textSizeIndex] ?? 20}px`);
  }, [settings.theme, settings.lineSpacing, settings.textSizeIndex]);
  useEffect(() => {
    const language = resolveUiLanguage(settings.uiLanguage, navigator.languages ?? [navigator.language]);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [settings.uiLanguage, i18n]);
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="notice notice--warning" role="alert">
        {t('notFound')}
      </p>
      <p className="notice">
        <a href="#/">{t('backToLibrary')}</a>
      </p>
    </div>
  );
}

/** The library and the notebook take no props. */
function ScreenWithoutProps({ component }: { component: ComponentType<never> }) {
  const Screen = component as ComponentType<object>;
  return <Screen />;
}

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="page" aria-busy="true">
      {t('loading')}
    </p>
  );
}

function Routes() {
  const route = useRoute();
  // Only the current route's module is loaded; each is typed where it is used.
  const Screen = useRouteModule(moduleForRoute(route));
  switch (route.name) {
    case 'library':
    case 'notebook':
      return (
        <>
          <AppHeader />
          <main id="main">
            {Screen ? <ScreenWithoutProps component={Screen} /> : <Loading />}
          </main>
        </>
      );
    case 'article': {
      if (!Screen) return <Loading />;
      const ReaderScreen = Screen as ComponentType<ReaderScreenProps>;
      return <ReaderScreen key={route.articleId} articleId={route.articleId} blockId={route.blockId} params={route.params} />;
    }
    case 'shared': {
      if (!Screen) return <Loading />;
      const SharedArticleScreen = Screen as ComponentType<SharedArticleScreenProps>;
      return <SharedArticleScreen key={route.params.d ?? ''} params={route.params} />;
    }
    case 'names':
    case 'entity': {
      const NamesScreen = Screen as ComponentType<NamesScreenProps> | null;
      return (
        <>
          <AppHeader />
          <main id="main">{NamesScreen ? <NamesScreen entityKey={route.name === 'entity' ? route.key : undefined} /> : <Loading />}</main>
        </>
      );
    }
    case 'not-found':
      return (
        <>
          <AppHeader />
          <main id="main">
            <NotFound />
          </main>
        </>
      );
  }
}

export function App() {
  const { t } = useTranslation();
  const settings = useSettings();
  const route = useRoute();
  useDocumentSettings(settings);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <StorageProblems />
      <SyncRuntime />
      {/* A screen that fails shows what failed; another route (e.g. the library) works again at once. */}
      <ErrorBoundary kind="page" resetKey={routeToHash(route)}>
        <Suspense fallback={<p className="page" aria-busy="true">{t('loading')}</p>}>
          <Routes />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
