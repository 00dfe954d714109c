import type { QueryClient } from '@tanstack/react-query';
import { routeToHash } from '../core/links/routes';
import { progressSpec } from '../core/settings/progress-store';
import type { Store } from '../core/storage/storage';
import { manifestQueryOptions } from '../features/library/bundled-articles-query';

/**
 * A first visit opens the sample (the first bundled article) rather than an almost empty library:
 * the app's address with no route, in a browser where nothing has been read yet. Any other address,
 * `#/` included, opens what it names.
 */
export async function openSampleOnFirstVisit(store: Store, client: QueryClient): Promise<void> {
  if (window.location.hash !== '' && window.location.hash !== '#') return;
  if (Object.keys(store.readCollection(progressSpec)).length > 0) return;
  const manifest = await client.fetchQuery(manifestQueryOptions()).catch(() => []);
  const sample = manifest[0];
  if (!sample) return;
  window.history.replaceState(window.history.state, '', routeToHash({ name: 'article', articleId: sample.id }));
}
