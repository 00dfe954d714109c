import { readFileSync } from 'node:fs';
import { MODEL_PATH } from '../../../scripts/ner/conll.ts';
import { createEngine } from '../../../src/core/entities/engine.ts';
import { createTaggerClient, TaggerError, type WorkerLike } from '../../../src/core/entities/tagger-client.ts';
import type { TagRequest, TagResponse } from '../../../src/core/entities/protocol.ts';

const bytes = readFileSync(MODEL_PATH);
const fetchBytes = async (): Promise<ArrayBuffer> => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const TEXT = ['قال الرئيس الروسي فلاديمير بوتين إن روسيا وإيران شريكتان.'];

/** A fake worker that runs the real engine asynchronously, like tagger.worker.ts does. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<TagResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent | Event) => void) | null = null;
  terminated = false;
  received: TagRequest[] = [];
  private engine = createEngine(fetchBytes);
  constructor(private mode: 'ok' | 'crash' | 'silent' | 'fetch-error' = 'ok') {}
  postMessage(req: TagRequest): void {
    this.received.push(req);
    setTimeout(() => {
      if (this.mode === 'crash') { this.onerror?.(new Event('error')); return; }
      if (this.mode === 'silent') return;
      if (this.mode === 'fetch-error') {
        this.onmessage?.({ data: { id: req.id, type: 'error', code: 'model-fetch', message: 'HTTP 404' } } as MessageEvent<TagResponse>);
        return;
      }
      void this.engine.tag(req.modelUrl, req.texts, req.options).then((result) => this.onmessage?.({ data: { id: req.id, type: 'result', result } } as MessageEvent<TagResponse>));
    }, 0);
  }
  terminate(): void { this.terminated = true; }
}

describe('tagger client', () => {
  it('tags through the worker, passing the model URL, and reuses one worker', async () => {
    const w = new FakeWorker();
    let created = 0;
    const client = createTaggerClient({ createWorker: () => { created++; return w; }, fetchBytes: () => Promise.reject(new Error('main thread must not fetch')) });
    const r = await client.tag(TEXT);
    expect(r.mentions.some((m) => m.text === 'فلاديمير بوتين' && m.type === 'PERS')).toBe(true);
    await client.tag(TEXT);
    expect(created).toBe(1);
    expect(w.received[0]?.modelUrl).toMatch(/^https?:\/\/.*ner-model.*\.bin/);
    client.dispose();
    expect(w.terminated).toBe(true);
  });
  it('falls back to the main thread when Worker is unavailable', async () => {
    const client = createTaggerClient({ createWorker: () => null, fetchBytes });
    const r = await client.tag(TEXT);
    expect(r.entities.length).toBeGreaterThan(0);
  });
  it('falls back when the worker script fails or crashes', async () => {
    const throwing = createTaggerClient({ createWorker: () => { throw new Error('SecurityError'); }, fetchBytes });
    expect((await throwing.tag(TEXT)).entities.length).toBeGreaterThan(0);
    const crashing = createTaggerClient({ createWorker: () => new FakeWorker('crash'), fetchBytes });
    expect((await crashing.tag(TEXT)).entities.length).toBeGreaterThan(0);
  });
  it('falls back when the worker never answers', async () => {
    const client = createTaggerClient({ createWorker: () => new FakeWorker('silent'), fetchBytes, timeoutMs: 50 });
    expect((await client.tag(TEXT)).entities.length).toBeGreaterThan(0);
  });
  it('rejects with a typed error when the model cannot be fetched anywhere', async () => {
    const client = createTaggerClient({ createWorker: () => new FakeWorker('fetch-error'), fetchBytes: () => Promise.reject(new Error('offline')) });
    const err = await client.tag(TEXT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TaggerError);
    expect((err as TaggerError).code).toBe('model-fetch');
  });
  it('rejects a corrupt model with a typed error', async () => {
    const client = createTaggerClient({ createWorker: () => null, fetchBytes: async () => new ArrayBuffer(8) });
    await expect(client.tag(TEXT)).rejects.toMatchObject({ code: 'model-format' });
  });
});
