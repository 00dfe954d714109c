import { useSyncExternalStore } from 'react';
import { parseRoute, routeToHash, type Route } from '../core/links/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const currentHash = () => window.location.hash;

/** The current hash route; re-renders on navigation. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}

export function navigate(route: Route): void {
  window.location.hash = routeToHash(route);
}
