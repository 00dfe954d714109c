/**
 * A small deterministic pseudo-random generator (mulberry32): training order, generated test
 * articles and benchmarks are reproducible from a seed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place from a seeded generator (each epoch's training order). */
export function shuffleInPlace(items: number[], rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = items[i] as number; items[i] = items[j] as number; items[j] = tmp;
  }
}
