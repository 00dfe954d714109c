import fc from 'fast-check';
import { readModel, serializeModel } from '../src/model.ts';
import { NUM_TAGS } from '../src/tags.ts';

// The shipped gazetteer is stored as sorted keys and looked up through a hash table built at load:
// it must answer exactly as the Map it was written from (including key 0 and misses).
const pass = { logBuckets: 1, groups: 0, cols: NUM_TAGS, weights: new Float32Array(2 * NUM_TAGS), trans: new Float32Array(NUM_TAGS * NUM_TAGS), start: new Float32Array(NUM_TAGS) };

describe('model gazetteer', () => {
  it('finds every written key, with its bits, and nothing else', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 200 }), fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 50 }), (keys, probes) => {
      const map = new Map(keys.map((k, i) => [k, (i * 2654435761) >>> 0] as const));
      const loaded = readModel(serializeModel({ gazetteer: map, passes: [pass], window: 0 })).gazetteer;
      for (const [k, v] of map) expect(loaded.get(k)).toBe(v);
      for (const p of probes) expect(loaded.get(p)).toBe(map.get(p));
    }));
  });
});
