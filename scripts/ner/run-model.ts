// Runs the shipped model on token-per-line files exactly as the browser engine does.
import { readFileSync } from 'node:fs';
import { readModel, predictDocument, type NerModel } from '../../packages/arabic-ner/src/model.ts';
import { evaluateSpans, type EvalResult } from '../../packages/arabic-ner/src/evaluate.ts';
import { tagId } from '../../packages/arabic-ner/src/tags.ts';
import { MODEL_PATH, readConll, type ConllLine } from './conll.ts';

export function loadShippedModel(path = MODEL_PATH): NerModel {
  return readModel(readFileSync(path));
}

export function predictFile(model: NerModel, sentences: ConllLine[][]): { tags: Int32Array[]; seconds: number; tokens: number } {
  const t0 = performance.now();
    // A file has no document boundaries: the model's window of sentences stands in for one.
  const tags = predictDocument(model, sentences.map((s) => s.map((l) => l.token)), model.window);
  const seconds = (performance.now() - t0) / 1000;
  return { tags, seconds, tokens: sentences.reduce((a, s) => a + s.length, 0) };
}

export function evaluateFile(model: NerModel, path: string): EvalResult & { tokensPerSecond: number; tokens: number } {
  return evaluateSentences(model, readConll(path).sentences);
}

export function evaluateSentences(model: NerModel, sentences: ConllLine[][]): EvalResult & { tokensPerSecond: number; tokens: number } {
  const gold = sentences.map((s) => s.map((l) => tagId(l.tag ?? 'O')));
  const run = predictFile(model, sentences);
  return { ...evaluateSpans(gold, run.tags), tokensPerSecond: run.tokens / run.seconds, tokens: run.tokens };
}
