// Model fetching + tagging shared by the worker and the main-thread fallback.
import { tagTexts, type TagOptions, type TagResult } from './entities.ts';
import { loadModel, ModelFormatError, type NerModel } from './model.ts';
import { TaggerError } from './protocol.ts';

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

export const defaultFetchBytes: FetchBytes = async (url) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.arrayBuffer();
};

/** Loads each model URL once; a failed load is forgotten so a later request can retry. */
export function createEngine(fetchBytes: FetchBytes = defaultFetchBytes): { tag(url: string, texts: string[], options?: TagOptions): Promise<TagResult> } {
  const models = new Map<string, Promise<NerModel>>();
  const model = (url: string): Promise<NerModel> => {
    let p = models.get(url);
    if (!p) {
      p = fetchBytes(url).then(
        (bytes) => {
          try {
            return loadModel(bytes);
          } catch (e) {
            throw new TaggerError('model-format', e instanceof ModelFormatError ? e.message : String(e));
          }
        },
        (e: unknown) => {
          throw new TaggerError('model-fetch', `Could not load the entity model: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
      p.catch(() => models.delete(url));
      models.set(url, p);
    }
    return p;
  };
  return {
    async tag(url, texts, options) {
      const m = await model(url);
      return tagTexts(m, texts, options);
    },
  };
}
