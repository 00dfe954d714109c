import * as v from 'valibot';
import type { Article, BlockKind } from './article';
import { articleSchema } from '../schema/article';
import { ARTICLE_LIMITS, IMPORT_LIMITS } from '../limits';

/**
 * The importers produce only what the store accepts. Long paragraphs are cut at sentence
 * boundaries, an over-long title line becomes a title plus a paragraph, and an article that still
 * does not fit (too many blocks, too much text) is refused with a reason the UI can state, before
 * anything is saved.
 */

export interface Draft {
  kind: BlockKind;
  text: string;
}

export type FitProblem =
  | { readonly code: 'too-many-blocks'; readonly count: number; readonly limit: number }
  | { readonly code: 'too-long'; readonly count: number; readonly limit: number }
  | { readonly code: 'invalid'; readonly reason: string };

// A sentence ends at . ! ? ؟ … (and a closing quote or bracket) followed by a space.
const SENTENCE_END = /[.!?؟…]+["'”’»)\]]*\s+/g;

function cutAtSpace(text: string, max: number): [string, string] {
  const space = text.lastIndexOf(' ', max);
  const at = space > max / 2 ? space : max;
  return [text.slice(0, at).trim(), text.slice(at).trim()];
}

/** Pieces of at most `max` characters, cut after a sentence where possible, else at a space, else anywhere. */
export function splitAtSentences(text: string, max: number = IMPORT_LIMITS.paragraphSplitAt): string[] {
  if (text.length <= max) return [text];
  const sentences: string[] = [];
  let from = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    sentences.push(text.slice(from, end));
    from = end;
  }
  sentences.push(text.slice(from));
  const pieces: string[] = [];
  let current = '';
  for (let sentence of sentences) {
    while (sentence.length > max) {
      const [head, tail] = cutAtSpace(sentence, max);
      if (current.trim()) pieces.push(current.trim());
      current = '';
      pieces.push(head);
      sentence = tail;
    }
    if (current.length + sentence.length > max && current.trim()) {
      pieces.push(current.trim());
      current = '';
    }
    current += sentence;
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces.filter((p) => p !== '');
}

/** A title line short enough to be one: its first sentence, or its first words. */
export function shortTitle(line: string, max: number = IMPORT_LIMITS.titleMaxLength): string {
  const end = new RegExp(SENTENCE_END.source).exec(line);
  const first = end ? line.slice(0, end.index + end[0].length).trim() : line;
  return first.length <= max ? first : cutAtSpace(first, max)[0];
}

/** Characters other than whitespace: a lower bound on the text an article made of `text` holds. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) count += 1;
  }
  return count;
}

/** Cut long blocks; `drafts[0]` is the title. An over-long title keeps its whole text as the first paragraph. */
export function fitDrafts(drafts: readonly Draft[]): Draft[] {
  const [title, ...rest] = drafts;
  if (!title) return [];
  const out: Draft[] = [];
  if (title.text.length > IMPORT_LIMITS.titleMaxLength) {
    const short = shortTitle(title.text);
    out.push({ kind: 'title', text: short });
    const remainder = title.text.slice(short.length).trim();
    if (remainder) rest.unshift({ kind: 'paragraph', text: remainder });
  } else out.push(title);
  for (const draft of rest) {
    for (const piece of splitAtSentences(draft.text)) out.push({ kind: draft.kind, text: piece });
  }
  return out;
}

/** What the store would say about this article, checked before saving. */
export function checkFits(article: Article): FitProblem | undefined {
  if (article.blocks.length > ARTICLE_LIMITS.maxBlocks) return { code: 'too-many-blocks', count: article.blocks.length, limit: ARTICLE_LIMITS.maxBlocks };
  const total = article.blocks.reduce((n, b) => n + b.text.length, 0);
  if (total > ARTICLE_LIMITS.totalTextLength) return { code: 'too-long', count: total, limit: ARTICLE_LIMITS.totalTextLength };
  const parsed = v.safeParse(articleSchema, article);
  if (!parsed.success) return { code: 'invalid', reason: parsed.issues[0].message };
  return undefined;
}
