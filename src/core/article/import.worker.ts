/// <reference lib="webworker" />
// Worker entry: every import (file, paste, bookmarklet page, share) is read, parsed and cut to
// plain-text blocks here, so a big or hostile page never blocks the page or reaches its DOM.
import { runImport } from './import-run';
import type { ImportRequest, ImportResponse } from './import-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const send = (message: ImportResponse) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const result = await runImport(event.data, (stage) => send({ type: 'stage', stage }));
  send({ type: 'done', result });
};
