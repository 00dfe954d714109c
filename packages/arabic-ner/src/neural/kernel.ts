// The neural scorer's arithmetic: one 1-D convolution routine (a dense layer is kernel size 1) over
// a float32 heap, in WebAssembly SIMD (kernel.wat) when the platform has it and in plain
// TypeScript otherwise. Both sum in the same order with one float32 rounding per multiply and per
// add, so they give bit-identical scores (tested), and tags never depend on which one ran.
import { KERNEL_WASM_BASE64 } from './kernel-wasm.ts';

/** conv modes: y = s, y = max(s, 0), y = y + max(s, 0) (residual). */
export const LINEAR = 0, RELU = 1, RESIDUAL = 2;

export interface Kernel {
  readonly kind: 'wasm' | 'ts';
  /** The heap as floats; re-read after alloc (growing may replace the buffer). */
  heap(): Float32Array;
  /** Reserves `floats` floats (zeroed), 16-byte aligned; returns the offset in floats. */
  alloc(floats: number): number;
  /** Current allocation mark, and rewinding to one (frees everything allocated after it). */
  mark(): number;
  reset(mark: number): void;
  /**
   * y[i][j] = b[j] + Σ_t Σ_c x[i + (t − k/2)·dil][c] · w[t][c][j] for i < n, j < cout (offsets in
   * floats); rows of x just outside 0..n-1 must be zeros. cout must be a multiple of 4.
   */
  conv(x: number, y: number, w: number, b: number, n: number, cin: number, cout: number, k: number, dil: number, mode: number): void;
}

const PAGE = 65536;

/** A heap that grows (by doubling) and a bump allocator over it. */
abstract class Heap {
  protected top = 16; // float offset 0..15 stays unused so that 0 is never a valid buffer
  protected view: Float32Array;
  constructor(protected buffer: () => ArrayBuffer, protected grow: (bytes: number) => void) {
    this.view = new Float32Array(buffer());
  }
  heap(): Float32Array {
    if (this.view.buffer !== this.buffer()) this.view = new Float32Array(this.buffer());
    return this.view;
  }
  alloc(floats: number): number {
    const at = this.top;
    this.top = at + ((floats + 3) & ~3);
    const need = this.top * 4;
    if (need > this.buffer().byteLength) this.grow(Math.max(need, this.buffer().byteLength * 2));
    this.heap().fill(0, at, this.top);
    return at;
  }
  mark(): number { return this.top; }
  reset(mark: number): void { this.top = mark; }
}

class TsKernel extends Heap implements Kernel {
  readonly kind = 'ts' as const;
  constructor() {
    let buf = new ArrayBuffer(PAGE * 16);
    super(() => buf, (bytes) => {
      const next = new ArrayBuffer(Math.ceil(bytes / PAGE) * PAGE);
      new Uint8Array(next).set(new Uint8Array(buf));
      buf = next;
    });
  }
  conv(x: number, y: number, w: number, b: number, n: number, cin: number, cout: number, k: number, dil: number, mode: number): void {
    const h = this.heap();
    const fr = Math.fround;
    const half = k >> 1;
    for (let i = 0; i < n; i++) {
      const yRow = y + i * cout;
      for (let j = 0; j < cout; j++) {
        let acc = h[b + j] as number;
        for (let t = 0; t < k; t++) {
          const xRow = x + (i + (t - half) * dil) * cin;
          let wp = w + t * cin * cout + j;
          for (let c = 0; c < cin; c++, wp += cout) acc = fr(acc + fr((h[xRow + c] as number) * (h[wp] as number)));
        }
        if (mode >= RELU) acc = Math.max(acc, 0);
        if (mode === RESIDUAL) acc = fr((h[yRow + j] as number) + acc);
        h[yRow + j] = acc;
      }
    }
  }
}

interface KernelExports { memory: WebAssembly.Memory; conv: (...a: number[]) => void }

class WasmKernel extends Heap implements Kernel {
  readonly kind = 'wasm' as const;
  constructor(private readonly exports: KernelExports) {
    super(() => exports.memory.buffer, (bytes) => { exports.memory.grow(Math.ceil((bytes - exports.memory.buffer.byteLength) / PAGE)); });
  }
  conv(x: number, y: number, w: number, b: number, n: number, cin: number, cout: number, k: number, dil: number, mode: number): void {
    this.exports.conv(x * 4, y * 4, w * 4, b * 4, n, cin, cout, k, dil, mode);
  }
}

let wasmModule: WebAssembly.Module | null | undefined;

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The SIMD kernel if this platform compiles it (WebAssembly with SIMD), else the TypeScript one. */
export function createKernel(prefer: 'wasm' | 'ts' = 'wasm'): Kernel {
  if (prefer === 'wasm') {
    if (wasmModule === undefined) {
      try {
        wasmModule = typeof WebAssembly === 'object' ? new WebAssembly.Module(decodeBase64(KERNEL_WASM_BASE64) as Uint8Array<ArrayBuffer>) : null;
      } catch {
        wasmModule = null; // no SIMD (or no WebAssembly, or a CSP without wasm-unsafe-eval)
      }
    }
    if (wasmModule) {
      try {
        return new WasmKernel(new WebAssembly.Instance(wasmModule, {}).exports as unknown as KernelExports);
      } catch { /* fall through to TypeScript */ }
    }
  }
  return new TsKernel();
}
