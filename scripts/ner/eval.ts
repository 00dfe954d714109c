// npm run -s ner:eval -- FILE : conlleval-style exact-span scores of the shipped model.
// npm run -s ner:eval -- --wikifane-dev : the same on the WikiFANE dev split (scripts/ner/wikifane.ts).
import { join } from 'node:path';
import { evaluateSentences, loadShippedModel } from './run-model.ts';
import { DATA_DIR, readConll, toLabelled } from './conll.ts';
import { readWikifane } from './wikifane.ts';
import { TAGS } from '../../packages/arabic-ner/src/tags.ts';

const file = process.argv[2];
if (!file) { console.error('usage: npm run -s ner:eval -- FILE | --wikifane-dev'); process.exit(2); }
const sentences = file === '--wikifane-dev'
  ? readWikifane(toLabelled(readConll(join(DATA_DIR, 'train.tsv')).sentences)).dev.map((s) => s.tokens.map((token, i) => ({ token, tag: TAGS[s.tags[i] as number] ?? 'O' })))
  : readConll(file).sentences;
const model = loadShippedModel();
evaluateSentences(model, sentences); // warm-up so throughput reflects steady state
const r = evaluateSentences(model, sentences);
const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
console.log('type   precision  recall      F1   gold  pred');
for (const [t, s] of Object.entries(r.perType)) console.log(`${t.padEnd(5)}  ${pct(s.precision)}    ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(5)}`);
console.log(`micro  ${pct(r.micro.precision)}    ${pct(r.micro.recall)}  ${pct(r.micro.f1)}  ${String(r.micro.tp + r.micro.fn).padStart(5)} ${String(r.micro.tp + r.micro.fp).padStart(5)}`);
console.log(`throughput ${Math.round(r.tokensPerSecond)} tokens/s (${r.tokens} tokens)`);
console.log(`F1 ${r.micro.f1.toFixed(4)}`);
