// npm run ner:clusters — word classes from unlabelled text, for the tagger's cluster features.
//
// Every word is described by the words seen just before and after it (the 4,000 most frequent
// context words, each side, positive PMI weighted); a randomised SVD reduces that to 64 dimensions
// and spherical k-means splits the words into 32 classes, each class into 8 and each of those
// into 8 again (32 / 256 / 2,048 classes, nested like Brown-cluster bit prefixes).
// Text: ANT news (unlabelled/ant-v1.1.txt), WikiFANE (clitics re-attached) and ANERcorp train,
// minus both dev splits. Words are normalised as the tagger's features see them (cleanWord).
// Deterministic (seeded); writes `word<TAB>id` lines for words seen ≥ MIN_COUNT times to
// node_modules/.cache/hashiya-ner/clusters.tsv, which `ner:train` compiles into the model.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanWord } from '../../packages/arabic-ner/src/normalise.ts';
import { tokenize } from '../../packages/arabic-ner/src/tokenize.ts';
import { seededRandom } from '../../packages/arabic-ner/src/random.ts';
import { DATA_DIR, REPO_ROOT, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { CLUSTERS_PATH } from './clusters-path.ts';

const MIN_COUNT = 3;
const CONTEXTS = 4000;
const DIM = 64;
const OVERSAMPLE = 16;
const BRANCHING = [32, 8, 8];

const t0 = Date.now();
const log = (msg: string): void => console.log(`${msg}  ${((Date.now() - t0) / 1000).toFixed(1)}s`);

// 1. Sentences of normalised words.
const anerTrain = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
const sentences: string[][] = [];
const addWords = (words: readonly string[]): void => {
  const s = words.map(cleanWord).filter(Boolean);
  if (s.length) sentences.push(s);
};
for (const line of readFileSync(join(REPO_ROOT, '../shared/data/unlabelled/ant-v1.1.txt'), 'utf8').split('\n')) {
  addWords(tokenize(line).map((t) => t.text));
}
for (const s of readWikifane(anerTrain).train) addWords(s.tokens);
for (const s of anerTrain) addWords(s.tokens);
log(`${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.length, 0)} tokens`);

// 2. Vocabulary and context words.
const counts = new Map<string, number>();
for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
const index = new Map(vocab.map((w, i) => [w, i]));
const ctxIndex = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
const V = vocab.length, D = 2 * CONTEXTS + 2; // + sentence start / end
log(`${V} words (≥ ${MIN_COUNT}), ${D} context columns`);

// 3. Co-occurrence counts → PPMI, as a sparse CSR matrix (rows = words).
const rows: Array<Map<number, number>> = vocab.map(() => new Map());
for (const s of sentences) {
  for (let i = 0; i < s.length; i++) {
    const r = index.get(s[i] as string);
    if (r === undefined) continue;
    const row = rows[r] as Map<number, number>;
    // Columns: left word (0..C-1) or sentence start (2C); right word (C..2C-1) or sentence end (2C+1).
    const li = i > 0 ? ctxIndex.get(s[i - 1] as string) : -1;
    const ri = i + 1 < s.length ? ctxIndex.get(s[i + 1] as string) : -1;
    const left = li === undefined ? -1 : li < 0 ? 2 * CONTEXTS : li;
    const right = ri === undefined ? -1 : ri < 0 ? 2 * CONTEXTS + 1 : CONTEXTS + ri;
    if (left >= 0) row.set(left, (row.get(left) ?? 0) + 1);
    if (right >= 0) row.set(right, (row.get(right) ?? 0) + 1);
  }
}
const colSum = new Float64Array(D);
let total = 0;
const rowSum = new Float64Array(V);
rows.forEach((row, r) => row.forEach((v, c) => { colSum[c] = (colSum[c] as number) + v; rowSum[r] = (rowSum[r] as number) + v; total += v; }));
// Context distribution smoothed (^0.75), as in word2vec, so rare contexts do not dominate.
const colP = new Float64Array(D);
let smooth = 0;
for (let c = 0; c < D; c++) smooth += (colSum[c] as number) ** 0.75;
for (let c = 0; c < D; c++) colP[c] = (colSum[c] as number) ** 0.75 / smooth;
const rowPtr = new Int32Array(V + 1);
const colIdx: number[] = [];
const vals: number[] = [];
rows.forEach((row, r) => {
  for (const [c, v] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
    const pmi = Math.log((v / total) / (((rowSum[r] as number) / total) * (colP[c] as number)));
    if (pmi > 0) { colIdx.push(c); vals.push(pmi); }
  }
  rowPtr[r + 1] = colIdx.length;
});
const cols = Int32Array.from(colIdx), values = Float32Array.from(vals);
log(`PPMI: ${values.length} non-zeros`);

// 4. Randomised SVD (Halko et al.): Q spans M·Ω after two power iterations; SVD of the small Qᵀ·M.
const K = DIM + OVERSAMPLE;
const rand = seededRandom(20261129);
const gauss = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
/** M (V×D) · X (D×K), or Mᵀ (D×V) · X (V×K) when `transposed`; row-major K columns. */
const multiply = (x: Float64Array, transposed: boolean): Float64Array => {
  const out = new Float64Array((transposed ? D : V) * K);
  for (let r = 0; r < V; r++) for (let p = rowPtr[r] as number; p < (rowPtr[r + 1] as number); p++) {
    const v = values[p] as number, c = cols[p] as number;
    const to = (transposed ? c : r) * K, from = (transposed ? r : c) * K;
    for (let k = 0; k < K; k++) out[to + k] = (out[to + k] as number) + v * (x[from + k] as number);
  }
  return out;
};
const mulM = (x: Float64Array): Float64Array => multiply(x, false);
const mulMt = (y: Float64Array): Float64Array => multiply(y, true);
/** Orthonormalises the K columns of an n×K row-major matrix in place (modified Gram-Schmidt). */
const orthonormalise = (a: Float64Array, n: number): void => {
  for (let j = 0; j < K; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += (a[r * K + i] as number) * (a[r * K + j] as number);
      for (let r = 0; r < n; r++) a[r * K + j] = (a[r * K + j] as number) - dot * (a[r * K + i] as number);
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += (a[r * K + j] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < n; r++) a[r * K + j] = (a[r * K + j] as number) / norm;
  }
};
const omega = new Float64Array(D * K);
for (let i = 0; i < omega.length; i++) omega[i] = gauss();
let q = mulM(omega);
orthonormalise(q, V);
for (let it = 0; it < 2; it++) {
  const z = mulMt(q);
  orthonormalise(z, D);
  q = mulM(z);
  orthonormalise(q, V);
}
// B = Qᵀ M (K×D); its left singular vectors are the eigenvectors of B·Bᵀ (K×K, Jacobi).
const bt = mulMt(q); // = Bᵀ, D×K
const g = new Float64Array(K * K);
for (let c = 0; c < D; c++) for (let i = 0; i < K; i++) {
  const v = bt[c * K + i] as number;
  if (v) for (let j = 0; j < K; j++) g[i * K + j] = (g[i * K + j] as number) + v * (bt[c * K + j] as number);
}
const { values: eig, vectors: ev } = jacobiEigen(g, K);
const order = [...Array(K).keys()].sort((a, b) => (eig[b] as number) - (eig[a] as number)).slice(0, DIM);
// Word vectors: Q · U_B · Σ^½ (square-root weighting keeps the minor dimensions in play).
const emb = new Float32Array(V * DIM);
for (let r = 0; r < V; r++) {
  let norm = 0;
  for (let d = 0; d < DIM; d++) {
    const e = order[d] as number;
    let s = 0;
    for (let k = 0; k < K; k++) s += (q[r * K + k] as number) * (ev[k * K + e] as number);
    s *= Math.max(eig[e] as number, 0) ** 0.25;
    emb[r * DIM + d] = s;
    norm += s * s;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) emb[r * DIM + d] = (emb[r * DIM + d] as number) / norm;
}
log('SVD done');

// 5. Hierarchical spherical k-means (deterministic k-means++ seeding).
function kmeans(members: readonly number[], k: number): number[] {
  const n = members.length;
  if (n <= k) return members.map((_, i) => i);
  const cent = new Float32Array(k * DIM);
  const pick = (m: number, c: number): void => { for (let d = 0; d < DIM; d++) cent[c * DIM + d] = emb[m * DIM + d] as number; };
  pick(members[Math.floor(rand() * n)] as number, 0);
  const best = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const m = members[i] as number;
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += (emb[m * DIM + d] as number) * (cent[(c - 1) * DIM + d] as number);
      best[i] = Math.min(best[i] as number, 2 - 2 * dot);
      sum += best[i] as number;
    }
    let x = rand() * sum, chosen = n - 1;
    for (let i = 0; i < n; i++) { x -= best[i] as number; if (x <= 0) { chosen = i; break; } }
    pick(members[chosen] as number, c);
  }
  const assign = new Array<number>(n).fill(0);
  for (let it = 0; it < 12; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const m = members[i] as number;
      let bestC = 0, bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < DIM; d++) dot += (emb[m * DIM + d] as number) * (cent[c * DIM + d] as number);
        if (dot > bestDot) { bestDot = dot; bestC = c; }
      }
      if (assign[i] !== bestC) moved++;
      assign[i] = bestC;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const c = (assign[i] as number) * DIM, m = (members[i] as number) * DIM;
      for (let d = 0; d < DIM; d++) cent[c + d] = (cent[c + d] as number) + (emb[m + d] as number);
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += (cent[c * DIM + d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIM; d++) cent[c * DIM + d] = (cent[c * DIM + d] as number) / norm;
    }
    if (moved === 0) break;
  }
  return assign;
}
const ids = new Int32Array(V);
let groups: number[][] = [[...Array(V).keys()]];
for (const k of BRANCHING) {
  const next: number[][] = [];
  groups.forEach((members) => {
    const a = kmeans(members, k);
    const parts: number[][] = Array.from({ length: k }, () => []);
    members.forEach((m, i) => { parts[a[i] as number]?.push(m); ids[m] = (ids[m] as number) * k + (a[i] as number); });
    next.push(...parts);
  });
  groups = next;
  log(`k-means level ${k} done`);
}

