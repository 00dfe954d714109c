// The package's front door: load the model once, then tag texts into name spans (with the rule
// layers) or tokens (the model's own BIO tags with their probabilities).
import { splitSentences, tagDocument, type NameSpan, type TagOptions } from './document.ts';
import { readModel, scoreDocument, type NerModel } from './model.ts';
import type { Kernel } from './neural/kernel.ts';
import { TAGS, tokenMarginals } from './tags.ts';
import { tokenize, type Token } from './tokenize.ts';

/** A token with the model's tag for it ('O', 'B-PERS', 'I-ORG', …) and that tag's probability. */
export interface TaggedToken extends Token { tag: string; confidence: number }

export interface Tagger {
  readonly model: NerModel;
  /** Name spans of one text (one document), in order. */
  tag(text: string, options?: TagOptions): NameSpan[];
  /** Name spans of a document given as several texts (e.g. paragraphs); `block` says which text. */
  tagDocument(texts: readonly string[], options?: TagOptions): NameSpan[];
  /** The model's tags token by token, without the rule layers, as sentences of tokens. */
  tagTokens(text: string): TaggedToken[][];
}

/** Where the bundled model is, next to the package's code (resolved lazily, so bundlers only copy it when it is used). */
export function bundledModelUrl(): URL {
  return new URL('../model/ner-model.bin', import.meta.url);
}

/** A URL, or (in Node) a file path. */
async function readBytes(source: string | URL): Promise<Uint8Array> {
  const isUrl = source instanceof URL || /^[a-z][a-z0-9+.-]+:/i.test(source);
  const inBrowser = typeof location !== 'undefined';
  const url = isUrl ? new URL(source) : inBrowser ? new URL(source, location.href) : null;
  if (!url || url.protocol === 'file:') {
    // Node: fetch() cannot read files. The specifier is a variable so that browser bundles do not
    // try to include node:fs.
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises');
    return new Uint8Array(await readFile(url ?? source));
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the model from ${url.href}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Loads a model and returns a tagger. Without an argument, the model bundled with the package
 * (read from disk in Node, fetched next to the code in a browser); otherwise a URL, a file path
 * (Node) or the bytes of a model file. Throws ModelFormatError for a file that is not a valid model.
 */
export async function loadModel(source?: string | URL | ArrayBuffer | Uint8Array, options: { kernel?: Kernel } = {}): Promise<Tagger> {
  const bytes = source instanceof ArrayBuffer || source instanceof Uint8Array ? source : await readBytes(source ?? bundledModelUrl());
  return createTagger(readModel(bytes, options));
}

/** A tagger over a model already read (readModel). */
export function createTagger(model: NerModel): Tagger {
  return {
    model,
    tag: (text, options) => tagDocument(model, [text], options),
    tagDocument: (texts, options) => tagDocument(model, texts, options),
    tagTokens(text) {
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens).map(([s, e]) => tokens.slice(s, e));
      const scored = scoreDocument(model, sentences.map((s) => s.map((t) => t.text)), 0);
      return sentences.map((sent, i) => {
        const tags = scored.tags[i] as Int32Array;
        const p = tokenMarginals(scored.scores[i] as Float32Array, sent.length, scored.trans, scored.start, scored.temperature);
        return sent.map((t, k) => ({ ...t, tag: TAGS[tags[k] as number] as string, confidence: p[k * TAGS.length + (tags[k] as number)] as number }));
      });
    },
  };
}
