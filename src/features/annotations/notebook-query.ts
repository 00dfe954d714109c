import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Annotation } from '../../core/annotations/annotation';
import { listAllAnnotations } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import { bundledArticleUrl, MANIFEST_PATH, parseManifest } from '../../core/article/bundled';
import { parseBundledArticle } from '../../core/article/parse-text';
import { listSummaries } from '../../core/article/article-store';
import type { IdbStore } from '../../core/storage/idb-store';
import type { Store } from '../../core/storage/storage';
import { annotationKeys } from './query-keys';
import { useIdbStore, useStore } from '../../shared/store-context';

export interface NotebookGroup {
  readonly articleId: string;
  /** Null when the article is no longer in this browser (its notes are still shown). */
  readonly article: Pick<Article, 'id' | 'title' | 'dateline' | 'dir' | 'lang'> | null;
  readonly annotations: readonly Annotation[];
}

async function bundledTitles(ids: readonly string[]): Promise<Map<string, Article>> {
  const found = new Map<string, Article>();
  if (ids.length === 0) return found;
  try {
    const response = await fetch(MANIFEST_PATH);
    if (!response.ok) return found;
    const entries = parseManifest(await response.json()).filter((e) => ids.includes(e.id));
    await Promise.all(
      entries.map(async (entry) => {
        const text = await fetch(bundledArticleUrl(entry)).then((r) => (r.ok ? r.text() : null));
        if (text !== null) found.set(entry.id, parseBundledArticle(entry, text));
      }),
    );
  } catch {
    // Offline or broken manifest: the groups are shown without their titles.
  }
  return found;
}

/** Every note of every article, grouped by article (most recently annotated first). */
export async function fetchNotebook(store: Store, db: IdbStore): Promise<NotebookGroup[]> {
  const byArticle = new Map<string, Annotation[]>();
  for (const a of listAllAnnotations(store)) {
    const group = byArticle.get(a.articleId);
    if (group) group.push(a);
    else byArticle.set(a.articleId, [a]);
  }
  const imported = new Map((await listSummaries(db)).map((s) => [s.id, s]));
  const missing = [...byArticle.keys()].filter((id) => !imported.has(id));
  const bundled = await bundledTitles(missing);
  const groups = [...byArticle].map(([articleId, annotations]): NotebookGroup => {
    const article = imported.get(articleId) ?? bundled.get(articleId) ?? null;
    return { articleId, article, annotations };
  });
  const latest = (g: NotebookGroup) => g.annotations.reduce((m, a) => (a.modified > m ? a.modified : m), '');
  return groups.sort((a, b) => latest(b).localeCompare(latest(a)));
}

export const notebookQueryOptions = (store: Store, db: IdbStore) =>
  queryOptions({ queryKey: annotationKeys.notebook(), queryFn: () => fetchNotebook(store, db), staleTime: 0 });

export function useNotebook() {
  const store = useStore();
  const db = useIdbStore();
  return useQuery(notebookQueryOptions(store, db));
}
