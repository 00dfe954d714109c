// Reads @cspell/dict-ar's TrieXv3 file (a DAWG serialised as a char stream) into a word set.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cleanWord, stripProclitics } from '../../packages/arabic-ner/src/normalise.ts';

interface Node { c: Map<string, Node> | null; f: boolean }

function parseTrieV3(text: string): Node {
  const start = text.indexOf('__DATA__');
  const header = text.slice(0, start);
  const baseMatch = /base=(\d+)/.exec(header);
  const radix = baseMatch ? Number(baseMatch[1]) : 10;
  const data = text.slice(start + '__DATA__'.length);
  const root: Node = { c: null, f: false };
  const refs: Node[] = [];
  const stack: Node[] = [root];
  const numbered = new Set<Node>();
  let i = 0;
  const readCount = (): number => {
    let s = '';
    while (i < data.length && /[0-9]/.test(data[i] ?? '')) s += data[i++];
    return s ? Number(s) : 1;
  };
  const top = (): Node => stack[stack.length - 1] as Node;
  const addChild = (ch: string): void => {
    const parent = top();
    // A node is numbered (preorder) when it first gets a child, as the writer does.
    if (!numbered.has(parent)) { numbered.add(parent); refs.push(parent); }
    if (!parent.c) parent.c = new Map();
    const node: Node = { c: null, f: false };
    parent.c.set(ch, node);
    stack.push(node);
  };
  const pop = (n: number): void => { for (let k = 0; k < n && stack.length > 1; k++) stack.pop(); };
  while (i < data.length) {
    const ch = data[i++] as string;
    if (ch === '\n' || ch === '\r') continue;
    if (ch === '$') { top().f = true; pop(readCount()); continue; }
    if (ch === '<') { pop(readCount()); continue; }
    if (ch === '#') {
      const end = data.indexOf(';', i);
      const n = parseInt(data.slice(i, end), radix);
      i = end + 1;
      // Replace the just-added node with the referenced shared node.
      const node = stack.pop() as Node;
      const parent = top();
      const target = refs[n];
      if (!target) throw new Error(`bad ref ${n}`);
      for (const [k, v] of parent.c ?? []) if (v === node) parent.c?.set(k, target);
      stack.push(target);
      continue;
    }
    if (ch === '\\') { addChild(data[i++] as string); continue; }
    addChild(ch);
  }
  return root;
}

export function loadArabicDictionaryTrie(): { has(word: string): boolean; words(limit?: number): string[] } {
  const require = createRequire(import.meta.url);
  // The package exports only its cspell config; the trie sits next to package.json.
  const path = join(dirname(require.resolve('@cspell/dict-ar')), 'ar.trie.gz');
  const root = parseTrieV3(gunzipSync(readFileSync(path)).toString('utf8'));
  return {
    has(word: string): boolean {
      let n: Node | undefined = root;
      for (const ch of word) { n = n.c?.get(ch); if (!n) return false; }
      return n.f;
    },
    words(limit = Infinity): string[] {
      const out: string[] = [];
      const walk = (n: Node, prefix: string): void => {
        if (out.length >= limit) return;
        if (n.f) out.push(prefix);
        if (n.c) for (const [k, v] of n.c) walk(v, prefix + k);
      };
      walk(root, '');
      return out;
    },
  };
}

/** Normalised words (and clitic-stripped stems) among `tokens` that the Arabic dictionary knows. */
export function dictionaryWordsFor(tokens: Iterable<string>): Set<string> {
  const dict = loadArabicDictionaryTrie();
  const out = new Set<string>();
  for (const tok of tokens) {
    const raw = tok.replace(/[^\u0621-\u064A]/g, '');
    if (raw.length < 2) continue;
    if (dict.has(raw)) { const n = cleanWord(raw); out.add(n); out.add(stripProclitics(n).stem); }
  }
  return out;
}
