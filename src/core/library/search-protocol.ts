// Typed messages between the search client and its worker.
import type { Article } from '../article/article';
import type { SearchHit } from './search-index';

export type SearchRequest =
  | { id: number; type: 'sync' }
  | { id: number; type: 'refresh'; ids: string[] }
  | { id: number; type: 'add'; articles: Article[] }
  | { id: number; type: 'search'; query: string; limit: number };

export type SearchResponse =
  | { id: number; type: 'synced'; articles: number; ms: number }
  | { id: number; type: 'done' }
  /** ms: the worker's own time for the query. */
  | { id: number; type: 'hits'; hits: SearchHit[]; ms: number }
  | { id: number; type: 'error'; message: string };
