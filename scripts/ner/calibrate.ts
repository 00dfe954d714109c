// Confidence calibration: the temperature that makes a model's span probabilities honest on dev
// (temperature scaling, Guo et al. 2017): the one scalar that maximises the likelihood of dev's
// gold tag sequences under the decoder's own linear-chain model, scores and transitions divided by it.
import { scoreDocument, sentenceSpans, type NerModel } from '../../packages/arabic-ner/src/model.ts';
import { isInside, sequenceLogProbability, spansFromTags } from '../../packages/arabic-ner/src/tags.ts';

/** Gold tags as a sequence the BIO mask allows: an I- that does not continue its type is read as B- (as conlleval reads it). */
export function validTags(tags: ArrayLike<number>): number[] {
  const out = Array.from(tags);
  for (let i = 0; i < out.length; i++) {
    const t = out[i] as number;
    if (isInside(t) && (i === 0 || (out[i - 1] !== t && out[i - 1] !== t - 1))) out[i] = t - 1;
  }
  return out;
}

export function fitTemperature(model: NerModel, sentences: ReadonlyArray<readonly string[]>, gold: ReadonlyArray<ArrayLike<number>>, window: number): number {
  const doc = scoreDocument(model, sentences, window);
  const golds = gold.map(validTags);
  const nll = (temperature: number): number => -doc.scores.reduce((a, sc, i) => a + sequenceLogProbability(sc, (sentences[i] as readonly string[]).length, doc.trans, doc.start, golds[i] as number[], temperature), 0);
  // Golden-section search on log T over [1/16, 1024].
  let lo = Math.log(1 / 16), hi = Math.log(1024);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo), b = lo + g * (hi - lo);
  let fa = nll(Math.exp(a)), fb = nll(Math.exp(b));
  for (let k = 0; k < 30; k++) {
    if (fa < fb) { hi = b; b = a; fb = fa; a = hi - g * (hi - lo); fa = nll(Math.exp(a)); }
    else { lo = a; a = b; fa = fb; b = lo + g * (hi - lo); fb = nll(Math.exp(b)); }
  }
  return Math.exp((lo + hi) / 2);
}

/** Precision and share of the gold names kept, of the decoded spans at or above each confidence. */
export function confidenceTable(model: NerModel, sentences: ReadonlyArray<readonly string[]>, gold: ReadonlyArray<ArrayLike<number>>, window: number, thresholds = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]): Array<{ threshold: number; precision: number; recall: number; spans: number }> {
  const doc = scoreDocument(model, sentences, window);
  const found: Array<{ confidence: number; right: boolean }> = [];
  let goldCount = 0;
  doc.tags.forEach((_, i) => {
    const spans = sentenceSpans(doc, i);
    const goldSpans = new Set(spansFromTags(gold[i] as ArrayLike<number>).map((s) => `${s.start}:${s.end}:${s.type}`));
    goldCount += goldSpans.size;
    spans.forEach((s) => found.push({ confidence: s.confidence, right: goldSpans.has(`${s.start}:${s.end}:${s.type}`) }));
  });
  return thresholds.map((threshold) => {
    const kept = found.filter((f) => f.confidence >= threshold);
    const right = kept.filter((f) => f.right).length;
    return { threshold, precision: kept.length ? right / kept.length : 0, recall: goldCount ? right / goldCount : 0, spans: kept.length };
  });
}

export function printConfidenceTable(rows: ReturnType<typeof confidenceTable>): void {
  console.log('confidence ≥  precision  recall  spans');
  for (const r of rows) console.log(`${r.threshold.toFixed(2).padStart(12)}  ${(100 * r.precision).toFixed(1).padStart(9)}  ${(100 * r.recall).toFixed(1).padStart(6)}  ${String(r.spans).padStart(5)}`);
}
