"""Skip-gram word vectors and nested word classes for the tagger (a development step only).

Reads a corpus written by scripts/ner/embed-corpus.ts (one normalised sentence a line) and writes
  <out>.vec      word<TAB>count<TAB>v1 … vD   (words seen ≥ --min-count times, most frequent first)
  <out>.classes  word<TAB>class               (spherical k-means 32 → ×8 → ×8 = 2,048 nested classes)
Deterministic: one worker thread, fixed seeds, PYTHONHASHSEED=0 (gensim seeds each word's start
vector from Python's string hash). Run with Debian's /usr/bin/python3 (python3-gensim, numpy).
"""
import argparse
import os
import sys
import time

if os.environ.get('PYTHONHASHSEED') != '0':
    os.environ['PYTHONHASHSEED'] = '0'
    os.execv(sys.executable, [sys.executable] + sys.argv)

import numpy as np
from gensim.models import Word2Vec

ap = argparse.ArgumentParser()
ap.add_argument('corpus')
ap.add_argument('out')
ap.add_argument('--dim', type=int, default=64)
ap.add_argument('--window', type=int, default=5)
ap.add_argument('--min-count', type=int, default=3)
ap.add_argument('--epochs', type=int, default=5)
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--threads', type=int, default=1)
args = ap.parse_args()
t0 = time.time()


def log(msg):
    print(f'{msg}  {time.time() - t0:.0f}s', flush=True)


class Lines:
    def __iter__(self):
        with open(args.corpus, encoding='utf8') as f:
            for line in f:
                yield line.split()


model = Word2Vec(sentences=Lines(), sg=1, vector_size=args.dim, window=args.window,
                 min_count=args.min_count, negative=5, sample=1e-4, epochs=args.epochs,
                 workers=args.threads, seed=args.seed)
kv = model.wv
words = list(kv.index_to_key)
log(f'skip-gram: {len(words)} words, dim {args.dim}')
vecs = kv.vectors.astype(np.float32)
with open(args.out + '.vec', 'w', encoding='utf8') as f:
    for i, w in enumerate(words):
        f.write(w + '\t' + str(kv.get_vecattr(w, 'count')) + '\t' + ' '.join(f'{x:.5f}' for x in vecs[i]) + '\n')

# Nested spherical k-means (k-means++ seeding from a fixed generator).
unit = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
rng = np.random.default_rng(args.seed)


def kmeans(x, k):
    n = len(x)
    if n <= k:
        return np.arange(n)
    cent = np.empty((k, x.shape[1]), dtype=np.float32)
    cent[0] = x[rng.integers(n)]
    best = np.full(n, np.inf)
    for c in range(1, k):
        best = np.minimum(best, 2 - 2 * x @ cent[c - 1])
        p = np.maximum(best, 0)
        cent[c] = x[rng.choice(n, p=p / p.sum())]
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(20):
        new = np.argmax(x @ cent.T, axis=1)
        if _ and np.array_equal(new, assign):
            break
        assign = new
        for c in range(k):
            m = x[assign == c]
            if len(m):
                s = m.sum(0)
                cent[c] = s / max(np.linalg.norm(s), 1e-9)
    return assign


ids = np.zeros(len(words), dtype=np.int64)
groups = [np.arange(len(words))]
for k in (32, 8, 8):
    nxt = []
    for members in groups:
        a = kmeans(unit[members], k)
        ids[members] = ids[members] * k + a
        nxt.extend(members[a == c] for c in range(k))
    groups = nxt
    log(f'k-means level {k} done')
with open(args.out + '.classes', 'w', encoding='utf8') as f:
    for w, c in zip(words, ids):
        f.write(f'{w}\t{c}\n')
log('written ' + args.out)
