import { readFileSync } from 'node:fs';
import { createTaggerClient, type WorkerLike } from '../src/client.ts';
import { createEngine, serveTagRequests, type WorkerScope } from '../src/engine.ts';
import { TaggerError, type TagRequest, type TagResponse } from '../src/protocol.ts';
import { MODEL_PATH } from './paths.ts';

const bytes = readFileSync(MODEL_PATH);
const fetchBytes = async (): Promise<ArrayBuffer> => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const TEXT = ['قال الرئيس الروسي فلاديمير بوتين إن روسيا وإيران شريكتان.'];
const MODEL_URL = 'https://example.org/app/ner-model.bin';

/** A fake worker whose "global scope" runs the real serveTagRequests, asynchronously, like a worker file does. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<TagResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  terminated = false;
  received: TagRequest[] = [];
  private scope: WorkerScope = { onmessage: null, postMessage: (m) => setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<TagResponse>), 0) };
  constructor(private mode: 'ok' | 'crash' | 'silent' | 'fetch-error' = 'ok') {
    serveTagRequests(this.scope, createEngine(mode === 'fetch-error' ? () => Promise.reject(new Error('HTTP 404')) : fetchBytes));
  }
  postMessage(req: TagRequest): void {
    this.received.push(req);
    setTimeout(() => {
      if (this.mode === 'crash') { this.onerror?.(new Event('error')); return; }
      if (this.mode === 'silent') return;
      this.scope.onmessage?.({ data: req } as MessageEvent<TagRequest>);
    }, 0);
  }
  terminate(): void { this.terminated = true; }
}

describe('tagger client', () => {
  it('tags through the worker, passing the model URL, and reuses one worker', async () => {
    const w = new FakeWorker();
    let created = 0;
    const client = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => { created++; return w; }, fetchBytes: () => Promise.reject(new Error('main thread must not fetch')) });
    const spans = await client.tag(TEXT);
    expect(spans.some((m) => m.text === 'فلاديمير بوتين' && m.type === 'PERS')).toBe(true);
    await client.tag(TEXT);
    expect(created).toBe(1);
    expect(w.received[0]?.modelUrl).toBe(MODEL_URL);
    client.dispose();
    expect(w.terminated).toBe(true);
    await expect(client.tag(TEXT)).rejects.toMatchObject({ code: 'worker-unavailable' });
  });
  it('runs on the main thread without a worker', async () => {
    expect((await createTaggerClient({ modelUrl: MODEL_URL, fetchBytes }).tag(TEXT)).length).toBeGreaterThan(0);
    expect((await createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => null, fetchBytes }).tag(TEXT)).length).toBeGreaterThan(0);
  });
  it('falls back when the worker script fails or crashes', async () => {
    const throwing = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => { throw new Error('SecurityError'); }, fetchBytes });
    expect((await throwing.tag(TEXT)).length).toBeGreaterThan(0);
    const crashing = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => new FakeWorker('crash'), fetchBytes });
    expect((await crashing.tag(TEXT)).length).toBeGreaterThan(0);
  });
  it('falls back when the worker never answers', async () => {
    const client = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => new FakeWorker('silent'), fetchBytes, timeoutMs: 50 });
    expect((await client.tag(TEXT)).length).toBeGreaterThan(0);
  });
  it('rejects with a typed error when the model cannot be fetched anywhere', async () => {
    const client = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => new FakeWorker('fetch-error'), fetchBytes: () => Promise.reject(new Error('offline')) });
    const err = await client.tag(TEXT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaggerError);
    expect((err as TaggerError).code).toBe('model-fetch');
  });
  it('rejects a corrupt model with a typed error', async () => {
    const client = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => null, fetchBytes: async () => new ArrayBuffer(8) });
    await expect(client.tag(TEXT)).rejects.toMatchObject({ code: 'model-format' });
  });
  it('leaves performance measures when asked to', async () => {
    const client = createTaggerClient({ modelUrl: MODEL_URL, createWorker: () => new FakeWorker(), fetchBytes, measure: 'test:tag' });
    await client.tag(TEXT);
    expect(performance.getEntriesByName('test:tag')).toHaveLength(1);
    expect(performance.getEntriesByName('test:tag-worker')).toHaveLength(1);
  });
});
