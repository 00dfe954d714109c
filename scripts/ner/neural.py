"""Trains the tagger's neural scorer (a development step; the browser runs the exported weights).

Reads what scripts/ner/neural-data.ts exported (node_modules/.cache/hashiya-ner/neural) and the
word vectors of scripts/ner/embed.py, trains, reports ANERcorp dev and WikiFANE dev exact-span
scores, and with --export DIR writes the weights for `npm run ner:pack` (TypeScript) to turn into the
shipped model. Run with Debian's /usr/bin/python3 (python3-torch, numpy).

The network, per sentence:
  x_i = [ word vector of token i (frozen, product-quantised) ; vector of its stem (same) ;
          sum of learnt vectors of its hashed ids (spelling, gazetteer, word class) ;
          the perceptron's emission scores for it, scaled (optional: --perceptron input|sum|none) ]
  h   = ReLU(x W_in + b);  then for each dilation d: h = h + ReLU(conv_k,d(h))   (1-D, same length)
  emissions = h W_out + b  (+ the perceptron's scaled scores with --perceptron sum)
decoded by the same BIO-masked Viterbi as the perceptron, with learnt transitions; trained with the
CRF likelihood, cost-augmented so that predicting O on a name token costs --recall-cost.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, 'node_modules/.cache/hashiya-ner')
TYPES = ['PERS', 'LOC', 'ORG', 'MISC']
T = 9

ap = argparse.ArgumentParser()
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--vectors', default='surface64,stems64', help='embed/<name>.vec files: word vectors, stem vectors (or "none")')
ap.add_argument('--vocab', type=int, default=60000, help='most frequent words (and stems) kept')
ap.add_argument('--quant', default='pq8', help='pq<M> (M sub-vectors of 256 codes) or int8 or none')
ap.add_argument('--log-buckets', type=int, default=14)
ap.add_argument('--bag-dim', type=int, default=32)
ap.add_argument('--width', type=int, default=64)
ap.add_argument('--dilations', default='1,2,4')
ap.add_argument('--kernel', type=int, default=3)
ap.add_argument('--perceptron', default='input', choices=['none', 'input', 'sum'])
ap.add_argument('--recall-cost', type=float, default=1.0)
ap.add_argument('--o-cost', type=float, default=0.0)
ap.add_argument('--lex-dropout', type=float, default=0.3)
ap.add_argument('--dropout', type=float, default=0.3)
ap.add_argument('--epochs', type=int, default=20)
ap.add_argument('--batch', type=int, default=24)
ap.add_argument('--lr', type=float, default=2e-3)
ap.add_argument('--threads', type=int, default=1)
ap.add_argument('--export', default='')
ap.add_argument('--tag', default='')
args = ap.parse_args()
torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)
np.random.seed(args.seed)
t0 = time.time()


def log(msg):
    print(f'{msg}  {time.time() - t0:.0f}s', flush=True)


# ---------------------------------------------------------------- data
def load_split(name):
    d = os.path.join(CACHE, 'neural')
    meta = json.load(open(os.path.join(d, f'{name}.meta.json')))
    arr = lambda suf, dt: np.fromfile(os.path.join(d, f'{name}.{suf}'), dtype=dt)
    words = [l.rstrip('\n').split('\t') for l in open(os.path.join(d, f'{name}.words.txt'), encoding='utf8')]
    lengths = np.array(meta['lengths'], dtype=np.int64)
    return {
        'lengths': lengths, 'starts': np.concatenate([[0], np.cumsum(lengths)[:-1]]),
        'tags': arr('tags.u8', np.uint8).astype(np.int64), 'offsets': arr('offsets.i32', np.int32).astype(np.int64),
        'lexend': arr('lexend.i32', np.int32).astype(np.int64), 'ids': arr('ids.i32', np.int32).astype(np.int64),
        'scores': arr('scores.f32', np.float32).reshape(-1, T), 'words': words,
    }


splits = {n: load_split(n) for n in ('aner-train', 'aner-dev', 'wikifane-dev')}
train = splits['aner-train']
# A few gold sequences break BIO (an I- after O or after another type); conlleval reads such an I- as
# the start of a name, so it becomes that B-: the CRF's gold path must be one the mask allows.
fixed = 0
for st, ln in zip(train['starts'], train['lengths']):
    for i in range(st, st + ln):
        t = train['tags'][i]
        if t > 0 and t % 2 == 0 and (i == st or train['tags'][i - 1] not in (t, t - 1)):
            train['tags'][i] = t - 1
            fixed += 1
mask_ids = (1 << args.log_buckets) - 1
for s in splits.values():
    s['ids'] = s['ids'] & mask_ids
score_scale = float(np.abs(train['scores']).mean() or 1.0)
log(f'data: {len(train["tags"])} training tokens ({fixed} I- tags read as B-); perceptron score scale {score_scale:.3f}')


# ---------------------------------------------------------------- word vectors
def read_vec(name, limit):
    words, vecs = [], []
    with open(os.path.join(CACHE, 'embed', name + '.vec'), encoding='utf8') as f:
        for line in f:
            w, _count, v = line.rstrip('\n').split('\t')
            words.append(w)
            vecs.append(np.array(v.split(' '), dtype=np.float32))
            if len(words) >= limit:
                break
    return words, np.stack(vecs)


def quantise(vecs, how, rng):
    """Returns the vectors as the browser will see them, and what to store."""
    if how == 'none':
        return vecs, {'kind': 'f32'}
    if how == 'int8':
        scale = np.abs(vecs).max(0) / 127 + 1e-12
        q = np.round(vecs / scale).astype(np.int8)
        return q * scale, {'kind': 'int8', 'scale': scale, 'codes': q}
    m = int(how[2:])
    dim = vecs.shape[1]
    sub = dim // m
    codes = np.zeros((len(vecs), m), dtype=np.uint8)
    books = np.zeros((m, 256, sub), dtype=np.float32)
    out = np.zeros_like(vecs)
    for j in range(m):
        x = vecs[:, j * sub:(j + 1) * sub]
        c = x[rng.choice(len(x), 256, replace=False)].copy()
        for _ in range(25):
            d = (c * c).sum(1)[None, :] - 2 * x @ c.T
            a = d.argmin(1)
            n = np.bincount(a, minlength=256).astype(np.float32)
            sums = np.zeros_like(c)
            np.add.at(sums, a, x)
            c = np.where(n[:, None] > 0, sums / np.maximum(n, 1)[:, None], c)
        a = ((c * c).sum(1)[None, :] - 2 * x @ c.T).argmin(1)
        codes[:, j] = a
        books[j] = c
        out[:, j * sub:(j + 1) * sub] = c[a]
    return out, {'kind': 'pq', 'codes': codes, 'books': books}


tables = []  # (words, vectors as seen, stored form), word vectors then stem vectors
rng = np.random.default_rng(12345)
if args.vectors != 'none':
    for name in args.vectors.split(','):
        words, vecs = read_vec(name, args.vocab)
        cache = os.path.join(CACHE, 'embed', f'{name}.{args.vocab}.{args.quant}.pq.npz')
        if args.quant.startswith('pq') and os.path.exists(cache):
            z = np.load(cache)
            seen, stored = z['seen'], {'kind': 'pq', 'codes': z['codes'], 'books': z['books']}
        else:
            seen, stored = quantise(vecs, args.quant, rng)
            if args.quant.startswith('pq'):
                np.savez(cache, seen=seen, codes=stored['codes'], books=stored['books'])
        tables.append((words, seen, stored))
        err = float(np.linalg.norm(seen - vecs) / np.linalg.norm(vecs))
        log(f'{name}: {len(words)} vectors, {args.quant} (relative error {err:.3f})')
for s in splits.values():
    s['rows'] = []
    for k, (words, _, _) in enumerate(tables):
        index = {w: i + 1 for i, w in enumerate(words)}  # 0 = no vector
        s['rows'].append(np.array([index.get(w[k], 0) if w[k] else 0 for w in s['words']], dtype=np.int64))
if tables:
    log('coverage (dev tokens with a word / stem vector): ' + ', '.join(f'{(r > 0).mean():.3f}' for r in splits['aner-dev']['rows']))


# ---------------------------------------------------------------- model
class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.vec = nn.ModuleList()
        self.oov = nn.ParameterList()
        in_dim = 0
        for _, seen, _ in tables:
            e = nn.Embedding(len(seen) + 1, seen.shape[1])
            e.weight.data[1:] = torch.from_numpy(seen)
            e.weight.data[0] = 0
            e.weight.requires_grad = False
            self.vec.append(e)
            self.oov.append(nn.Parameter(torch.zeros(seen.shape[1])))
            in_dim += seen.shape[1]
        self.bag = nn.EmbeddingBag(mask_ids + 1, args.bag_dim, mode='sum')
        nn.init.normal_(self.bag.weight, std=0.05)
        in_dim += args.bag_dim
        if args.perceptron != 'none':
            in_dim += T
        w = args.width
        self.inp = nn.Linear(in_dim, w)
        self.dil = [int(d) for d in args.dilations.split(',') if d]
        self.convs = nn.ModuleList(nn.Conv1d(w, w, args.kernel, dilation=d, padding=d * (args.kernel // 2)) for d in self.dil)
        self.out = nn.Linear(w, T)
        self.trans = nn.Parameter(torch.zeros(T, T))
        self.start = nn.Parameter(torch.zeros(T))
        self.drop = nn.Dropout(args.dropout)

    def forward(self, batch):
        parts = []
        for k, e in enumerate(self.vec):
            rows = batch['rows'][k]
            v = e(rows)
            v = torch.where((rows == 0)[..., None], self.oov[k].expand_as(v), v)
            parts.append(v)
        bag = self.bag(batch['ids'], batch['id_offsets'])  # (tokens, D) in batch order
        parts.append(bag[batch['token_index']])
        if args.perceptron != 'none':
            parts.append(batch['scores'] / score_scale)
        x = torch.cat(parts, -1)
        h = F.relu(self.inp(self.drop(x)))  # B × L × W
        h = h * batch['mask'][..., None]
        for conv in self.convs:
            h = h + F.relu(conv(self.drop(h).transpose(1, 2)).transpose(1, 2))
            h = h * batch['mask'][..., None]
        em = self.out(self.drop(h))
        if args.perceptron == 'sum':
            em = em + batch['scores'] / score_scale
        return em


INSIDE = [t > 0 and t % 2 == 0 for t in range(T)]
allowed = torch.ones(T, T, dtype=torch.bool)
for p in range(T):
    for t in range(T):
        if INSIDE[t] and not (p == t or p == t - 1):
            allowed[p, t] = False
start_allowed = torch.tensor([not x for x in INSIDE])
NEG = -1e4


def masked_params(model):
    trans = torch.where(allowed, model.trans, torch.full_like(model.trans, NEG))
    start = torch.where(start_allowed, model.start, torch.full_like(model.start, NEG))
    return trans, start


def crf_nll(em, tags, mask, model):
    """Negative log-likelihood of the gold sequences (B × L emissions), summed."""
    trans, start = masked_params(model)
    B, L, _ = em.shape
    lengths = mask.sum(1).long()
    # gold score
    gold = start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
    for i in range(1, L):
        step = trans[tags[:, i - 1], tags[:, i]] + em[:, i].gather(1, tags[:, i:i + 1]).squeeze(1)
        gold = gold + step * mask[:, i]
    # partition
    alpha = start[None, :] + em[:, 0]
    for i in range(1, L):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + em[:, i]
        m = mask[:, i][:, None]
        alpha = torch.where(m > 0, nxt, alpha)
    logz = torch.logsumexp(alpha, dim=1)
    return (logz - gold).sum()


def viterbi(em, mask, model):
    trans, start = masked_params(model)
    B, L, _ = em.shape
    delta = start[None, :] + em[:, 0]
    back = []
    for i in range(1, L):
        v = delta[:, :, None] + trans[None]
        best, arg = v.max(1)
        nxt = best + em[:, i]
        m = mask[:, i][:, None] > 0
        delta = torch.where(m, nxt, delta)
        back.append(torch.where(m, arg, torch.arange(T)[None, :].expand(B, T)))
    out = torch.zeros(B, L, dtype=torch.long)
    cur = delta.argmax(1)
    lengths = mask.sum(1).long()
    for i in range(L - 1, -1, -1):
        out[:, i] = cur
        if i > 0:
            cur = back[i - 1].gather(1, cur[:, None]).squeeze(1)
    return [out[b, :lengths[b]].tolist() for b in range(B)]


def make_batch(s, sent_idx, train_mode):
    lengths = s['lengths'][sent_idx]
    L = int(lengths.max())
    B = len(sent_idx)
    tok = np.full((B, L), -1, dtype=np.int64)
    for b, si in enumerate(sent_idx):
        st = s['starts'][si]
        tok[b, :lengths[b]] = np.arange(st, st + lengths[b])
    valid = tok >= 0
    flat = tok[valid]
    starts = s['offsets'][flat]
    ends = s['offsets'][flat + 1]
    if train_mode and args.lex_dropout > 0:
        drop = np.random.random(len(flat)) < args.lex_dropout
        starts = np.where(drop, s['lexend'][flat], starts)
    counts = ends - starts
    id_offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    idx = np.repeat(starts - id_offsets, counts) + np.arange(counts.sum())
    token_index = np.zeros((B, L), dtype=np.int64)
    token_index[valid] = np.arange(len(flat))
    safe = np.where(valid, tok, 0)
    batch = {
        'ids': torch.from_numpy(s['ids'][idx]), 'id_offsets': torch.from_numpy(id_offsets),
        'token_index': torch.from_numpy(token_index),
        'rows': [torch.from_numpy(r[safe] * valid) for r in s['rows']],
        'scores': torch.from_numpy(s['scores'][safe] * valid[..., None]),
        'mask': torch.from_numpy(valid.astype(np.float32)),
        'tags': torch.from_numpy(s['tags'][safe] * valid),
    }
    return batch


def spans(tags):
    out, cur = set(), None
    for i, t in enumerate(list(tags) + [0]):
        typ = (t - 1) // 2 if t else -1
        if t and INSIDE[t] and cur and cur[2] == typ:
            cur[1] = i + 1
            continue
        if cur:
            out.add(tuple(cur))
            cur = None
        if t:
            cur = [i, i + 1, typ]
    return out


def evaluate(model, s):
    model.eval()
    pred_all = []
    order = np.argsort(s['lengths'], kind='stable')
    pred_all = [None] * len(order)
    with torch.no_grad():
        for b in range(0, len(order), 64):
            idx = order[b:b + 64]
            batch = make_batch(s, idx, False)
            for si, p in zip(idx, viterbi(model(batch), batch['mask'], model)):
                pred_all[si] = p
    model.train()
    c = {t: [0, 0, 0] for t in range(4)}
    for si, pred in enumerate(pred_all):
        st = s['starts'][si]
        gold = spans(s['tags'][st:st + s['lengths'][si]].tolist())
        ps = spans(pred)
        for sp in ps:
            c[sp[2]][0 if sp in gold else 1] += 1
        for sp in gold:
            if sp not in ps:
                c[sp[2]][2] += 1

    def f(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0)
    per = {TYPES[t]: f(*c[t]) for t in range(4)}
    tot = [sum(c[t][k] for t in range(4)) for k in range(3)]
    return {'micro': f(*tot), 'per': per}, pred_all


model = Scorer()
params = [p for p in model.parameters() if p.requires_grad]
opt = torch.optim.Adam(params, lr=args.lr)
n_sent = len(train['lengths'])
best = (-1, 0, None)
if args.perceptron == 'sum':
    res, _ = evaluate(model, splits['aner-dev'])
    log(f'before training: dev F1 {res["micro"][2]:.4f}, train F1 {evaluate(model, train)[0]["micro"][2]:.4f}')
for epoch in range(1, args.epochs + 1):
    lr = args.lr * max(0.1, 1 - (epoch - 1) / args.epochs)
    for g in opt.param_groups:
        g['lr'] = lr
    # Batches of sentences of similar length (less padding), in random order.
    perm = np.random.permutation(n_sent)
    perm = perm[np.argsort(train['lengths'][perm], kind='stable')]
    batches = [perm[b:b + args.batch] for b in range(0, n_sent, args.batch)]
    total = 0.0
    for bi in np.random.permutation(len(batches)):
        idx = batches[bi]
        batch = make_batch(train, idx, True)
        em = model(batch)
        tags = batch['tags']
        # Cost-augmented likelihood (softmax-margin): every wrong tag gets a bonus, larger where
        # the gold tag is part of a name, so the model keeps a margin against missing names.
        c = torch.where(tags > 0, args.recall_cost, args.o_cost)[..., None] * (1 - F.one_hot(tags, T).float())
        loss = crf_nll(em + c, tags, batch['mask'], model) / len(idx)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        total += float(loss) * len(idx)
    res, _ = evaluate(model, splits['aner-dev'])
    p, r, f1 = res['micro']
    log(f'epoch {epoch} loss/token {total / len(train["tags"]):.3f} dev F1 {f1:.4f} (P {p:.4f} R {r:.4f})')
    if f1 > best[0]:
        best = (f1, epoch, {k: v.detach().clone() for k, v in model.state_dict().items()})

model.load_state_dict(best[2])
report = {'args': vars(args), 'best_epoch': best[1]}
for name in ('aner-dev', 'wikifane-dev'):
    res, _ = evaluate(model, splits[name])
    report[name] = res
    p, r, f1 = res['micro']
    per = ' '.join(f'{t} {v[2]:.4f}' for t, v in res['per'].items())
    print(f'{name}: P {p:.4f} R {r:.4f} F1 {f1:.4f} | {per}')
log(f'best epoch {best[1]}')
print('RESULT ' + json.dumps({'tag': args.tag, 'seed': args.seed, 'dev': report['aner-dev'], 'wf': report['wikifane-dev'], 'epoch': best[1]}))

if args.export:
    os.makedirs(args.export, exist_ok=True)
    sd = model.state_dict()
    arrays = {}

    def put(name, a):
        a = np.ascontiguousarray(np.asarray(a, dtype=np.float32))
        a.tofile(os.path.join(args.export, name + '.f32'))
        arrays[name] = list(a.shape)
    manifest = {'args': vars(args), 'scoreScale': score_scale, 'arrays': arrays, 'tables': []}
    for k, (words, seen, stored) in enumerate(tables):
        tab = {'words': f'table{k}.words.txt', 'kind': stored['kind'], 'dim': int(seen.shape[1])}
        with open(os.path.join(args.export, tab['words']), 'w', encoding='utf8') as f:
            f.write('\n'.join(words) + '\n')
        if stored['kind'] == 'pq':
            stored['codes'].tofile(os.path.join(args.export, f'table{k}.codes.u8'))
            put(f'table{k}.books', stored['books'])
            tab['m'] = int(stored['codes'].shape[1])
        elif stored['kind'] == 'int8':
            stored['codes'].tofile(os.path.join(args.export, f'table{k}.codes.i8'))
            put(f'table{k}.scale', stored['scale'])
        else:
            put(f'table{k}.vectors', seen)
        put(f'table{k}.oov', sd[f'oov.{k}'].numpy())
        manifest['tables'].append(tab)
    put('bag', sd['bag.weight'].numpy())
    put('inp.w', sd['inp.weight'].numpy())
    put('inp.b', sd['inp.bias'].numpy())
    for i, d in enumerate(model.dil):
        put(f'conv{i}.w', sd[f'convs.{i}.weight'].numpy())  # out × in × k
        put(f'conv{i}.b', sd[f'convs.{i}.bias'].numpy())
    put('out.w', sd['out.weight'].numpy())
    put('out.b', sd['out.bias'].numpy())
    put('trans', sd['trans'].numpy())
    put('start', sd['start'].numpy())
    manifest['dilations'] = model.dil
    manifest['result'] = {'dev': report['aner-dev'], 'wf': report['wikifane-dev'], 'epoch': best[1]}
    json.dump(manifest, open(os.path.join(args.export, 'manifest.json'), 'w'), indent=1)
    log('exported to ' + args.export)
