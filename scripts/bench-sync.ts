/**
 * Sync benchmark: a reader with 10,000 notes over 100 articles; a fresh device signs in and syncs
 * everything (time and bytes received), then the latency of one edit between two devices.
 * Uses a real PostgreSQL started on a free loopback port when Debian's is installed, else the
 * embedded default (PGlite) in a temporary folder. Prints figures; passes or fails nothing.
 *
 *   npm run bench:sync
 *   npm run bench:sync -- --load     many devices editing at once (scripts/bench/sync-load.ts)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
// IndexedDB for Node (the idb wrapper needs its globals), as the unit tests have it.
import 'fake-indexeddb/auto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createAnnotation, editAnnotation } from '../src/core/annotations/annotation';
import { listAnnotations, saveAnnotations } from '../src/core/annotations/annotation-store';
import { createStore, type Store } from '../src/core/storage/storage';
import { listSummaries, saveImported } from '../src/core/article/article-store';
import { parsePlainTextArticle } from '../src/core/article/parse-text';
import { createIdbStore } from '../src/core/storage/idb-store';
import { libraryDocumentName, NOTES_MAP, personalDocumentName } from '../src/core/schema/sync-documents';
import { syncLibraryPass } from '../src/core/sync/library-sync';
import { claimedArticle, LOCAL_ORIGIN, syncNotesPass } from '../src/core/sync/notes-sync';
import { addUser } from '../server/accounts';
import { openDatabase } from '../server/database';
import { startSyncServer } from '../server/sync-server';
import { freePort, postgresBinaries, startPostgres, type Service } from '../tests/server/services';
import { benchLoad } from './bench/sync-load';

const NOTES = 10_000;
const ARTICLES = 100;
const EDITS = 20;
/** Imported articles for the library phase: 40 paragraphs each (about 5,000 characters, a news article). */
const LIBRARY_ARTICLES = 100;
const PARAGRAPHS = 40;

/** localStorage for Node: a Map, without the browser's 5 MB quota. */
class MapStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

let receivedBytes = 0;
/** Counts what the server sends to the devices. */
class CountingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data: ArrayBuffer | Buffer) => {
      receivedBytes += data.byteLength;
    });
  }
}

interface Device {
  readonly store: Store;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly synced: Promise<void>;
  destroy(): void;
}

