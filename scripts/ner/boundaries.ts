// npm run -s ner:boundaries -- [--model PATH ...] [--wikifane-dev] [--show N]
// How models err on the edges of people's names (issue 20): gold PERS names with a kinship
// connector (بن، ابن، بنت، أبو، أبي، أبا، آل) and model spans that open with a title (الرئيس، الشيخ
// …), which ANERcorp keeps outside the name; before ("decoder") and after ("mended") the
// boundary step of packages/arabic-ner/src/boundaries.ts. One block per model, then means.
import { join } from 'node:path';
import { scoreDocument } from '../../packages/arabic-ner/src/model.ts';
import { evaluateSpans } from '../../packages/arabic-ner/src/evaluate.ts';
import { spansFromTags } from '../../packages/arabic-ner/src/tags.ts';
import { isKinshipConnector, isNameTitle } from '../../packages/arabic-ner/src/boundaries.ts';
import type { LabelledSentence } from '../../packages/arabic-ner/src/perceptron.ts';
import { DATA_DIR, MODEL_PATH, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { loadShippedModel } from './run-model.ts';

const paths = process.argv.flatMap((a, i) => (a === '--model' ? [process.argv[i + 1] as string] : []));
const showAt = process.argv.indexOf('--show');
const show = showAt >= 0 ? Number(process.argv[showAt + 1]) : 0;
const aner = toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences);
const data = process.argv.includes('--wikifane-dev') ? readWikifane(aner).dev : toLabelled(readConll(join(DATA_DIR, 'dev.tsv')).sentences);

type Span = { start: number; end: number; type: string };
const words = (tokens: readonly string[], s: Span): string => tokens.slice(s.start, s.end).join(' ');
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Scores and boundary counts of one tagging of the data. */
function measure(sentences: readonly LabelledSentence[], pred: readonly Int32Array[], examples: string[]): Record<string, number> {
  const r = evaluateSpans(sentences.map((s) => s.tags), pred);
  const c = { F1: r.micro.f1, P: r.micro.precision, R: r.micro.recall, PERS: r.perType.PERS?.f1 ?? 0, kinGold: 0, kinExact: 0, kinBoundary: 0, kinOther: 0, titleOpened: 0, boundaryAll: 0, boundaryPers: 0 };
  sentences.forEach((s, i) => {
    const gold = spansFromTags(s.tags), got = spansFromTags(pred[i] ?? []);
    for (const g of gold) {
      const same = got.find((p) => p.start === g.start && p.end === g.end && p.type === g.type);
      const over = got.filter((p) => overlaps(p, g));
      if (!same && over.some((p) => p.type === g.type)) { c.boundaryAll++; if (g.type === 'PERS') c.boundaryPers++; }
      if (g.type !== 'PERS' || !s.tokens.slice(g.start + 1, g.end).some(isKinshipConnector)) continue;
      c.kinGold++;
      if (same) c.kinExact++;
      else if (over.some((p) => p.type === 'PERS')) c.kinBoundary++;
      else c.kinOther++;
      if (!same && examples.length < show) examples.push(`gold «${words(s.tokens, g)}»  model ${over.map((p) => `«${words(s.tokens, p)}» ${p.type}`).join(', ') || '—'}`);
    }
    for (const p of got) {
      if (p.type !== 'PERS' || p.end - p.start < 2 || !isNameTitle(s.tokens[p.start] as string)) continue;
      if (gold.some((g) => g.start === p.start && g.end === p.end)) continue;
      c.titleOpened++;
      if (examples.length < show) examples.push(`opens with a title «${words(s.tokens, p)}»  gold ${gold.filter((g) => overlaps(g, p)).map((g) => `«${words(s.tokens, g)}»`).join(', ') || '—'}`);
    }
  });
  return c;
}

const rows: Record<'decoder' | 'mended', Array<Record<string, number>>> = { decoder: [], mended: [] };
for (const path of paths.length ? paths : [MODEL_PATH]) {
  const model = loadShippedModel(path);
  const doc = scoreDocument(model, data.map((s) => s.tokens), model.window);
  console.log(path);
  for (const [label, pred] of [['decoder', doc.modelTags], ['mended', doc.tags]] as const) {
    const examples: string[] = [];
    const c = measure(data, pred, examples);
    rows[label].push(c);
    console.log(`  ${label}: micro F1 ${c.F1?.toFixed(4)} (P ${c.P?.toFixed(4)} R ${c.R?.toFixed(4)}, PERS ${c.PERS?.toFixed(4)})`);
    console.log(`    gold PERS names with a kinship connector: ${c.kinGold} — exact ${c.kinExact}, wrong edges ${c.kinBoundary}, missed or other type ${c.kinOther}`);
    console.log(`    wrong PERS spans that open with a title: ${c.titleOpened}; gold names found with the right type but wrong edges: ${c.boundaryAll} (PERS ${c.boundaryPers})`);
    for (const e of examples) console.log(`      ${e}`);
  }
}
if (rows.decoder.length > 1) for (const [label, list] of Object.entries(rows)) {
  const stat = (k: string): string => {
    const xs = list.map((r) => r[k] as number);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length, half = (Math.max(...xs) - Math.min(...xs)) / 2;
    return Number.isInteger(xs[0]) ? `${mean.toFixed(1)} ± ${half.toFixed(1)}` : `${mean.toFixed(4)} ± ${half.toFixed(4)}`;
  };
  console.log(`${label}, mean over ${list.length} models (± half the range): ${Object.keys(list[0] as object).map((k) => `${k} ${stat(k)}`).join(', ')}`);
}