mkdirSync(dirname(CLUSTERS_PATH), { recursive: true });
writeFileSync(CLUSTERS_PATH, vocab.map((w, r) => `${w}\t${ids[r]}\n`).join(''));
log(`wrote ${V} words to ${CLUSTERS_PATH}`);

/** Eigen-decomposition of a symmetric n×n matrix (cyclic Jacobi). vectors[i*n + j]: component i of vector j. */
function jacobiEigen(a0: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(a0);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let r = p + 1; r < n; r++) off += (a[p * n + r] as number) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) for (let r = p + 1; r < n; r++) {
      const apr = a[p * n + r] as number;
      if (Math.abs(apr) < 1e-300) continue;
      const theta = ((a[r * n + r] as number) - (a[p * n + p] as number)) / (2 * apr);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) {
        const akp = a[k * n + p] as number, akr = a[k * n + r] as number;
        a[k * n + p] = c * akp - s * akr; a[k * n + r] = s * akp + c * akr;
      }
      for (let k = 0; k < n; k++) {
        const apk = a[p * n + k] as number, ark = a[r * n + k] as number;
        a[p * n + k] = c * apk - s * ark; a[r * n + k] = s * apk + c * ark;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k * n + p] as number, vkr = v[k * n + r] as number;
        v[k * n + p] = c * vkp - s * vkr; v[k * n + r] = s * vkp + c * vkr;
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i] as number;
  return { values, vectors: v };
}
