// The app's tagger: the package's worker client (lazy model in a module worker, main-thread
// fallback, typed errors) with the model file bundled as an asset, and the reader's grouping of
// the spans into entities.
import modelUrl from 'arabic-ner/model.bin?url';
import { createTaggerClient as createNerClient, type TaggerClientOptions, type WorkerLike } from 'arabic-ner';
import { groupMentions, type TagOptions, type TagResult } from './entities.ts';

export { TaggerError, type TaggerErrorCode, type WorkerLike } from 'arabic-ner';

export interface TaggerClient {
  tag(texts: readonly string[], options?: TagOptions): Promise<TagResult>;
  dispose(): void;
}

function defaultCreateWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./tagger.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Performance measures "hashiya:tag" and "hashiya:tag-worker" per request (scripts/bench.ts reads them). */
export function createTaggerClient(opts: Partial<TaggerClientOptions> = {}): TaggerClient {
  const client = createNerClient({ modelUrl, createWorker: defaultCreateWorker, measure: 'hashiya:tag', ...opts });
  return {
    tag: (texts, options) => client.tag(texts, options).then(groupMentions),
    dispose: () => client.dispose(),
  };
}
