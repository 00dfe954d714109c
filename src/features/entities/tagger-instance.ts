import { createTaggerClient, type TaggerClient } from '../../core/entities/tagger-client';

let client: TaggerClient | null = null;

/** One tagger (one worker, one loaded model) for the whole app, created on first use. */
export function getTagger(): TaggerClient {
  client ??= createTaggerClient();
  return client;
}

/** Tests and the benchmark swap the tagger. */
export function setTagger(next: TaggerClient | null): void {
  client?.dispose();
  client = next;
}
