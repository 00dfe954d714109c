import { queryOptions, useQuery } from '@tanstack/react-query';
import modelUrl from 'arabic-ner/model.bin?url';
import { listAnnotations } from '../../core/annotations/annotation-store';
import type { Article } from '../../core/article/article';
import { bundledArticleUrl, MANIFEST_PATH, parseManifest } from '../../core/article/bundled';
import { parseBundledArticle } from '../../core/article/parse-text';
import { articleRevision, getImported, listSummaries } from '../../core/article/article-store';
import { readCorrections, readPersonalLists } from '../../core/entities/correction-store';
import { articleMentions, articlesByEntity, entitiesRecordSpec, mergeLibraryEntities, type ArticleRef, type CachedMention, type LibraryEntity, type Tag } from '../../core/library/library-entities';
import type { IdbStore } from '../../core/storage/idb-store';
import type { Store } from '../../core/storage/storage';
import { nameKeys } from './query-keys';
import { useIdbStore, useStore } from '../../shared/store-context';
import { createValueStore, useValueStore } from '../../shared/value-store';

export interface LibraryEntities {
  readonly entities: readonly LibraryEntity[];
  readonly byKey: ReadonlyMap<string, LibraryEntity>;
  readonly articles: ReadonlyMap<string, ArticleRef>;
  /** Articles whose names could not be found (the tagger failed on them). */
  readonly failed: number;
}

/** The bundled articles (static files), fetched like the library does; none when offline. */
async function bundledArticles(): Promise<Article[]> {
  try {
    const response = await fetch(MANIFEST_PATH);
    if (!response.ok) return [];
    const entries = parseManifest(await response.json());
    const texts = await Promise.all(entries.map((e) => fetch(bundledArticleUrl(e)).then((r) => (r.ok ? r.text() : null))));
    return entries.flatMap((entry, i) => (texts[i] ? [parseBundledArticle(entry, texts[i])] : []));
  } catch {
    return [];
  }
}

/** How far the names of the library have been read: articles done of total (null when idle). */
export const namesProgress = createValueStore<{ done: number; total: number } | null>(null);

/**
 * Every article's names (cached ones as they are, the others tagged now), merged by grouping key.
 * Tagging a large library takes a while; `namesProgress` says how far it is.
 */
export async function fetchLibraryEntities(store: Store, db: IdbStore, tag: Tag): Promise<LibraryEntities> {
  const lists = readPersonalLists(store);
  const [summaries, bundled, cachedList] = await Promise.all([listSummaries(db), bundledArticles(), db.getAll(entitiesRecordSpec)]);
  const cached = new Map(cachedList.map(({ id, value }) => [id, value]));
  const sources = [
    ...summaries.map((s) => ({
      ref: { id: s.id, title: s.title, lang: s.lang, dir: s.dir, date: s.published ?? s.importedAt.slice(0, 10) },
      revision: s.revision,
      load: async () => (await getImported(db, s.id))?.article,
    })),
    ...bundled
      .filter((a) => !summaries.some((s) => s.id === a.id))
      .map((a) => ({ ref: { id: a.id, title: a.title, lang: a.lang, dir: a.dir, ...(a.dateline?.date ? { date: a.dateline.date } : {}) }, revision: articleRevision(a), load: async () => a })),
  ];
  const perArticle: Array<{ articleId: string; mentions: readonly CachedMention[] }> = [];
  let failed = 0;
  namesProgress.set({ done: 0, total: sources.length });
  try {
    for (const [i, source] of sources.entries()) {
      const context = { lists, corrections: readCorrections(store, source.ref.id), modelId: modelUrl };
      try {
        // A summary without a text revision (older record): load the article to compute it.
        const textRevision = source.revision ?? articleRevision((await source.load()) ?? { blocks: [] });
        const mentions = await articleMentions(db, tag, { id: source.ref.id, textRevision, load: source.load }, context, cached.get(source.ref.id));
        if (mentions) perArticle.push({ articleId: source.ref.id, mentions });
      } catch {
        failed += 1;
      }
      if (i % 10 === 9) namesProgress.set({ done: i + 1, total: sources.length });
    }
  } finally {
    namesProgress.set(null);
  }
  const entities = mergeLibraryEntities(perArticle);
  return { entities, byKey: new Map(entities.map((e) => [e.key, e])), articles: new Map(sources.map((s) => [s.ref.id, s.ref])), failed };
}

export const libraryEntitiesQueryOptions = (store: Store, db: IdbStore, tag: Tag) =>
  queryOptions({ queryKey: nameKeys.library(), queryFn: () => fetchLibraryEntities(store, db, tag), staleTime: 60_000, retry: 0 });

export function useLibraryEntities(tag: Tag) {
  return useQuery(libraryEntitiesQueryOptions(useStore(), useIdbStore(), tag));
}

export function useNamesProgress() {
  return useValueStore(namesProgress);
}

/** One article in full and its notes (for the entity page's mentions in context). */
export async function fetchEntityArticle(store: Store, db: IdbStore, id: string): Promise<{ article: Article | undefined; notes: ReturnType<typeof listAnnotations> }> {
  const article = (await getImported(db, id))?.article ?? (await bundledArticles()).find((a) => a.id === id);
  return { article, notes: listAnnotations(store, id) };
}

export function useEntityArticle(id: string) {
  const store = useStore();
  const db = useIdbStore();
  return useQuery({ queryKey: nameKeys.article(id), queryFn: () => fetchEntityArticle(store, db, id), staleTime: 60_000 });
}

/** For the reader's mention card: which articles name each entity, from the cache only. */
export function useArticlesByEntity() {
  const db = useIdbStore();
  return useQuery({
    queryKey: nameKeys.byEntity(),
    queryFn: () => articlesByEntity(db),
    staleTime: 60_000,
    // While some article's names are not cached yet, ask again each time a card opens: the names
    // page may have filled the cache since.
    refetchOnMount: (query) => (query.state.data?.complete === true ? true : 'always'),
  });
}
