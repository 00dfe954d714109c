import { useEffect, useState, type ComponentType } from 'react';
import type { Route } from '../core/links/routes';
import { loadScreenStrings } from '../i18n/i18n';

/**
 * Every screen loads on demand, the library too (so that an article's first page carries no library
 * or import code, and the library's none of the reader's). They are not React.lazy + Suspense: React
 * holds a revealed Suspense boundary back for up to 300 ms, which would delay the first paint.
 * Instead main.tsx preloads the module of the route the page opens on, and later navigations
 * show a short loading line until the module arrives.
 */
const loaders = {
  library: () => import('../features/library/LibraryPage').then((m) => m.LibraryPage as ComponentType<never>),
  reader: () => import('./ReaderScreen').then((m) => m.ReaderScreen as ComponentType<never>),
  notebook: () => import('../features/annotations/NotebookPage').then((m) => m.NotebookPage as ComponentType<never>),
  shared: () => import('./SharedArticleScreen').then((m) => m.SharedArticleScreen as ComponentType<never>),
  names: () => import('./NamesScreen').then((m) => m.NamesScreen as ComponentType<never>),
};

export type RouteModule = keyof typeof loaders;

const loaded = new Map<RouteModule, ComponentType<never>>();
const pending = new Map<RouteModule, Promise<ComponentType<never>>>();

export function moduleForRoute(route: Route): RouteModule | null {
  switch (route.name) {
    case 'library':
      return 'library';
    case 'article':
      return 'reader';
    case 'notebook':
      return 'notebook';
    case 'shared':
      return 'shared';
    case 'names':
    case 'entity':
      return 'names';
    default:
      return null;
  }
}

export function loadRouteModule(name: RouteModule): Promise<ComponentType<never>> {
  let promise = pending.get(name);
  if (!promise) {
    // A screen's strings and the features' styles come with its code (the entry carries only the shell's).
    promise = Promise.all([loaders[name](), loadScreenStrings(), import('./screen-styles')]).then(([component]) => {
      loaded.set(name, component);
      return component;
    });
    pending.set(name, promise);
  }
  return promise;
}

/** The screen component once its module is loaded, else null (and the load is started). */
export function useRouteModule(name: RouteModule | null): ComponentType<never> | null {
  const [, setVersion] = useState(0);
  const component = name ? loaded.get(name) : undefined;
  useEffect(() => {
    if (!name || component) return;
    let active = true;
    void loadRouteModule(name).then(() => active && setVersion((v) => v + 1));
    return () => {
      active = false;
    };
  }, [name, component]);
  return component ?? null;
}
