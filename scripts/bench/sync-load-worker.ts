/**
 * One client process of the sync load bench (scripts/bench/sync-load.ts starts several, so the
 * generator is not the limit): it connects its share of devices, each with its own websocket and
 * Yjs document, and on the orchestrator's word makes each device write an edit every interval into
 * its reader's document. Every device watches for the other device's edits and records, for those
 * sent inside the measuring window, the time from the edit to its arrival (both devices of a reader
 * sit in different processes; the clocks are the machine's).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { createAnnotation } from '../../src/core/annotations/annotation';
import { NOTES_MAP, type NoteRecord } from '../../src/core/schema/sync-documents';
import { NodeWebSocket } from '../../tests/server/client';

export interface WorkerDevice {
  /** Unique device id; its edits go under this key. */
  readonly id: string;
  /** The other device of the same reader: the edits this one measures. */
  readonly peer: string;
  readonly url: string;
  readonly document: string;
  readonly token: string;
}

export type ToWorker =
  | { readonly type: 'connect'; readonly devices: WorkerDevice[] }
  | { readonly type: 'run'; readonly startAt: number; readonly intervalMs: number; readonly measureFrom: number; readonly measureUntil: number; readonly stopAt: number }
  | { readonly type: 'close' };

export type FromWorker =
  | { readonly type: 'connected'; readonly count: number; readonly failed: number }
  | { readonly type: 'result'; readonly latencies: number[]; readonly sent: number; readonly received: number };

const now = () => performance.timeOrigin + performance.now();

interface Device {
  readonly spec: WorkerDevice;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
}

let devices: Device[] = [];
const latencies: number[] = [];
let sent = 0;
let received = 0;
let window = { from: Infinity, until: -Infinity };

function edit(device: Device, sequence: number): void {
  const at = now();
  const annotation = createAnnotation({
    id: device.spec.id,
    articleId: 'article-load',
    // The send time travels in the note: the receiving process reads it back.
    note: `${at}`,
    selectors: {
      blockId: 'p-load',
      quote: { type: 'TextQuoteSelector', exact: `edit ${sequence}`, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 6 },
    },
  });
  device.doc.getMap(NOTES_MAP).set(device.spec.id, { annotation, parent: null } satisfies NoteRecord);
  if (at >= window.from && at <= window.until) sent += 1;
}

function connect(spec: WorkerDevice): Promise<Device | null> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: spec.url.replace(/^http/, 'ws'), WebSocketPolyfill: NodeWebSocket, maxAttempts: 0, delay: 1_000, maxDelay: 5_000 });
  return new Promise((resolve) => {
    const timeout = setTimeout(() => resolve(null), 60_000);
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: spec.document,
      document: doc,
      token: spec.token,
      onSynced: () => {
        clearTimeout(timeout);
        resolve(device);
      },
      onAuthenticationFailed: () => resolve(null),
    });
    const device: Device = { spec, doc, provider, socket };
    doc.getMap(NOTES_MAP).observe((event) => {
      if (!event.keysChanged.has(spec.peer)) return;
      const record = doc.getMap(NOTES_MAP).get(spec.peer) as NoteRecord | undefined;
      const sentAt = Number(record?.annotation.note);
      if (sentAt >= window.from && sentAt <= window.until) {
        received += 1;
        latencies.push(now() - sentAt);
      }
    });
    provider.attach();
  });
}

process.on('message', (message: ToWorker) => {
  if (message.type === 'connect') {
    void (async () => {
      // Connect in small batches, as readers arrive, not all in one instant.
      const connected: Device[] = [];
      let failed = 0;
      for (let i = 0; i < message.devices.length; i += 25) {
        const batch = await Promise.all(message.devices.slice(i, i + 25).map(connect));
        for (const device of batch) if (device) connected.push(device);
        failed += batch.filter((d) => !d).length;
      }
      devices = connected;
      process.send!({ type: 'connected', count: connected.length, failed } satisfies FromWorker);
    })();
  } else if (message.type === 'run') {
    window = { from: message.measureFrom, until: message.measureUntil };
    // Each device starts at its own moment in the interval, so edits arrive evenly, as from real readers.
    devices.forEach((device, index) => {
      const phase = (index / devices.length) * message.intervalMs + Math.random() * (message.intervalMs / devices.length);
      let sequence = 0;
      const tick = () => {
        if (now() >= message.stopAt) return;
        edit(device, (sequence += 1));
        setTimeout(tick, message.intervalMs);
      };
      setTimeout(tick, Math.max(0, message.startAt - now() + phase));
    });
    setTimeout(() => process.send!({ type: 'result', latencies, sent, received } satisfies FromWorker), Math.max(0, message.stopAt - now()) + 3_000);
  } else {
    for (const device of devices) {
      device.provider.destroy();
      device.socket.destroy();
    }
    process.exit(0);
  }
});