function device(url: string, user: string, token: string, store: Store, name = personalDocumentName(user)): Device {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: url.replace(/^http/, 'ws'), WebSocketPolyfill: CountingWebSocket });
  let provider!: HocuspocusProvider;
  const synced = new Promise<void>((resolve, reject) => {
    provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onSynced: () => resolve(), onAuthenticationFailed: ({ reason }) => reject(new Error(reason)) });
    provider.attach();
  });
  return {
    store,
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 2));
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  let postgres: Service | null = null;
  let dataDir: string | null = null;
  if (postgresBinaries()) postgres = await startPostgres();
  else dataDir = mkdtempSync(join(tmpdir(), 'hashiya-bench-sync-'));
  const sql = await openDatabase({ url: postgres?.url, dataDir: dataDir ?? undefined });
  console.log(`database: ${postgres ? 'PostgreSQL (Debian), loopback' : 'embedded PGlite'}`);
  await addUser(sql, 'bench', 'bench password');
  const server = await startSyncServer({ sql, port: await freePort(), storeDebounceMs: 200 });
  const login = await fetch(`${server.url}/login`, { method: 'POST', body: JSON.stringify({ user: 'bench', password: 'bench password' }) });
  const { token } = (await login.json()) as { token: string };

  // The first device has every note locally and sends them.
  const first = createStore(new MapStorage(), null);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const notes = Array.from({ length: NOTES }, (_, i) =>
    createAnnotation({
      articleId: `article-${i % ARTICLES}`,
      note: `ملاحظة رقم ${i} عن هذه الفقرة، مع بعض النص لتكون بطول ملاحظة عادية.`,
      tags: i % 3 ? ['اقتصاد'] : [],
      now: new Date(start + i * 1000),
      selectors: {
        blockId: `p-${(i % 40).toString(36).padStart(7, '0')}`,
        quote: { type: 'TextQuoteSelector', exact: 'نص مظلل من المقال', prefix: 'قبل النص المظلل ', suffix: ' بعد النص المظلل' },
        position: { type: 'TextPositionSelector', start: i % 500, end: (i % 500) + 18 },
      },
    }),
  );
  saveAnnotations(first, notes);
  const phone = device(server.url, 'bench', token, first);
  await phone.synced;
  let t = performance.now();
  syncNotesPass(first, phone.doc, 'bench');
  await until(() => !phone.provider.hasUnsyncedChanges);
  const upload = performance.now() - t;
  const stateBytes = Y.encodeStateAsUpdate(phone.doc).byteLength;

  // A fresh device signs in: everything comes down and lands in its local storage.
  const fresh = createStore(new MapStorage(), null);
  receivedBytes = 0;
  t = performance.now();
  const laptop = device(server.url, 'bench', token, fresh);
  await laptop.synced;
  const transfer = performance.now() - t;
  const result = syncNotesPass(fresh, laptop.doc, 'bench');
  const initial = performance.now() - t;
  const bytes = receivedBytes;
  if (result.receivedNotes !== NOTES) throw new Error(`the fresh device got ${result.receivedNotes} notes`);

  // One edit on the phone until it is in the laptop's local storage (each side runs a pass, as the app does).
  const latencies: number[] = [];
  // As the app does: a pass over the articles whose notes the server changed.
  laptop.doc.getMap(NOTES_MAP).observe((event) => {
    if (event.transaction.origin === LOCAL_ORIGIN) return;
    const articles = new Set([...event.keysChanged].map((id) => claimedArticle(laptop.doc.getMap(NOTES_MAP).get(id)) ?? ''));
    syncNotesPass(fresh, laptop.doc, 'bench', new Date(), articles);
  });
  for (let i = 0; i < EDITS; i += 1) {
    const target = notes[i * 37]!;
    const current = listAnnotations(first, target.articleId).find((a) => a.id === target.id)!;
    const text = `تعديل ${i}`;
    t = performance.now();
    saveAnnotations(first, [editAnnotation(current, { note: text })]);
    syncNotesPass(first, phone.doc, 'bench', new Date(), new Set([target.articleId]));
    await until(() => listAnnotations(fresh, target.articleId).some((a) => a.id === target.id && a.note === text));
    latencies.push(performance.now() - t);
  }

  console.log(`notes: ${NOTES} over ${ARTICLES} articles; document state ${(stateBytes / 1024 / 1024).toFixed(2)} MB`);
  console.log(`first device sends everything: ${ms(upload)}`);
  console.log(`fresh device, initial sync: ${ms(initial)} (transfer ${ms(transfer)}, into local storage ${ms(initial - transfer)}), ${(bytes / 1024 / 1024).toFixed(2)} MB received`);
  console.log(`one edit between two devices: median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))} over ${EDITS} edits (a pass over the edited article on each side)`);

  phone.destroy();
  laptop.destroy();
  await benchLibrary(server.url, token);
  await server.stop();
  await sql.close();
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** Imported articles: the first device sends its library, then a fresh device receives it into IndexedDB. */
async function benchLibrary(url: string, token: string): Promise<void> {
  const paragraph = 'قال المتحدث باسم الوزارة في مؤتمر صحفي إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بحضور الوفود كلها، وإن النتائج الأولى مشجعة.';
  const firstDb = createIdbStore({ name: 'bench-first' });
  for (let i = 0; i < LIBRARY_ARTICLES; i += 1) {
    const text = [`مقال مستورد رقم ${i}`, ...Array.from({ length: PARAGRAPHS }, (_, p) => `${paragraph} (${i}-${p})`)].join('\n\n');
    await saveImported(firstDb, parsePlainTextArticle(text, { id: `imp-bench-${i}` }), 'import');
  }
  const firstStore = createStore(new MapStorage(), null);
  const phone = device(url, 'bench', token, firstStore, libraryDocumentName('bench'));
  await phone.synced;
  let t = performance.now();
  const sent = await syncLibraryPass(firstStore, firstDb, phone.doc, 'bench|library');
  await until(() => !phone.provider.hasUnsyncedChanges);
  const upload = performance.now() - t;
  const stateBytes = Y.encodeStateAsUpdate(phone.doc).byteLength;

  const freshDb = createIdbStore({ name: 'bench-fresh' });
  const freshStore = createStore(new MapStorage(), null);
  receivedBytes = 0;
  t = performance.now();
  const laptop = device(url, 'bench', token, freshStore, libraryDocumentName('bench'));
  await laptop.synced;
  const transfer = performance.now() - t;
  const result = await syncLibraryPass(freshStore, freshDb, laptop.doc, 'bench|library');
  const initial = performance.now() - t;
  if (sent.sent !== LIBRARY_ARTICLES || result.received !== LIBRARY_ARTICLES || (await listSummaries(freshDb)).length !== LIBRARY_ARTICLES) {
    throw new Error(`library: sent ${sent.sent}, received ${JSON.stringify(result)}, document ${laptop.doc.getMap("articles").size}`);
  }
  t = performance.now();
  const idle = await syncLibraryPass(freshStore, freshDb, laptop.doc, 'bench|library');
  const idlePass = performance.now() - t;
  if (idle.sent + idle.received !== 0) throw new Error('an idle pass changed something');

  console.log(`library: ${LIBRARY_ARTICLES} imported articles of ${PARAGRAPHS} paragraphs; document state ${(stateBytes / 1024 / 1024).toFixed(2)} MB (a document of its own: the notes above do not wait for it)`);
  console.log(`first device sends its library: ${ms(upload)}`);
  console.log(`fresh device, initial library sync: ${ms(initial)} (transfer ${ms(transfer)}, into IndexedDB ${ms(initial - transfer)}), ${(receivedBytes / 1024 / 1024).toFixed(2)} MB received`);
  console.log(`a pass with nothing to do (summaries only, no article read): ${ms(idlePass)}`);
  phone.destroy();
  laptop.destroy();
  firstDb.close();
  freshDb.close();
}

if (process.argv.includes('--load')) await benchLoad(process.argv.slice(2));
else await main();
