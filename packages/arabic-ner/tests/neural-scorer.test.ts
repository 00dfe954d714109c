import { ALL_GROUPS_MASK } from '../src/features.ts';
import { readModel, predictDocument, scoreDocument, serializeModel, ModelFormatError } from '../src/model.ts';
import { neuralInputs, vectorKey, vectorStrings } from '../src/neural-features.ts';
import { createKernel } from '../src/neural/kernel.ts';
import { quantiseRows, type NeuralWeights } from '../src/neural/scorer.ts';
import { NUM_TAGS, isAllowedTransition, isInside } from '../src/tags.ts';
import { seededRandom } from '../src/random.ts';

/** A small random network (untrained): enough to check the file format and both kernels. */
function randomWeights(seed: number, perceptron: NeuralWeights['perceptron'] = 'none'): NeuralWeights {
  const rand = seededRandom(seed);
  const r = (n: number, s = 0.5): Float32Array => Float32Array.from({ length: n }, () => (rand() * 2 - 1) * s);
  const W = 16, D = 8, logBuckets = 10, K = 3, dim = 8, m = 4;
  const words = ['واشنطن', 'بوتين', 'موسكو', 'قال', 'الرئيس', 'في'];
  const keys = [...new Set(words.map((w) => vectorKey(vectorStrings(w)[0])))].sort((a, b) => a - b);
  const table = { keys: Uint32Array.from(keys), codes: Uint8Array.from({ length: keys.length * m }, () => Math.floor(rand() * 256)), m, dim, books: r(m * 256 * (dim / m)), oov: r(dim) };
  const inDim = dim + D + (perceptron === 'none' ? 0 : NUM_TAGS);
  return {
    logBuckets, groups: ALL_GROUPS_MASK, bagDim: D, width: W, kernel: K, dilations: [1, 2], perceptron, scoreScale: 3, tables: [table],
    bag: quantiseRows(r(D << logBuckets), D, 1 << logBuckets), inp: quantiseRows(r(W * inDim), W, inDim), inpBias: r(W),
    convs: [quantiseRows(r(W * W * K), W, W * K), quantiseRows(r(W * W * K), W, W * K)], convBias: [r(W), r(W)],
    out: quantiseRows(r(NUM_TAGS * W), NUM_TAGS, W), outBias: r(NUM_TAGS), trans: r(NUM_TAGS * NUM_TAGS), start: r(NUM_TAGS),
  };
}

const sentences = [
  ['قال', 'الرئيس', 'بوتين', 'في', 'موسكو', 'إن', 'واشنطن', '...'],
  ['وصل', 'وزير', 'الخارجية', 'إلى', 'طهران', '(', '2024', ')'],
  ['ترمب'],
];

describe('neural scorer', () => {
  it('gives bit-identical scores and the same tags in WebAssembly SIMD and TypeScript', () => {
    for (const seed of [1, 2, 3]) {
      const bytes = serializeModel({ gazetteer: new Map([[123, 4]]), passes: [], window: 0, neural: randomWeights(seed), temperature: 1.5 });
      const wasm = readModel(bytes, { kernel: createKernel('wasm') });
      const ts = readModel(bytes, { kernel: createKernel('ts') });
      expect(wasm.neural?.kernel.kind).toBe('wasm');
      expect(ts.neural?.kernel.kind).toBe('ts');
      expect(wasm.temperature).toBeCloseTo(1.5, 6);
      const a = scoreDocument(wasm, sentences), b = scoreDocument(ts, sentences);
      a.scores.forEach((sc, i) => expect(Buffer.from(sc.buffer).equals(Buffer.from((b.scores[i] as Float32Array).buffer))).toBe(true));
      expect(a.tags).toEqual(b.tags);
      expect(predictDocument(wasm, sentences)).toEqual(a.tags);
      for (const tags of a.tags) {
        expect(isInside(tags[0] ?? 0)).toBe(false);
        for (let i = 1; i < tags.length; i++) expect(isAllowedTransition(tags[i - 1] as number, tags[i] as number)).toBe(true);
      }
    }
  });

  it('looks words up by the same vector keys the trainer was given', () => {
    const tokens = ['وبالمدينة', 'الرئيسُ', '٢٠٢٤م', 'ترمب', '...', 'Obama', 'للأمم', 'وإيران'];
    const x = neuralInputs(tokens, new Map(), ALL_GROUPS_MASK, 12, new Map());
    tokens.forEach((t, i) => {
      const [word, stem] = vectorStrings(t);
      expect([x.wordKeys[i], x.stemKeys[i]]).toEqual([vectorKey(word), vectorKey(stem)]);
    });
    expect(x.wordKeys[4]).toBe(0);
  });

  it('round-trips through the file and refuses a damaged neural section', () => {
    const bytes = serializeModel({ gazetteer: new Map(), passes: [], window: 0, neural: randomWeights(4) });
    const model = readModel(bytes);
    expect(model.neural?.weights.dilations).toEqual([1, 2]);
    expect(model.neural?.weights.tables[0]?.keys.length).toBe(6);
    expect(() => readModel(bytes.slice(0, bytes.length - 10))).toThrow(ModelFormatError);
    const bad = bytes.slice();
    // The neural section's magic sits right after the flags and temperature that follow the gazetteer.
    const at = 6 * 4 + 8;
    bad[at] = (bad[at] as number) ^ 0xff;
    expect(() => readModel(bad)).toThrow(ModelFormatError);
  });
});
