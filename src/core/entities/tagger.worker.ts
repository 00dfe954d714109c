/// <reference lib="webworker" />
// Worker entry: only dispatches typed messages to the pure engine.
import { createEngine } from './engine.ts';
import { TaggerError, type TagRequest, type TagResponse } from './protocol.ts';

const engine = createEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<TagRequest>) => {
  const req = event.data;
  if (req?.type !== 'tag') return;
  const received = performance.now();
  engine.tag(req.modelUrl, req.texts, req.options).then(
    (result) => scope.postMessage({ id: req.id, type: 'result', result, elapsedMs: performance.now() - received } satisfies TagResponse),
    (e: unknown) => {
      const code = e instanceof TaggerError ? e.code : 'internal';
      scope.postMessage({ id: req.id, type: 'error', code, message: e instanceof Error ? e.message : String(e) } satisfies TagResponse);
    },
  );
};
