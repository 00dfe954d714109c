import { readFileSync } from 'node:fs';
import { createKernel, LINEAR, RELU, RESIDUAL, type Kernel } from '../src/neural/kernel.ts';
import { KERNEL_WASM_BASE64 } from '../src/neural/kernel-wasm.ts';
import { seededRandom } from '../src/random.ts';
import { compileKernel } from '../scripts/wasm-compile.ts';

/** Runs one convolution on a kernel with the given data; returns the output rows. */
function run(kernel: Kernel, p: { n: number; cin: number; cout: number; k: number; dil: number; mode: number }, x: Float32Array, w: Float32Array, b: Float32Array, y0: Float32Array): Float32Array {
  const pad = p.dil * (p.k >> 1);
  const xa = kernel.alloc((p.n + 2 * pad) * p.cin), wa = kernel.alloc(w.length), ba = kernel.alloc(b.length), ya = kernel.alloc(y0.length);
  const h = kernel.heap();
  h.set(x, xa + pad * p.cin); h.set(w, wa); h.set(b, ba); h.set(y0, ya);
  kernel.conv(xa + pad * p.cin, ya, wa, ba, p.n, p.cin, p.cout, p.k, p.dil, p.mode);
  return kernel.heap().slice(ya, ya + y0.length);
}

describe('neural kernel', () => {
  it('is the wasm built from kernel.wat (npm run ner:wasm)', async () => {
    const bytes = await compileKernel(readFileSync(new URL('../src/neural/kernel.wat', import.meta.url), 'utf8'));
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNEL_WASM_BASE64);
  });

  it('gives bit-identical results in WebAssembly SIMD and TypeScript, matching a plain reference', () => {
    const wasm = createKernel('wasm'), ts = createKernel('ts');
    expect(wasm.kind).toBe('wasm');
    const rand = seededRandom(7);
    const cases = [
      { n: 1, cin: 3, cout: 4, k: 1, dil: 1, mode: LINEAR },
      { n: 17, cin: 41, cout: 64, k: 1, dil: 1, mode: LINEAR },
      { n: 9, cin: 32, cout: 32, k: 3, dil: 2, mode: RESIDUAL },
      { n: 30, cin: 48, cout: 48, k: 3, dil: 4, mode: RESIDUAL },
      { n: 5, cin: 20, cout: 12, k: 5, dil: 1, mode: RELU },
      { n: 12, cin: 64, cout: 12, k: 1, dil: 1, mode: LINEAR },
    ];
    for (const p of cases) {
      const x = Float32Array.from({ length: p.n * p.cin }, () => rand() * 2 - 1);
      const w = Float32Array.from({ length: p.k * p.cin * p.cout }, () => (rand() * 2 - 1) * 0.3);
      const b = Float32Array.from({ length: p.cout }, () => rand() - 0.5);
      const y0 = Float32Array.from({ length: p.n * p.cout }, () => rand() - 0.5);
      const a = run(wasm, p, x, w, b, y0), c = run(ts, p, x, w, b, y0);
      expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(true);
      const half = p.k >> 1;
      for (let i = 0; i < p.n; i++) for (let j = 0; j < p.cout; j++) {
        let s = b[j] as number;
        for (let t = 0; t < p.k; t++) {
          const r = i + (t - half) * p.dil;
          if (r < 0 || r >= p.n) continue;
          for (let ch = 0; ch < p.cin; ch++) s += (x[r * p.cin + ch] as number) * (w[(t * p.cin + ch) * p.cout + j] as number);
        }
        if (p.mode >= RELU) s = Math.max(s, 0);
        if (p.mode === RESIDUAL) s += y0[i * p.cout + j] as number;
        expect(a[i * p.cout + j]).toBeCloseTo(s, 4);
      }
    }
  });

  it('grows its heap and keeps what it held', () => {
    for (const kind of ['wasm', 'ts'] as const) {
      const k = createKernel(kind);
      const a = k.alloc(8);
      k.heap()[a] = 42;
      const mark = k.mark();
      k.alloc(2_000_000);
      expect(k.heap()[a]).toBe(42);
      k.reset(mark);
      expect(k.alloc(4)).toBe(mark);
    }
  });
});
