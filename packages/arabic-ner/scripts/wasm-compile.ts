import wabtInit from 'wabt';

/** WebAssembly text → binary (with SIMD), as `npm run ner:wasm` writes it. */
export async function compileKernel(wat: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat('kernel.wat', wat, { simd: true });
  try {
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}
