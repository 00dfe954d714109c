/// <reference lib="webworker" />
// Worker entry: the package's dispatcher of typed tag requests to its pure engine.
import { serveTagRequests } from 'arabic-ner';

serveTagRequests(self as unknown as DedicatedWorkerGlobalScope);
