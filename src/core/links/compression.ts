/**
 * Bytes <-> URL-safe text for self-contained links: zlib 'deflate' (the browser's CompressionStream;
 * its Adler-32 trailer catches truncated and garbled data) and base64url without padding.
 *
 * Inflating is the dangerous direction: a few kilobytes can expand to gigabytes (a "zip bomb").
 * `inflate` feeds the input in small pieces and stops as soon as the output passes a hard cap.
 */

export type InflateFailure = 'too-large-inflated' | 'corrupt';

export class InflateError extends Error {
  constructor(readonly reason: InflateFailure) {
    super(reason);
    this.name = 'InflateError';
  }
}

const FORMAT: CompressionFormat = 'deflate';
/** Input is fed this many bytes at a time, so one write can never produce much more than the cap. */
const FEED = 512;

export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return drain(new CompressionStream(FORMAT), bytes, Infinity);
}

/** Inflate `bytes`, failing with InflateError('too-large-inflated') past `maxBytes` of output. */
export async function inflate(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  return drain(new DecompressionStream(FORMAT), bytes, maxBytes);
}

async function drain(stream: CompressionStream | DecompressionStream, bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < bytes.length && !stopped; at += FEED) await writer.write(bytes.subarray(at, at + FEED));
    if (!stopped) await writer.close();
  })().catch(() => {
    // Errors surface on the reading side; a cancelled stream also rejects pending writes.
  });

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new InflateError('too-large-inflated');
      chunks.push(value);
    }
  } catch (error) {
    stopped = true;
    await reader.cancel().catch(() => {});
    await writer.abort().catch(() => {});
    throw error instanceof InflateError ? error : new InflateError('corrupt');
  } finally {
    await feeding;
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** undefined when `text` is not base64url (no padding, no other characters). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
